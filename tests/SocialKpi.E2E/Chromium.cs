using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace SocialKpi.E2E;

/// <summary>
/// One headless Chromium for the whole run: Debian's /usr/bin/chromium (or the one SOCIALKPI_CHROMIUM names),
/// never a browser downloaded by Playwright. Each test gets its own browser context, so no cookie leaks between tests.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string DefaultPath = "/usr/bin/chromium";
    public const string PathVariable = "SOCIALKPI_CHROMIUM";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
        {
            // Never a skip: on CI (CI=true) a missing browser must turn the run red, and locally it says how to fix it.
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {path}, which does not exist. Install Debian's package with " +
                $"`sudo apt-get install -y chromium` (./test.sh does it when it runs as root), or set {PathVariable} " +
                "to another Chromium executable. Playwright's own browser download (`playwright install`) is not used." +
                (IsCi ? " CI=true: browser tests fail rather than skip." : ""));
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = Arguments,
        });
        // A shared machine can be slow; waits end as soon as their condition holds, so a generous limit costs nothing.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A fresh browser context (no cookies) on <paramref name="server"/>, French like the app's users.</summary>
    public async Task<BrowserSession> OpenAsync(SocialKpiServer server, [CallerMemberName] string test = "")
    {
        ArgumentNullException.ThrowIfNull(server);
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return new BrowserSession(context, await context.NewPageAsync(), test);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>All browser tests share one Chromium and run one after the other: a predictable load on a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
