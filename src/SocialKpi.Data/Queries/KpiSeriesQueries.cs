using Microsoft.EntityFrameworkCore;

namespace SocialKpi.Data.Queries;

/// <summary>One week of a KPI's metric, channels combined: the sum, the mean and how many channel values were found.</summary>
public sealed record KpiWeekTotal(int KpiId, int Week, double Sum, double Average, int Count);

/// <summary>One week of a metric over a set of channels.</summary>
public sealed record MetricWeekTotal(int MetricId, int Week, double Sum, double Average, int Count);

/// <summary>One week of spending.</summary>
public sealed record CostWeekTotal(int Week, decimal Amount);

/// <summary>
/// The aggregations every dashboard and report is built on. They run in SQL: the database scans the
/// covering index (workspace, metric, week, channel, value) and returns one row per KPI and week,
/// never the raw values.
/// </summary>
public static class KpiSeriesQueries
{
    /// <summary>
    /// Weekly totals of every active single-metric KPI of a workspace (or of one objective) between two weeks,
    /// with each KPI's channel filter applied in SQL.
    /// </summary>
    public static Task<List<KpiWeekTotal>> KpiWeekTotalsAsync(
        this SocialKpiDbContext db, int workspaceId, int fromWeek, int toWeek, int? objectiveId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);

        var kpis = from k in db.Kpis
                   join o in db.Objectives on k.ObjectiveId equals o.Id
                   where o.WorkspaceId == workspaceId && !o.IsArchived && !k.IsArchived && k.MetricId != null
                   select k;
        if (objectiveId is { } id)
        {
            kpis = kpis.Where(k => k.ObjectiveId == id);
        }

        var query = from k in kpis
                    from v in db.MetricValues
                    where v.WorkspaceId == workspaceId && v.MetricId == k.MetricId
                          && v.Week >= fromWeek && v.Week <= toWeek
                          && (k.ChannelIds.Count == 0 || k.ChannelIds.Contains(v.ChannelId))
                    group v.Value by new { KpiId = k.Id, v.Week } into g
                    select new KpiWeekTotal(g.Key.KpiId, g.Key.Week, g.Sum(), g.Average(), g.Count());

        return query.AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>Weekly totals of the given metrics over the given channels (empty: all channels).</summary>
    public static Task<List<MetricWeekTotal>> MetricWeekTotalsAsync(
        this SocialKpiDbContext db, int workspaceId, IReadOnlyCollection<int> metricIds, IReadOnlyCollection<int> channelIds,
        int fromWeek, int toWeek, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var values = db.MetricValues.Where(v => v.WorkspaceId == workspaceId && metricIds.Contains(v.MetricId)
                                                && v.Week >= fromWeek && v.Week <= toWeek);
        if (channelIds.Count > 0)
        {
            values = values.Where(v => channelIds.Contains(v.ChannelId));
        }

        return values
            .GroupBy(v => new { v.MetricId, v.Week }, v => v.Value)
            .Select(g => new MetricWeekTotal(g.Key.MetricId, g.Key.Week, g.Sum(), g.Average(), g.Count()))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Weekly spending over the given channels (empty: every cost, including those tied to no channel).
    /// </summary>
    public static async Task<List<CostWeekTotal>> CostWeekTotalsAsync(
        this SocialKpiDbContext db, int workspaceId, IReadOnlyCollection<int> channelIds, int fromWeek, int toWeek,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var costs = db.Costs.Where(c => c.WorkspaceId == workspaceId && c.Week >= fromWeek && c.Week <= toWeek);
        if (channelIds.Count > 0)
        {
            costs = costs.Where(c => c.ChannelId != null && channelIds.Contains(c.ChannelId.Value));
        }

        return await costs
            .GroupBy(c => c.Week, c => c.Amount)
            .Select(g => new CostWeekTotal(g.Key, g.Sum()))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    /// <summary>What one unit of each metric is worth to the business (ROI and value per engagement read it).</summary>
    internal static Task<Dictionary<string, decimal?>> ValuesPerUnitAsync(this SocialKpiDbContext db, int workspaceId, CancellationToken cancellationToken) =>
        db.MetricBusinessValues.AsNoTracking()
            .Where(v => v.WorkspaceId == workspaceId)
            .Join(db.Metrics, v => v.MetricId, m => m.Id, (v, m) => new { m.Key, v.ValuePerUnit })
            .ToDictionaryAsync(v => v.Key, v => (decimal?)v.ValuePerUnit, cancellationToken);
}
