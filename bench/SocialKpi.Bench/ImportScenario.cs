using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Web.Features.Import;
using SocialKpi.Web.Security;

namespace SocialKpi.Bench;

/// <summary>
/// "import": a 100,000-row file (one figure per row: week; channel; metric; value, French decimal commas) imported
/// through the page's path: upload copied to a temporary file, detection, mapping proposal, analysis, dry run against
/// the store, all-or-nothing write recorded as a batch with the history of every figure. Its weeks are a
/// fresh range far after the seeded ones, and every run is undone (untimed) so each run adds the same 100,000 figures.
/// The baseline inserts the same figures in one transaction through a prepared statement (the history triggers
/// record each), then deletes them (untimed).
/// </summary>
internal sealed class ImportScenario
{
    public const int Rows = 100_000;

    private readonly DbContextOptions<SocialKpiDbContext> options;
    private readonly ImportService service;
    private readonly int workspaceId;
    private readonly byte[] file;
    private readonly List<(int Channel, int Metric, int Week, double Value)> figures;
    private readonly ClaimsPrincipal editor = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Name, "bench@socialkpi.test"), new Claim(SocialKpiClaims.Administrator, "true")], "bench"));

    private ImportScenario(DbContextOptions<SocialKpiDbContext> options, ImportService service, int workspaceId, byte[] file,
        List<(int, int, int, double)> figures)
    {
        this.options = options;
        this.service = service;
        this.workspaceId = workspaceId;
        this.file = file;
        this.figures = figures;
    }

    public static async Task<ImportScenario> PrepareAsync(DbContextOptions<SocialKpiDbContext> options, int workspaceId, IsoWeek firstWeek)
    {
        var factory = new WeekSaveScenario.BenchDbContextFactory(options);
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync();
        var channels = await db.Channels.Where(c => c.WorkspaceId == workspaceId && !c.IsArchived).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name }).ToListAsync();
        var metrics = await db.Metrics.Where(m => m.WorkspaceId == null || m.WorkspaceId == workspaceId).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Key }).ToListAsync();
        var text = new StringBuilder("week;channel;metric;value\n");
        var figures = new List<(int, int, int, double)>(Rows);
        var week = firstWeek;
        while (figures.Count < Rows)
        {
            foreach (var channel in channels)
            {
                foreach (var metric in metrics)
                {
                    if (figures.Count == Rows)
                    {
                        break;
                    }

                    // Below 100 with one decimal: valid for percentages too.
                    var value = (figures.Count % 990 / 10.0) + 0.5;
                    figures.Add((channel.Id, metric.Id, week.Key, value));
                    text.Append(CultureInfo.InvariantCulture, $"{week};{channel.Name};{metric.Key};{value.ToString("0.0", CultureInfo.GetCultureInfo("fr-FR"))}\n");
                }
            }

            week = week.AddWeeks(1);
        }

        var service = new ImportService(factory, new WorkspaceAccess(factory), Options.Create(new ImportLimits()), TimeProvider.System,
            NullLogger<ImportService>.Instance);
        var scenario = new ImportScenario(options, service, workspaceId, Encoding.UTF8.GetBytes(text.ToString()), figures);
        await scenario.CleanUpAsync();
        return scenario;
    }

    public int FileBytes => file.Length;

    /// <summary>The median of <paramref name="iterations"/> timed imports (after one warm-up), each undone untimed.</summary>
    public async Task<double> MeasureImportAsync(int iterations) => await MedianAsync(iterations, ImportOnceAsync, UndoLastAsync);

    /// <summary>
    /// The baseline writes the same figures into the same table, with its indexes and its history triggers (so the same
    /// history rows), and gets the same connection setting as the import (temporary storage in memory), on a connection
    /// of its own so the other scenarios' baselines keep SQLite's defaults.
    /// </summary>
    public async Task<double> MeasureBaselineAsync(string connectionString, int iterations)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA temp_store = MEMORY;";
            await pragma.ExecuteNonQueryAsync();
        }

        return await MedianAsync(iterations, () => InsertWithRawSqlAsync(connection), CleanUpAsync);
    }

    private int lastBatch;

    private async Task ImportOnceAsync()
    {
        await using var upload = new MemoryStream(file, writable: false);
        using var session = await service.OpenAsync(workspaceId, upload, "bench-import.csv");
        var plan = await service.DryRunAsync(session);
        var (batch, refusal) = await service.ImportAsync(editor, workspaceId, session.FileName, plan, skipRejected: false);
        if (batch is null || batch.Added != Rows)
        {
            throw new InvalidOperationException($"import wrote {batch?.Added ?? 0} of {Rows} figures ({refusal}, {plan.Rejections.Count} rejected: {string.Join("; ", plan.Rejections.Take(3))}): the measurement would be meaningless.");
        }

        lastBatch = batch.Id;
    }

    private async Task UndoLastAsync()
    {
        var (refusal, _) = await service.UndoAsync(editor, workspaceId, lastBatch);
        if (refusal is not null)
        {
            throw new InvalidOperationException($"undo refused: {refusal}");
        }

        await CleanUpAsync();
    }

    private async Task InsertWithRawSqlAsync(SqliteConnection connection)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "MetricValues" ("WorkspaceId", "ChannelId", "MetricId", "Week", "Value", "UpdatedAt", "UpdatedBy", "Version")
            VALUES ($w, $c, $m, $k, $v, $at, $by, 1)
            """;
        var w = insert.Parameters.Add("$w", SqliteType.Integer);
        var c = insert.Parameters.Add("$c", SqliteType.Integer);
        var m = insert.Parameters.Add("$m", SqliteType.Integer);
        var k = insert.Parameters.Add("$k", SqliteType.Integer);
        var v = insert.Parameters.Add("$v", SqliteType.Real);
        insert.Parameters.Add("$at", SqliteType.Text).Value = now;
        insert.Parameters.Add("$by", SqliteType.Text).Value = "bench@socialkpi.test";
        w.Value = workspaceId;
        insert.Prepare();
        // The same order as the import's (that of the indexes), the fastest a prepared statement gets.
        foreach (var figure in figures.OrderBy(f => f.Metric).ThenBy(f => f.Channel).ThenBy(f => f.Week))
        {
            c.Value = figure.Channel;
            m.Value = figure.Metric;
            k.Value = figure.Week;
            v.Value = figure.Value;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Removes the scenario's weeks (a previous interrupted run may have left some).</summary>
    private async Task CleanUpAsync()
    {
        var first = figures.Min(f => f.Week);
        var last = figures.Max(f => f.Week);
        await using var db = new SocialKpiDbContext(options);
        await db.MetricValues.Where(x => x.WorkspaceId == workspaceId && x.Week >= first && x.Week <= last).ExecuteDeleteAsync();

        // The history of these runs would otherwise grow by 200,000 rows per run and slow the next ones.
        await db.MetricValueChanges.Where(x => x.WorkspaceId == workspaceId && x.Week >= first && x.Week <= last).ExecuteDeleteAsync();
        await db.ImportBatches.Where(b => b.WorkspaceId == workspaceId && b.FileName == "bench-import.csv").ExecuteDeleteAsync();
    }

    private static async Task<double> MedianAsync(int iterations, Func<Task> action, Func<Task> reset)
    {
        await action();
        await reset();
        var timings = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            timings[i] = clock.Elapsed.TotalMilliseconds;
            await reset();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {i + 1}: {timings[i]:F0} ms"));
        }

        Array.Sort(timings);
        return iterations % 2 == 1 ? timings[iterations / 2] : (timings[(iterations / 2) - 1] + timings[iterations / 2]) / 2;
    }
}
