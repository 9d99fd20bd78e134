using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Data.Queries;

/// <summary>One week of a rival's figure over a set of channels: the sum, the mean and how many channel values were found.</summary>
public sealed record CompetitorWeekTotal(int CompetitorId, BenchmarkMetric Metric, int Week, double Sum, double Average, int Count);

/// <summary>
/// The figures behind every benchmark: the workspace's own brand (read from its metric values) and its active rivals,
/// week by week, channels combined in SQL. Five queries whatever the number of rivals and weeks; only weekly totals
/// leave the database.
/// </summary>
public static class BenchmarkQueries
{
    /// <summary>Weekly totals of every rival's figures over the given channels (empty: all channels).</summary>
    public static Task<List<CompetitorWeekTotal>> CompetitorWeekTotalsAsync(
        this SocialKpiDbContext db, int workspaceId, IReadOnlyCollection<int> channelIds, int fromWeek, int toWeek,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var figures = db.CompetitorFigures.Where(f => f.WorkspaceId == workspaceId && f.Week >= fromWeek && f.Week <= toWeek);
        if (channelIds.Count > 0)
        {
            figures = figures.Where(f => channelIds.Contains(f.ChannelId));
        }

        return figures
            .GroupBy(f => new { f.CompetitorId, f.Metric, f.Week }, f => f.Value)
            .Select(g => new CompetitorWeekTotal(g.Key.CompetitorId, g.Key.Metric, g.Key.Week, g.Sum(), g.Average(), g.Count()))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The weekly figures of the workspace's brand (first, named after the workspace) and of each active rival between two
    /// weeks, over the given channels (empty: all). Across channels a week's values are added up, except the rating,
    /// which is averaged. Archived rivals are left out: they are no longer tracked.
    /// </summary>
    public static async Task<IReadOnlyList<BrandFigures>> BenchmarkFiguresAsync(
        this SocialKpiDbContext db, int workspaceId, IReadOnlyCollection<int> channelIds, IsoWeek from, IsoWeek to,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(channelIds);
        var brandName = await db.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.Name).SingleAsync(cancellationToken);
        var rivals = await db.Competitors.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.TrackedFromWeek })
            .ToListAsync(cancellationToken);

        var brandKeys = BenchmarkMetrics.All.ToDictionary(BenchmarkMetrics.BrandMetricKey);
        var keys = brandKeys.Keys.ToList();
        var metricIds = await db.Metrics.AsNoTracking()
            .Where(m => m.WorkspaceId == null && keys.Contains(m.Key))
            .Select(m => new { m.Id, m.Key })
            .ToDictionaryAsync(m => m.Id, m => brandKeys[m.Key], cancellationToken);
        var own = await db.MetricWeekTotalsAsync(workspaceId, metricIds.Keys.ToList(), channelIds, from.Key, to.Key, cancellationToken);
        var brand = new BrandFigures(brandName, isOwnBrand: true, from, own.Select(t =>
        {
            var metric = metricIds[t.MetricId];
            return new BrandWeekValue(IsoWeek.FromKey(t.Week), metric, (decimal)CombineChannels(metric, t.Sum, t.Average));
        }));

        var totals = rivals.Count == 0 ? [] : await db.CompetitorWeekTotalsAsync(workspaceId, channelIds, from.Key, to.Key, cancellationToken);
        var byRival = totals.ToLookup(t => t.CompetitorId);
        return
        [
            brand,
            .. rivals.Select(r => new BrandFigures(r.Name, isOwnBrand: false, IsoWeek.FromKey(r.TrackedFromWeek), byRival[r.Id].Select(t =>
                new BrandWeekValue(IsoWeek.FromKey(t.Week), t.Metric, (decimal)CombineChannels(t.Metric, t.Sum, t.Average))))),
        ];
    }

    private static double CombineChannels(BenchmarkMetric metric, double sum, double average) =>
        BenchmarkMetrics.Aggregation(metric) == Aggregation.Average ? average : sum;
}
