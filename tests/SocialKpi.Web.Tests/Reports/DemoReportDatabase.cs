using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Reporting;
using SocialKpi.Web.Features.Reports;

namespace SocialKpi.Web.Tests.Reports;

/// <summary>A clock stopped at one instant, so a report says the same thing every run.</summary>
public sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>The demo workspace seeded on a fixed day in its own SQLite file, with a report builder on a stopped clock.</summary>
public sealed class DemoReportDatabase : IAsyncLifetime, IDbContextFactory<SocialKpiDbContext>
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    private readonly string path = Path.Combine(Path.GetTempPath(), $"socialkpi-report-{Guid.NewGuid():N}.db");

    public int WorkspaceId { get; private set; }

    public string WorkspaceName { get; private set; } = "";

    public static IsoWeek LastCompleteWeek => IsoWeek.LastCompleteWeek(Today);

    public ReportBuilder Builder => new(this, new StoppedClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));

    public SocialKpiDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<SocialKpiDbContext>().UseSqlite($"Data Source={path}").Options);

    public ReportDefinition Default(string language) => ReportDefinition.Default(WorkspaceId, LastCompleteWeek, language);

    public async Task<byte[]> RenderAsync(ReportDefinition definition) =>
        PdfReportRenderer.Render(await Builder.BuildAsync(definition));

    public async Task InitializeAsync()
    {
        await using var db = CreateDbContext();
        await DatabaseInitializer.InitializeAsync(db, seedDemo: true, Today, NullLogger.Instance);
        var workspace = await db.Workspaces.OrderBy(w => w.Id).FirstAsync();
        (WorkspaceId, WorkspaceName) = (workspace.Id, workspace.Name);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }

        return Task.CompletedTask;
    }
}
