using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Bench;

/// <summary>
/// The rivals of the measured workspace: 5 brands with every benchmark figure on every channel for every week, and two
/// relative KPIs (share of voice on all channels, follower-growth rank on three), so the dashboard reads the benchmark
/// figures as a workspace tracking its competitors does. Kept apart from the brand's own figures on purpose.
/// </summary>
internal static class BenchRivals
{
    public const int Count = 5;

    public static async Task SeedAsync(string path, int workspaceId, int[] channelIds)
    {
        await using (var db = new SocialKpiDbContext(BenchDatabase.Options(path)))
        {
            var rivals = Enumerable.Range(1, Count).Select(i => new Competitor
            {
                WorkspaceId = workspaceId,
                Name = $"Rival {i}",
                TrackedFromWeek = BenchDatabase.FirstWeek.Key,
                Accounts = [.. channelIds.Select(c => new CompetitorAccount { ChannelId = c, Handle = $"@rival{i}" })],
            }).ToList();
            db.Competitors.AddRange(rivals);

            var objective = await db.Objectives.Include(o => o.Kpis).Where(o => o.WorkspaceId == workspaceId).OrderBy(o => o.Id).FirstAsync();
            var deadline = objective.EndDate;
            objective.Kpis.Add(new Kpi
            {
                Name = "Share of voice", Formula = FormulaId.ShareOfVoice, Aggregation = Aggregation.Average, Unit = KpiUnit.Percent,
                Baseline = 10, Target = 30, Deadline = deadline,
            });
            objective.Kpis.Add(new Kpi
            {
                Name = "Follower growth rank", Formula = FormulaId.FollowerGrowthRank, Aggregation = Aggregation.Last, Unit = KpiUnit.Count,
                Baseline = 6, Target = 1, Direction = Direction.LowerIsBetter, Deadline = deadline, ChannelIds = [channelIds[0], channelIds[1], channelIds[2]],
            });
            await db.SaveChangesAsync();
            await InsertFiguresAsync(path, workspaceId, [.. rivals.Select(r => r.Id)], channelIds);
        }
    }

    private static async Task InsertFiguresAsync(string path, int workspaceId, int[] rivalIds, int[] channelIds)
    {
        var random = new Random(7);
        var weeks = IsoWeek.Range(BenchDatabase.FirstWeek, BenchDatabase.LastWeek).Select(w => w.Key).ToArray();
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "CompetitorFigures" ("WorkspaceId", "CompetitorId", "ChannelId", "Week", "Metric", "Value", "UpdatedAt", "Version")
            VALUES ($w, $r, $c, $k, $m, $v, '2026-11-16 00:00:00+00:00', 1)
            """;
        insert.Parameters.AddWithValue("$w", workspaceId);
        var pr = insert.Parameters.Add("$r", SqliteType.Integer);
        var pc = insert.Parameters.Add("$c", SqliteType.Integer);
        var pk = insert.Parameters.Add("$k", SqliteType.Integer);
        var pm = insert.Parameters.Add("$m", SqliteType.Text);
        var pv = insert.Parameters.Add("$v", SqliteType.Real);
        insert.Prepare();
        foreach (var rival in rivalIds)
        {
            foreach (var channel in channelIds)
            {
                foreach (var metric in BenchmarkMetrics.All)
                {
                    var level = metric == BenchmarkMetric.Rating ? 4.0 : 50 + random.Next(20_000);
                    for (var i = 0; i < weeks.Length; i++)
                    {
                        pr.Value = rival;
                        pc.Value = channel;
                        pk.Value = weeks[i];
                        pm.Value = metric.ToString();
                        pv.Value = metric == BenchmarkMetric.Rating
                            ? Math.Round(level + random.NextDouble(), 2)
                            : Math.Round(level * (1 + (0.3 * i / weeks.Length)) * (0.9 + (0.2 * random.NextDouble())));
                        await insert.ExecuteNonQueryAsync();
                    }
                }
            }
        }

        await transaction.CommitAsync();
    }
}
