using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Web.Components.Sheets;
using SocialKpi.Web.Features.WeeklyEntry;
using SocialKpi.Web.Security;

namespace SocialKpi.Bench;

/// <summary>
/// "week-save": an editor saves a full week, 30 metrics × 12 channels = 360 changed figures, through the entry grid's
/// service (one transaction, version check per cell; the database's triggers write the history rows). Each run
/// changes every value (alternating between two sets), so every run really updates 360 rows. The baseline does the
/// same writes by hand: one transaction, a prepared INSERT … ON CONFLICT DO UPDATE per cell (the same triggers fire).
/// </summary>
internal sealed class WeekSaveScenario
{
    public const int Metrics = 30;

    private readonly WeeklyEntryService service;
    private readonly int workspaceId;
    private readonly IsoWeek week;
    private readonly List<CellKey> cells;
    private readonly Dictionary<CellKey, int> versions = [];
    private int run;
    private int baselineRun;

    private WeekSaveScenario(WeeklyEntryService service, int workspaceId, IsoWeek week, List<CellKey> cells)
    {
        this.service = service;
        this.workspaceId = workspaceId;
        this.week = week;
        this.cells = cells;
    }

    /// <summary>Brings the cached database up to the current migrations (it may predate the history table).</summary>
    public static async Task<WeekSaveScenario> PrepareAsync(DbContextOptions<SocialKpiDbContext> options, int workspaceId, IsoWeek week)
    {
        var factory = new BenchDbContextFactory(options);
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync();
        var channels = await db.Channels.Where(c => c.WorkspaceId == workspaceId && !c.IsArchived).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        var metrics = await db.Metrics.Where(m => m.WorkspaceId == null || m.WorkspaceId == workspaceId)
            .Where(m => m.Unit != Domain.Metrics.MetricUnit.Percent).OrderBy(m => m.Id).Select(m => m.Id).Take(Metrics).ToListAsync();
        var cells = metrics.SelectMany(m => channels.Select(c => new CellKey(m, c))).ToList();
        var service = new WeeklyEntryService(factory, new WorkspaceAccess(factory), new SheetDrafts<CellKey>(factory, TimeProvider.System), TimeProvider.System);
        var scenario = new WeekSaveScenario(service, workspaceId, week, cells);
        var stored = await db.MetricValues.Where(v => v.WorkspaceId == workspaceId && v.Week == week.Key)
            .Select(v => new { v.MetricId, v.ChannelId, v.Version }).ToListAsync();
        foreach (var row in stored)
        {
            scenario.versions[new CellKey(row.MetricId, row.ChannelId)] = row.Version;
        }

        return scenario;
    }

    public int CellCount => cells.Count;

    public async Task<int> SaveThroughServiceAsync()
    {
        var offset = run++ % 2 == 0 ? 1 : 2;
        var writes = cells.Select((c, i) => new FigureWrite(c, 1_000 + i + offset, versions.GetValueOrDefault(c))).ToList();
        var result = await service.WriteAsync(workspaceId, week, writes, "bench@socialkpi.test");
        if (result.Conflicts.Count > 0 || result.ChangedWhileWriting)
        {
            throw new InvalidOperationException($"week-save met {result.Conflicts.Count} conflicts: the measurement would be meaningless.");
        }

        foreach (var (key, figure) in result.Written)
        {
            versions[key] = figure.Version;
        }

        return result.Written.Count;
    }

    public async Task<int> SaveWithRawSqlAsync(SqliteConnection connection)
    {
        var offset = baselineRun++ % 2 == 0 ? 3 : 4;
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO "MetricValues" ("WorkspaceId", "ChannelId", "MetricId", "Week", "Value", "UpdatedAt", "UpdatedBy", "Version")
            VALUES ($w, $c, $m, $k, $v, $at, $by, 1)
            ON CONFLICT ("WorkspaceId", "MetricId", "Week", "ChannelId")
            DO UPDATE SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt", "UpdatedBy" = excluded."UpdatedBy", "Version" = "Version" + 1
            """;
        var parameters = new[] { upsert }.Select(command => new
        {
            W = command.Parameters.Add("$w", SqliteType.Integer),
            C = command.Parameters.Add("$c", SqliteType.Integer),
            M = command.Parameters.Add("$m", SqliteType.Integer),
            K = command.Parameters.Add("$k", SqliteType.Integer),
            V = command.Parameters.Add("$v", SqliteType.Real),
            At = command.Parameters.Add("$at", SqliteType.Text),
            By = command.Parameters.Add("$by", SqliteType.Text),
        }).ToList();
        upsert.Prepare();
        var written = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            foreach (var p in parameters)
            {
                p.W.Value = workspaceId;
                p.C.Value = cells[i].ChannelId;
                p.M.Value = cells[i].MetricId;
                p.K.Value = week.Key;
                p.V.Value = (double)(1_000 + i + offset);
                p.At.Value = now;
                p.By.Value = "bench@socialkpi.test";
            }

            written += await upsert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return written;
    }

    /// <summary>The service's way of getting contexts, as in the app (AddDbContextFactory).</summary>
    internal sealed class BenchDbContextFactory(DbContextOptions<SocialKpiDbContext> options) : IDbContextFactory<SocialKpiDbContext>
    {
        public SocialKpiDbContext CreateDbContext() => new(options);
    }
}
