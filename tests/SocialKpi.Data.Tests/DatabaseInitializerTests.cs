using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SocialKpi.Data.Seeding;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Data.Tests;

public class DatabaseInitializerTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_leave_nothing_pending()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.MetricValues.CountAsync());
    }

    [Fact]
    public async Task A_SQLite_database_runs_in_WAL_mode()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var db = database.Open();

        var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task The_folder_of_the_database_file_is_created_when_missing()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"socialkpi-folder-{Guid.NewGuid():N}", "nested");
        var options = new DbContextOptionsBuilder<SocialKpiDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "app.db")}").Options;
        try
        {
            await using var db = new SocialKpiDbContext(options);
            await DatabaseInitializer.InitializeAsync(db, seedDemo: false, TestDatabase.Today, NullLogger.Instance);

            Assert.True(File.Exists(Path.Combine(folder, "app.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public async Task The_standard_metric_catalogue_is_seeded_once_with_every_metric()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var again = database.Open())
        {
            await DatabaseInitializer.InitializeAsync(again, seedDemo: false, TestDatabase.Today, NullLogger.Instance);
        }

        await using var db = database.Open();
        var keys = await db.Metrics.Where(m => m.WorkspaceId == null).Select(m => m.Key).ToListAsync();

        Assert.Equal(StandardMetrics.All.Select(m => m.Key).Order(), keys.Order());
    }

    [Fact]
    public async Task Demo_seed_runs_only_on_an_empty_database()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        int values;
        await using (var first = database.Open())
        {
            values = await first.MetricValues.CountAsync();
        }

        await using (var again = database.Open())
        {
            await DatabaseInitializer.InitializeAsync(again, seedDemo: true, TestDatabase.Today.AddDays(14), NullLogger.Instance);
        }

        await using var db = database.Open();
        Assert.Equal(1, await db.Workspaces.CountAsync());
        Assert.Equal(values, await db.MetricValues.CountAsync());
    }

    [Fact]
    public async Task Demo_seed_can_be_switched_off()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: false);
        await using var db = database.Open();

        Assert.Equal(0, await db.Workspaces.CountAsync());
    }

    [Fact]
    public async Task Demo_workspace_is_a_French_brand_with_a_year_of_figures()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();

        var workspace = await db.Workspaces.SingleAsync();
        var objectives = await db.Objectives.Include(o => o.Kpis).ToListAsync();
        var weeks = await db.MetricValues.Select(v => v.Week).Distinct().CountAsync();

        Assert.Equal(DemoSeeder.WorkspaceName, workspace.Name);
        Assert.Equal("fr-FR", workspace.Locale);
        Assert.Equal(6, await db.Channels.CountAsync());
        Assert.Equal(4, objectives.Count);
        Assert.InRange(objectives.Sum(o => o.Kpis.Count), 14, 16);
        Assert.Equal(DemoSeeder.Weeks, weeks);
        Assert.Equal(Domain.Calendar.IsoWeek.LastCompleteWeek(TestDatabase.Today).Key, await db.MetricValues.MaxAsync(v => v.Week));
        Assert.True(await db.Costs.AnyAsync());
        Assert.True(await db.Annotations.AnyAsync(a => a.Text.Contains("Jardin d'hiver")));
        Assert.All(objectives.SelectMany(o => o.Kpis), k => Assert.True(k.MetricId is not null ^ k.Formula is not null));
    }
}
