using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocialKpi.E2E;

/// <summary>One user's browser tab, with the steps every test shares: signing in, waiting for the page to be live, screenshots.</summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly string test;
    // Playwright raises page events on its own thread.
    private readonly ConcurrentQueue<string> errors = new();
    private int screenshots;

    internal BrowserSession(IBrowserContext context, IPage page, string test)
    {
        this.context = context;
        this.test = test;
        Page = page;
        // Script errors, refused resources (a CSP violation) and failed requests are bugs the user would meet.
        page.PageError += (_, error) => errors.Enqueue(error);
        page.Console += (_, message) =>
        {
            // A failed request is reported below, with its address, which the console message lacks.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Enqueue(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            // The browser asks for /favicon.ico on its own; the app does not have one yet.
            if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                errors.Enqueue($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The page's title: its first h1 (an empty state inside a workspace page is a second one).</summary>
    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First;

    /// <summary>Where screenshots go: screenshots/ beside the test assembly (bin/…), never committed.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Errors the page reported in the browser console so far.</summary>
    public IReadOnlyList<string> BrowserErrors => [.. errors];

    /// <summary>Signs in through the form and waits for the page the app leads to.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/account/login");
        await FillSignInFormAsync(email, password);
        await Expect(Page).Not.ToHaveURLAsync(SignInUrl());
    }

    public async Task FillSignInFormAsync(string email, string password)
    {
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    }

    /// <summary>
    /// Waits until the Blazor circuit has taken over the server-rendered page, i.e. until the header's sidebar
    /// toggle has the event handlers Blazor attaches when it renders interactively. Before that, clicks on Radzen
    /// components go nowhere, exactly as they would for a user on a slow connection.
    /// </summary>
    public async Task WaitUntilInteractiveAsync()
    {
        try
        {
            // Blazor keeps an element's handlers in an expando named _blazorEvents_N (EventDelegator); it exists only
            // on elements rendered by a live circuit, never on prerendered HTML.
            await Page.WaitForFunctionAsync("""
                selector => {
                    const element = document.querySelector(selector);
                    return window.Blazor !== undefined && element !== null
                        && Object.keys(element).some(key => key.startsWith('_blazorEvents_'));
                }
                """, ".rz-sidebar-toggle");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(
                $"The Blazor circuit never became interactive on {Page.Url} (no event handlers on the header's sidebar toggle). " +
                $"Browser errors: {string.Join(" | ", errors)}", e);
        }
    }

    /// <summary>Saves a full-page screenshot named after the test and the step, in order.</summary>
    public async Task ScreenshotAsync(string step)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        screenshots++;
        var path = Path.Combine(ScreenshotFolder, $"{test}-{screenshots:00}-{step}.png");
        // Animations disabled: a popup caught half faded in, or a ripple under the cursor, says nothing about the page.
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>The sign-in page, whatever return address it carries.</summary>
    public static Regex SignInUrl() => SignInUrlPattern();

    /// <summary>
    /// Pastes <paramref name="text"/> into the focused element as the browser does for Ctrl+V (a headless browser has no
    /// clipboard to read from).
    /// </summary>
    public async Task PasteAsync(string text) => await Page.EvaluateAsync("""
        text => {
            const data = new DataTransfer();
            data.setData('text/plain', text);
            document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }
        """, text);

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    [GeneratedRegex(@"/account/login(\?.*)?$")]
    private static partial Regex SignInUrlPattern();
}
