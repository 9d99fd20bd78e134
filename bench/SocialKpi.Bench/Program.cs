using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Bench;
using SocialKpi.Data;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;

// SocialKpi benchmark harness: one line per scenario, "name: median_ms=… baseline_ms=… ratio=…",
// where the baseline is the same aggregation written directly in SQL and run in the same process.
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: SocialKpi.Bench [--values N] [--iterations N] [--cache DIR] [--scenario NAME] [--show-sql]");
    return 2;
}

var path = await BenchDatabase.EnsureAsync(options.Values, options.CacheFolder);
var dbOptions = options.ShowSql
    ? new DbContextOptionsBuilder<SocialKpiDbContext>(BenchDatabase.Options(path))
        .LogTo(Console.Error.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]).Options
    : BenchDatabase.Options(path);
var asOf = BenchDatabase.LastWeek;

int workspaceId;
int objectiveId;
await using (var db = new SocialKpiDbContext(dbOptions))
{
    workspaceId = await db.Workspaces.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
    objectiveId = await db.Objectives.Where(o => o.WorkspaceId == workspaceId).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
    var values = await db.MetricValues.LongCountAsync();
    var workspaces = await db.Workspaces.CountAsync();
    Console.Error.WriteLine($"database: {values:N0} values, {workspaces} workspaces; measuring workspace {workspaceId} up to {asOf}");
}

await using var raw = new SqliteConnection($"Data Source={path}");
await raw.OpenAsync();
var baseline = new RawSqlBaseline(raw);
var dashboardPeriod = WeekRange.LastCompleteWeeks(13, BenchDatabase.Today);

var scenarios = new List<(string Name, Func<Task<int>> Measured, Func<Task<int>> Baseline)>
{
    // Everything the home dashboard loads for its default period (the last 13 weeks): objectives, headline figures
    // (current, previous and year-before periods) and alerts.
    ("dashboard",
        async () =>
        {
            await using var db = new SocialKpiDbContext(dbOptions);
            var home = await db.HomeDashboardAsync(workspaceId, dashboardPeriod);
            return home.Objectives.Sum(o => o.Kpis.Count) + home.Headlines.Figures.Count + home.Alerts.Count;
        },
        () => baseline.HomeDashboardAsync(workspaceId, dashboardPeriod)),
    ("objective",
        async () =>
        {
            await using var db = new SocialKpiDbContext(dbOptions);
            return (await db.ObjectiveProgressAsync(workspaceId, asOf, objectiveId)).Sum(o => o.Kpis.Count);
        },
        () => baseline.ObjectiveAggregationAsync(workspaceId, asOf, objectiveId)),
};

ReportScenario? report = null;
if (options.Scenario is null || options.Scenario == "report")
{
    report = await ReportScenario.PrepareAsync(dbOptions, asOf);
    scenarios.Add(("report", report.RenderAsync, report.GatherAsync));
}

// week-save writes: it runs on a week the other scenarios do not read (the one after the last), after them.
if (options.Scenario is null || options.Scenario == "week-save")
{
    var weekSave = await WeekSaveScenario.PrepareAsync(dbOptions, workspaceId, asOf.AddWeeks(1));
    Console.Error.WriteLine($"week-save: {weekSave.CellCount} figures per save");
    scenarios.Add(("week-save", weekSave.SaveThroughServiceAsync, () => weekSave.SaveWithRawSqlAsync(raw)));
}

foreach (var (name, measured, reference) in scenarios.Where(s => options.Scenario is null || s.Name == options.Scenario))
{
    var measuredMs = await MedianAsync(measured, options.Iterations);
    var baselineMs = await MedianAsync(reference, options.Iterations);
    // The report also says how much memory the process needed at most (target: under 300 MB) and how big the PDF is.
    var extra = name == "report" && report is not null
        ? string.Create(CultureInfo.InvariantCulture, $" peak_memory_mb={ReportScenario.PeakMemoryMegabytes():F0} pdf_kb={report.LastPdfBytes / 1024d:F0}")
        : "";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: median_ms={measuredMs:F1} baseline_ms={baselineMs:F1} ratio={measuredMs / baselineMs:F2}") + extra);
}

// import writes 100,000 figures per run (undone after each), on weeks ten years after the seeded ones: last, and fewer runs.
if (options.Scenario is null || options.Scenario == "import")
{
    var import = await ImportScenario.PrepareAsync(dbOptions, workspaceId, asOf.AddWeeks(520));
    var runs = Math.Min(options.Iterations, 5);
    Console.Error.WriteLine($"import: {ImportScenario.Rows:N0} rows, {import.FileBytes / 1024.0 / 1024.0:F1} MB, {runs} runs");
    var measuredMs = await import.MeasureImportAsync(runs);
    var baselineMs = await import.MeasureBaselineAsync(raw.ConnectionString, runs);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"import: median_ms={measuredMs:F1} baseline_ms={baselineMs:F1} ratio={measuredMs / baselineMs:F2} rows_per_s={ImportScenario.Rows / (measuredMs / 1000):F0}"));
}

return 0;

// Warm-up runs first (JIT, SQLite page cache, EF query cache), then the median of the timed runs.
static async Task<double> MedianAsync(Func<Task<int>> action, int iterations)
{
    for (var i = 0; i < 3; i++)
    {
        await action();
    }

    var timings = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var clock = Stopwatch.StartNew();
        var rows = await action();
        timings[i] = clock.Elapsed.TotalMilliseconds;
        if (rows == 0)
        {
            throw new InvalidOperationException("The scenario returned nothing: the measurement would be meaningless.");
        }
    }

    Array.Sort(timings);
    return iterations % 2 == 1 ? timings[iterations / 2] : (timings[(iterations / 2) - 1] + timings[iterations / 2]) / 2;
}

internal sealed record BenchOptions(long Values, int Iterations, string CacheFolder, string? Scenario, bool ShowSql)
{
    public static BenchOptions? Parse(string[] args)
    {
        var values = 1_000_000L;
        var iterations = 30;
        var cache = Path.Combine(Directory.GetCurrentDirectory(), ".bench-cache");
        string? scenario = null;
        var showSql = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--values" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0:
                    values = v;
                    i++;
                    break;
                case "--iterations" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    iterations = n;
                    i++;
                    break;
                case "--cache" when !string.IsNullOrWhiteSpace(value):
                    cache = Path.GetFullPath(value);
                    i++;
                    break;
                case "--scenario" when !string.IsNullOrWhiteSpace(value):
                    scenario = value;
                    i++;
                    break;
                case "--show-sql":
                    showSql = true;
                    break;
                default:
                    return null;
            }
        }

        return new BenchOptions(values, iterations, cache, scenario, showSql);
    }
}
