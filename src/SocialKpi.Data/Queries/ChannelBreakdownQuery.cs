using Microsoft.EntityFrameworkCore;

namespace SocialKpi.Data.Queries;

/// <summary>One week of a KPI's metric on one channel.</summary>
public sealed record KpiChannelWeek(int KpiId, int ChannelId, int Week, double Value);

/// <summary>A metric's total over a period on one channel.</summary>
public sealed record MetricChannelTotal(int ChannelId, double Sum);

/// <summary>Per-channel aggregations for the objective and channel pages, in SQL like <see cref="KpiSeriesQueries"/>.</summary>
public static class ChannelBreakdownQuery
{
    /// <summary>
    /// Weekly values of each single-metric KPI of an objective, channel by channel (each KPI's channel filter applied):
    /// the parts that make up the KPI's weekly value.
    /// </summary>
    public static Task<List<KpiChannelWeek>> KpiChannelWeeksAsync(
        this SocialKpiDbContext db, int workspaceId, int objectiveId, int fromWeek, int toWeek, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = from k in db.Kpis
                    join o in db.Objectives on k.ObjectiveId equals o.Id
                    where o.WorkspaceId == workspaceId && o.Id == objectiveId && !k.IsArchived && k.MetricId != null
                    from v in db.MetricValues
                    where v.WorkspaceId == workspaceId && v.MetricId == k.MetricId
                          && v.Week >= fromWeek && v.Week <= toWeek
                          && (k.ChannelIds.Count == 0 || k.ChannelIds.Contains(v.ChannelId))
                    select new KpiChannelWeek(k.Id, v.ChannelId, v.Week, v.Value);
        return query.AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>A metric's total over a period, channel by channel (for the paid / owned / earned split).</summary>
    public static Task<List<MetricChannelTotal>> MetricChannelTotalsAsync(
        this SocialKpiDbContext db, int workspaceId, string metricKey, int fromWeek, int toWeek, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = from v in db.MetricValues
                    join m in db.Metrics on v.MetricId equals m.Id
                    where v.WorkspaceId == workspaceId && m.Key == metricKey && (m.WorkspaceId == null || m.WorkspaceId == workspaceId)
                          && v.Week >= fromWeek && v.Week <= toWeek
                    group v.Value by v.ChannelId into g
                    select new MetricChannelTotal(g.Key, g.Sum());
        return query.AsNoTracking().ToListAsync(cancellationToken);
    }
}
