using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Radzen;
using SocialKpi.Data;
using SocialKpi.Data.Tests;
using SocialKpi.Web.Features.Dashboard;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Tests;

/// <summary>
/// bUnit with the app's services, French culture and, when asked, a real database behind the pages: a SQLite file, or a
/// PostgreSQL database of its own when the run asks for PostgreSQL (see TestStore).
/// </summary>
public sealed class ComponentTestContext : BunitContext
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"socialkpi-bunit-{Guid.NewGuid():N}.db");
    private string? postgresDatabase;

    public ComponentTestContext(string culture = "fr-FR")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Radzen charts ask the browser for their size before drawing: give them one.
        JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true)
            .SetResult(new Radzen.Blazor.Rendering.Rect { Width = 800, Height = 300 });
        Services.AddLocalization();
        Services.AddRadzenComponents();
        Services.AddSingleton(TimeProvider.System);
        Services.AddDbContextFactory<SocialKpiDbContext>(o => o.Configure(TestStore.Provider, postgresDatabase ?? $"Data Source={databasePath}"));
        Services.AddScoped<DashboardService>();
        Services.AddScoped<ObjectivePageService>();
        Services.AddScoped<ChannelPageService>();
        // The week view shows the week's costs and annotations below the figures grid.
        Services.AddSingleton(typeof(SocialKpi.Web.Components.Sheets.SheetDrafts<>));
        Services.AddScoped<SocialKpi.Web.Features.Costs.WeekCostsService>();
        Services.AddScoped<SocialKpi.Web.Features.Annotations.WeekAnnotationsService>();
        Services.AddScoped<WorkspaceSelection>();
        Services.AddSingleton<WorkspaceAccess>();
    }

    /// <summary>Signs a user in for the rendered components; an administrator sees every workspace.</summary>
    public void SignIn(string userId = "user-1", bool administrator = true)
    {
        var authorization = this.AddAuthorization();
        authorization.SetAuthorized(userId);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId) };
        if (administrator)
        {
            claims.Add(new Claim(SocialKpiClaims.Administrator, "true"));
        }

        authorization.SetClaims([.. claims]);
    }

    /// <summary>Migrates the database; <paramref name="arrange"/> may then add what the test needs.</summary>
    public async Task UseDatabaseAsync(bool seedDemo, Func<SocialKpiDbContext, Task>? arrange = null)
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        if (TestStore.Provider == StoreProvider.Postgres)
        {
            postgresDatabase = await TestStore.CreatePostgresDatabaseAsync(seedDemo, today);
        }

        var factory = Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await DatabaseInitializer.InitializeAsync(db, seedDemo, today, NullLogger.Instance);
        if (arrange is not null)
        {
            await arrange(db);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (postgresDatabase is not null)
        {
            // Off xunit's few-threads context, which a blocked thread would otherwise deadlock.
            Task.Run(() => TestStore.DropPostgresDatabaseAsync(postgresDatabase)).GetAwaiter().GetResult();
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
