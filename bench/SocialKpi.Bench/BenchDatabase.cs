using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SocialKpi.Data;
using SocialKpi.Data.Configurations;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Objectives;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Bench;

/// <summary>
/// A database of a given size, kept in a cache file named after that size so a second run measures at once:
/// workspaces of 5 years × 12 channels × 40 metrics (125,280 values each), filled until the asked number of values.
/// </summary>
internal static class BenchDatabase
{
    public const int Channels = 12;
    public const int MetricsPerWorkspace = 40;
    public const int YearsOfWeeks = 5;

    /// <summary>A fixed "today", so the cached file and the measured period never drift.</summary>
    public static readonly DateOnly Today = new(2026, 11, 16);

    public static IsoWeek LastWeek => IsoWeek.LastCompleteWeek(Today);

    public static IsoWeek FirstWeek => LastWeek.AddWeeks(-(YearsOfWeeks * 52));

    public static int WeekCount => FirstWeek.WeeksUntil(LastWeek) + 1;

    public static async Task<string> EnsureAsync(long values, string cacheFolder)
    {
        Directory.CreateDirectory(cacheFolder);
        var path = Path.Combine(cacheFolder, $"bench-{values}-v3.db");
        if (File.Exists(path))
        {
            Console.Error.WriteLine($"using cached database {path}");
            return path;
        }

        var building = path + ".building";
        foreach (var stale in Directory.GetFiles(cacheFolder, Path.GetFileName(building) + "*"))
        {
            File.Delete(stale);
        }

        var clock = Stopwatch.StartNew();
        Console.Error.WriteLine($"seeding {values:N0} values into {path} (once; later runs reuse it)…");
        await SeedAsync(building, values);
        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        Console.Error.WriteLine($"seeded in {clock.Elapsed.TotalSeconds:F1} s");
        return path;
    }

    public static DbContextOptions<SocialKpiDbContext> Options(string path) =>
        new DbContextOptionsBuilder<SocialKpiDbContext>().UseSqlite($"Data Source={path}").Options;

