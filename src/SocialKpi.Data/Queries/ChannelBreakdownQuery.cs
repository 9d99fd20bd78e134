using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Data.Queries;

/// <summary>One week of a formula KPI on one channel: the formula on that channel's own figures, or why it cannot be computed.</summary>
public sealed record KpiChannelResult(int KpiId, int ChannelId, IsoWeek Week, KpiResult Result);

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

    /// <summary>
    /// Weekly values of each formula KPI that applies per channel (<see cref="FormulaByChannel.AppliesPerChannel"/>), channel
    /// by channel: the inputs are summed in SQL by metric, channel and week, the formula runs on each channel's week.
    /// A channel appears for the weeks it has at least one of the formula's figures, so a channel with interactions
    /// but no reach shows as not computable with that reason rather than disappearing.
    /// </summary>
    public static async Task<List<KpiChannelResult>> FormulaKpiChannelWeeksAsync(
        this SocialKpiDbContext db, int workspaceId, IReadOnlyCollection<Kpi> kpis, IsoWeek from, IsoWeek to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kpis);
        var formulaKpis = kpis
            .Where(k => !k.IsArchived && k.Formula is { } id && FormulaByChannel.AppliesPerChannel(FormulaCatalog.Get(id)))
            .Select(k => (Kpi: k, Formula: FormulaCatalog.Get(k.Formula!.Value)))
            .ToList();
        if (formulaKpis.Count == 0)
        {
            return [];
        }

        var keys = formulaKpis.SelectMany(k => k.Formula.MetricKeys).Distinct().ToList();
        var metrics = await db.Metrics.AsNoTracking()
            .Where(m => (m.WorkspaceId == null || m.WorkspaceId == workspaceId) && keys.Contains(m.Key))
            .Select(m => new { m.Id, m.Key, m.Aggregation })
            .ToListAsync(cancellationToken);
        var metricIds = metrics.Select(m => m.Id).ToList();
        var keyOf = metrics.ToDictionary(m => m.Id, m => m.Key);
        var averaged = metrics.Where(m => m.Aggregation == Aggregation.Average).Select(m => m.Id).ToHashSet();
        var totals = await db.MetricValues.AsNoTracking()
            .Where(v => v.WorkspaceId == workspaceId && metricIds.Contains(v.MetricId) && v.Week >= from.Key && v.Week <= to.Key)
            .GroupBy(v => new { v.MetricId, v.ChannelId, v.Week }, v => v.Value)
            .Select(g => new { g.Key.MetricId, g.Key.ChannelId, g.Key.Week, Sum = g.Sum(), Average = g.Average() })
            .ToListAsync(cancellationToken);
        var values = totals.ToLookup(t => (t.ChannelId, t.Week), t => (Key: keyOf[t.MetricId], Value: (decimal)(averaged.Contains(t.MetricId) ? t.Average : t.Sum)));
        var costs = formulaKpis.Exists(k => k.Formula.NeedsCost)
            ? (await db.Costs.AsNoTracking()
                .Where(c => c.WorkspaceId == workspaceId && c.ChannelId != null && c.Week >= from.Key && c.Week <= to.Key)
                .GroupBy(c => new { ChannelId = c.ChannelId!.Value, c.Week }, c => c.Amount)
                .Select(g => new { g.Key.ChannelId, g.Key.Week, Amount = g.Sum() })
                .ToListAsync(cancellationToken))
                .ToDictionary(c => (c.ChannelId, c.Week), c => (decimal?)c.Amount)
            : [];
        var valuesPerUnit = formulaKpis.Exists(k => k.Formula.Id is FormulaId.Roi or FormulaId.RoeValuePerEngagement)
            ? await db.ValuesPerUnitAsync(workspaceId, cancellationToken)
            : [];

        var results = new List<KpiChannelResult>();
        foreach (var (kpi, formula) in formulaKpis)
        {
            var cells = values.Select(g => g.Key)
                .Where(c => kpi.ChannelIds.Count == 0 || kpi.ChannelIds.Contains(c.ChannelId))
                .Where(c => values[c].Any(v => formula.MetricKeys.Contains(v.Key)));
            foreach (var (channelId, week) in cells)
            {
                var inputs = new FormulaInputs
                {
                    Values = formula.MetricKeys.ToDictionary(k => k, k => values[(channelId, week)].Where(v => v.Key == k).Select(v => (decimal?)v.Value).FirstOrDefault()),
                    Cost = costs.GetValueOrDefault((channelId, week)),
                    ValuesPerUnit = valuesPerUnit,
                };
                results.Add(new KpiChannelResult(kpi.Id, channelId, IsoWeek.FromKey(week), formula.Compute(inputs)));
            }
        }

        return results;
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
