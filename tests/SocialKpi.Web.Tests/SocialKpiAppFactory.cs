using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Data.Identity;
using SocialKpi.Data.Tests;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Tests;

/// <summary>
/// The whole app on its own SQLite file in the temp folder (or its own PostgreSQL database when SOCIALKPI_TEST_POSTGRES
/// is set, see TestStore), demo seed on unless asked otherwise.
/// </summary>
public sealed class SocialKpiAppFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"socialkpi-web-{Guid.NewGuid():N}");

    public const string AdminEmail = "admin@socialkpi.test";
    public const string AdminPassword = "correct horse battery";

    public bool SeedDemoData { get; init; } = true;

    /// <summary>Whether the first administrator comes from configuration (else the app waits for /setup).</summary>
    public bool BootstrapAdmin { get; init; } = true;

    private string? postgresDatabase;

    /// <summary>The engine: the run's (see TestStore) unless a test is about one engine.</summary>
    public StoreProvider Provider { get; init; } = TestStore.Provider;

    public string DatabasePath => Path.Combine(folder, "app.db");

    public string LogFolder => Path.Combine(folder, "logs");

    /// <summary>More configuration, e.g. SocialKpi:BootstrapAdmin:Email and :Password so an administrator exists.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Provider == StoreProvider.Postgres)
        {
            // Migrated from a template; the app itself seeds the demo on start, as on SQLite.
            // Off xunit's few-threads context, which a blocked thread would otherwise deadlock.
            postgresDatabase = Task.Run(() => TestStore.CreatePostgresDatabaseAsync(seedDemo: false, DateOnly.MinValue)).GetAwaiter().GetResult();
            builder.UseSetting("SocialKpi:Database:Provider", nameof(StoreProvider.Postgres));
            builder.UseSetting("ConnectionStrings:SocialKpi", postgresDatabase);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:SocialKpi", $"Data Source={DatabasePath}");
        }

        builder.UseSetting("SocialKpi:SeedDemoData", SeedDemoData ? "true" : "false");
        builder.UseSetting("SocialKpi:LogFolder", LogFolder);
        if (BootstrapAdmin)
        {
            builder.UseSetting("SocialKpi:BootstrapAdmin:Email", AdminEmail);
            builder.UseSetting("SocialKpi:BootstrapAdmin:Password", AdminPassword);
        }

        builder.UseEnvironment("Production");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that acts as the bootstrap administrator through a personal access token.</summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var client = CreateClient();
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync(AdminEmail) ?? throw new InvalidOperationException("No bootstrap administrator.");
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().CreateAsync(admin.Id, "tests");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (postgresDatabase is not null)
        {
            await TestStore.DropPostgresDatabaseAsync(postgresDatabase);
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