    private static async Task SeedAsync(string path, long values)
    {
        await using (var db = new SocialKpiDbContext(Options(path)))
        {
            await DatabaseInitializer.InitializeAsync(db, seedDemo: false, Today, NullLogger.Instance);
        }

        var perWorkspace = (long)WeekCount * Channels * MetricsPerWorkspace;
        var workspaces = (int)((values + perWorkspace - 1) / perWorkspace);
        var weeks = IsoWeek.Range(FirstWeek, LastWeek).Select(w => w.Key).ToArray();
        var random = new Random(42);
        var remaining = values;

        for (var w = 0; w < workspaces; w++)
        {
            int workspaceId;
            int[] channelIds;
            int[] metricIds;
            await using (var db = new SocialKpiDbContext(Options(path)))
            {
                (workspaceId, channelIds, metricIds) = await AddWorkspaceAsync(db, w);
            }

            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                // A bulk load of synthetic figures: no history of them (the triggers would write a million rows).
                pragma.CommandText = "PRAGMA synchronous=OFF;" + string.Concat(HistoryTriggers.Drop);
                await pragma.ExecuteNonQueryAsync();
            }

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "MetricValues" ("WorkspaceId", "ChannelId", "MetricId", "Week", "Value", "UpdatedAt")
                VALUES ($w, $c, $m, $k, $v, '2026-11-16 00:00:00+00:00')
                """;
            var pw = insert.Parameters.Add("$w", SqliteType.Integer);
            var pc = insert.Parameters.Add("$c", SqliteType.Integer);
            var pm = insert.Parameters.Add("$m", SqliteType.Integer);
            var pk = insert.Parameters.Add("$k", SqliteType.Integer);
            var pv = insert.Parameters.Add("$v", SqliteType.Real);
            insert.Prepare();
            pw.Value = workspaceId;

            foreach (var metric in metricIds)
            {
                foreach (var channel in channelIds)
                {
                    var level = 100 + random.Next(10_000);
                    for (var i = 0; i < weeks.Length && remaining > 0; i++, remaining--)
                    {
                        pc.Value = channel;
                        pm.Value = metric;
                        pk.Value = weeks[i];
                        pv.Value = Math.Round(level * (1 + (0.3 * i / weeks.Length)) * (0.9 + (0.2 * random.NextDouble())));
                        await insert.ExecuteNonQueryAsync();
                    }
                }
            }

            await transaction.CommitAsync();
            if (w == 0)
            {
                await BenchRivals.SeedAsync(path, workspaceId, channelIds);
            }
        }

        await using var restore = new SqliteConnection($"Data Source={path}");
        await restore.OpenAsync();
        foreach (var statement in HistoryTriggers.Create)
        {
            await using var command = restore.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<(int Workspace, int[] Channels, int[] Metrics)> AddWorkspaceAsync(SocialKpiDbContext db, int index)
    {
        var workspace = new Workspace { Name = $"Bench brand {index + 1:D2}" };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();

        var kinds = Enum.GetValues<ChannelKind>();
        var channels = Enumerable.Range(0, Channels).Select(i => new Channel
        {
            WorkspaceId = workspace.Id,
            Name = $"Channel {i + 1:D2}",
            Kind = kinds[i % kinds.Length],
            MediaType = i % 4 == 0 ? MediaType.Paid : MediaType.Owned,
        }).ToList();
        db.Channels.AddRange(channels);

        // 23 standard metrics plus custom ones up to 40.
        var standard = await db.Metrics.Where(m => m.WorkspaceId == null).OrderBy(m => m.Id).ToListAsync();
        var custom = Enumerable.Range(0, MetricsPerWorkspace - standard.Count).Select(i => new Metric
        {
            WorkspaceId = workspace.Id,
            Key = $"custom_{i + 1:D2}",
            NameFr = $"Métrique {i + 1}",
            NameEn = $"Metric {i + 1}",
        }).ToList();
        db.Metrics.AddRange(custom);
        await db.SaveChangesAsync();

        var metrics = standard.Concat(custom).ToList();
        var start = LastWeek.AddWeeks(-51).Monday;
        var end = LastWeek.AddWeeks(12).Sunday;
        var categories = new[] { ObjectiveCategory.Trafic, ObjectiveCategory.Visibilite, ObjectiveCategory.Image, ObjectiveCategory.Notoriete };
        for (var o = 0; o < categories.Length; o++)
        {
            var objective = new Objective
            {
                WorkspaceId = workspace.Id,
                Name = $"Objective {o + 1}",
                Category = categories[o],
                StartDate = start,
                EndDate = end,
            };
            for (var k = 0; k < 4; k++)
            {
                var metric = metrics[((o * 4) + k) % standard.Count];
                objective.Kpis.Add(new Kpi
                {
                    Name = $"KPI {o + 1}.{k + 1}",
                    MetricId = metric.Id,
                    Aggregation = metric.Aggregation,
                    Baseline = 0,
                    Target = 5_000_000,
                    Deadline = end,
                    // Half of the KPIs look at three channels, half at all of them: both filter shapes are measured.
                    ChannelIds = k % 2 == 0 ? [] : [channels[0].Id, channels[1].Id, channels[2].Id],
                });
            }

            objective.Kpis.Add(new Kpi
            {
                Name = $"Engagement {o + 1}",
                Formula = o % 2 == 0 ? FormulaId.EngagementRateByReach : FormulaId.Ctr,
                Aggregation = Aggregation.Average,
                Unit = KpiUnit.Percent,
                Baseline = 1,
                Target = 5,
                Deadline = end,
            });
            db.Objectives.Add(objective);
        }

        await db.SaveChangesAsync();
        return (workspace.Id, channels.Select(c => c.Id).ToArray(), metrics.Select(m => m.Id).ToArray());
    }
}
