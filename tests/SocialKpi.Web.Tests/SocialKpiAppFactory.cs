using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace SocialKpi.Web.Tests;

/// <summary>The whole app on its own SQLite file in the temp folder, demo seed on unless asked otherwise.</summary>
public sealed class SocialKpiAppFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"socialkpi-web-{Guid.NewGuid():N}");

    public bool SeedDemoData { get; init; } = true;

    public string DatabasePath => Path.Combine(folder, "app.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:SocialKpi", $"Data Source={DatabasePath}");
        builder.UseSetting("SocialKpi:SeedDemoData", SeedDemoData ? "true" : "false");
        builder.UseSetting("SocialKpi:LogFolder", Path.Combine(folder, "logs"));
        builder.UseEnvironment("Production");
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
}
