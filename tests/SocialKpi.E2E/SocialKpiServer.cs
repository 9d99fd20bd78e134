using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Data.Identity;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.E2E;

/// <summary>
/// The whole app on a real Kestrel port of 127.0.0.1, on its own SQLite file in the temp folder, so a browser can
/// open it. Demo seed on unless asked otherwise; every test that needs a fresh database starts its own.
/// </summary>
public sealed class SocialKpiServer : WebApplicationFactory<Program>
{
    public const string DemoWorkspace = "Maison Lumière";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"socialkpi-e2e-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> settings = [];

    private SocialKpiServer()
    {
    }

    /// <summary>The address the browser opens, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Starts the app; <paramref name="settings"/> are configuration keys such as "SocialKpi:BootstrapAdmin:Email".</summary>
    public static SocialKpiServer Start(bool seedDemoData = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new SocialKpiServer();
        server.settings["SocialKpi:SeedDemoData"] = seedDemoData ? "true" : "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            server.settings[key] = value;
        }

        // Port 0: the system picks a free one, so runs never collide with each other or with a developer's app.
        server.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        server.StartServer();
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.BaseUrl = addresses.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return server;
    }

    /// <summary>Starts the app with an administrator created from the unattended-install settings.</summary>
    public static SocialKpiServer StartWithAdministrator(string email, string password) =>
        Start(settings: new Dictionary<string, string>
        {
            ["SocialKpi:BootstrapAdmin:Email"] = email,
            ["SocialKpi:BootstrapAdmin:Password"] = password,
            ["SocialKpi:BootstrapAdmin:DisplayName"] = "Hélène Médard",
        });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:SocialKpi", $"Data Source={Path.Combine(folder, "app.db")}");
        builder.UseSetting("SocialKpi:LogFolder", Path.Combine(folder, "logs"));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Production");
        // A published app serves wwwroot and the packages' _content/ from its own folder; a build output serves
        // them through the static web assets manifest, which only Development loads by itself.
        builder.UseStaticWebAssets();
    }

    public async Task<int> WorkspaceIdAsync(string name)
    {
        await using var db = await CreateDbContextAsync();
        return await db.Workspaces.Where(w => w.Name == name).Select(w => w.Id).SingleAsync();
    }

    public async Task<int> AddWorkspaceAsync(string name)
    {
        await using var db = await CreateDbContextAsync();
        var workspace = new Workspace { Name = name };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        return workspace.Id;
    }

    /// <summary>A regular (not administrator) account, member of the given workspaces.</summary>
    public async Task AddUserAsync(string email, string password, string displayName, params int[] memberOf)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await using var db = await CreateDbContextAsync();
        db.WorkspaceMembers.AddRange(memberOf.Select(id => new WorkspaceMember { WorkspaceId = id, UserId = user.Id, Role = WorkspaceRole.Viewer }));
        await db.SaveChangesAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task<SocialKpiDbContext> CreateDbContextAsync() =>
        Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>().CreateDbContextAsync();
}
