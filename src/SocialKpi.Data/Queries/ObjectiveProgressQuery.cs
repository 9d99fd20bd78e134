using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Objectives;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Data.Queries;

/// <summary>A KPI with its weekly values (channels combined) and its evaluation against its trajectory.</summary>
public sealed record KpiProgressView(Kpi Kpi, IReadOnlyList<WeeklyPoint> Weekly, KpiProgress Progress);

/// <summary>An objective with its KPIs and its weighted progress.</summary>
public sealed record ObjectiveProgressView(Objective Objective, IReadOnlyList<KpiProgressView> Kpis, ObjectiveProgress Progress);

/// <summary>
/// The data behind the dashboard: every active objective of a workspace (or one of them) evaluated up to a week.
/// A fixed number of queries whatever the number of KPIs: objectives with KPIs, the metric catalogue, one SQL
/// aggregation for all single-metric KPIs, and one per distinct channel filter of formula KPIs (plus the benchmark
/// figures of BenchmarkQueries for a filter with a relative KPI such as share of voice). Only weekly
/// totals leave the database; the domain then computes trajectories, statuses and forecasts on them.
/// </summary>
public static class ObjectiveProgressQuery
{
    public static async Task<IReadOnlyList<ObjectiveProgressView>> ObjectiveProgressAsync(
        this SocialKpiDbContext db, int workspaceId, IsoWeek asOf, int? objectiveId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);

        // Several queries follow: keep one connection open for all of them rather than one per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await LoadAsync(db, workspaceId, asOf, objectiveId, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<IReadOnlyList<ObjectiveProgressView>> LoadAsync(
        SocialKpiDbContext db, int workspaceId, IsoWeek asOf, int? objectiveId, CancellationToken cancellationToken)
    {
        var query = db.Objectives.AsNoTracking()
            .Include(o => o.Kpis.Where(k => !k.IsArchived).OrderBy(k => k.Id))
            .Where(o => o.WorkspaceId == workspaceId && !o.IsArchived);
        if (objectiveId is { } id)
        {
            query = query.Where(o => o.Id == id);
        }

        // Categories in the order of community management (trafic, visibilité, image, notoriété, custom), not by name.
        var objectives = (await query.ToListAsync(cancellationToken)).OrderBy(o => o.Category).ThenBy(o => o.Id).ToList();
        if (objectives.Count == 0)
        {
            return [];
        }

        // One week before the earliest start: growth formulas compare with the week before.
        var from = objectives.Min(o => IsoWeek.FromDate(o.StartDate)).AddWeeks(-1);
        var weeklyValues = await WeeklyValuesAsync(db, workspaceId, objectives, objectiveId, from, asOf, cancellationToken);

        return objectives.Select(objective =>
        {
            var start = IsoWeek.FromDate(objective.StartDate);
            var views = objective.Kpis.Select(kpi =>
            {
                var weekly = weeklyValues.GetValueOrDefault(kpi.Id, [])
                    .Where(p => p.Week >= start)
                    .OrderBy(p => p.Week)
                    .ToList();
                var progress = KpiProgress.Evaluate(KpiPlan.FromKpi(kpi, objective.StartDate), weekly, asOf);
                return new KpiProgressView(kpi, weekly, progress);
            }).ToList();
            return new ObjectiveProgressView(objective, views, ObjectiveProgress.Of(views.Select(v => v.Progress)));
        }).ToList();
    }

    /// <summary>
    /// Weekly values of an objective's KPIs between two weeks, before its start included: a period compared with the
    /// objective's weeks may lie before it began. Only the weeks with a value are returned.
    /// </summary>
    public static async Task<Dictionary<int, List<WeeklyPoint>>> KpiWeeklyValuesAsync(
        this SocialKpiDbContext db, int workspaceId, Objective objective, IsoWeek from, IsoWeek to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(objective);
        var values = await WeeklyValuesAsync(db, workspaceId, [objective], objective.Id, from.AddWeeks(-1), to, cancellationToken);
        return values.ToDictionary(v => v.Key, v => v.Value.Where(p => p.Week >= from).ToList());
    }

    /// <summary>Weekly values of the objectives' KPIs, single-metric and formula, from the week after <paramref name="from"/>
    /// (formulas read the week before) to <paramref name="to"/>, in week order.</summary>
    private static async Task<Dictionary<int, List<WeeklyPoint>>> WeeklyValuesAsync(
        SocialKpiDbContext db, int workspaceId, List<Objective> objectives, int? objectiveId, IsoWeek from, IsoWeek to, CancellationToken cancellationToken)
    {
        var metrics = await db.Metrics.AsNoTracking()
            .Where(m => m.WorkspaceId == null || m.WorkspaceId == workspaceId)
            .Select(m => new { m.Id, m.Key, m.Aggregation })
            .ToListAsync(cancellationToken);
        var averagedMetrics = metrics.Where(m => m.Aggregation == Aggregation.Average).Select(m => m.Id).ToHashSet();

        var metricKpiWeeks = (await db.KpiWeekTotalsAsync(workspaceId, from.Key, to.Key, objectiveId, cancellationToken))
            .ToLookup(t => t.KpiId);
        var kpis = objectives.SelectMany(o => o.Kpis).ToList();
        var starts = objectives.ToDictionary(o => o.Id, o => IsoWeek.FromDate(o.StartDate));
        var formulaWeeks = await FormulaKpiWeeksAsync(db, workspaceId, kpis, metrics.ToDictionary(m => m.Key, m => m.Id),
            averagedMetrics, starts, from, to, cancellationToken);

        return kpis.ToDictionary(
            kpi => kpi.Id,
            kpi => (kpi.MetricId is { } metricId
                    ? metricKpiWeeks[kpi.Id].Select(t => new WeeklyPoint(
                        IsoWeek.FromKey(t.Week), (decimal)(averagedMetrics.Contains(metricId) ? t.Average : t.Sum)))
                    : formulaWeeks.GetValueOrDefault(kpi.Id, []))
                .OrderBy(p => p.Week)
                .ToList());
    }

    /// <summary>
    /// Weekly values of formula KPIs: the formula evaluated on each week's inputs over the KPI's channels. Relative formulas
    /// (share of voice, ranks) also get the brand's and its rivals' figures on the same channels: the week alone, or
    /// everything since the objective started for those measured since the start (ranks).
    /// </summary>
    private static async Task<Dictionary<int, List<WeeklyPoint>>> FormulaKpiWeeksAsync(
        SocialKpiDbContext db, int workspaceId, List<Kpi> kpis, Dictionary<string, int> metricIds, HashSet<int> averagedMetrics,
        Dictionary<int, IsoWeek> objectiveStarts, IsoWeek from, IsoWeek asOf, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, List<WeeklyPoint>>();
        var formulaKpis = kpis.Where(k => k.Formula is not null).ToList();
        if (formulaKpis.Count == 0)
        {
            return result;
        }

        // Only ROI and value per engagement read what a unit is worth; most dashboards skip this query.
        var valuesPerUnit = formulaKpis.Exists(k => k.Formula is FormulaId.Roi or FormulaId.RoeValuePerEngagement)
            ? await db.ValuesPerUnitAsync(workspaceId, cancellationToken)
            : [];
        var weeks = IsoWeek.Range(from, asOf).ToList();

        foreach (var group in formulaKpis.GroupBy(k => string.Join(',', k.ChannelIds.Order())))
        {
            var channelIds = group.First().ChannelIds;
            var definitions = group.Select(k => FormulaCatalog.Get(k.Formula!.Value)).ToList();
            var keys = definitions.SelectMany(d => d.MetricKeys).Distinct().Where(metricIds.ContainsKey).ToList();
            var totals = await db.MetricWeekTotalsAsync(workspaceId, keys.Select(k => metricIds[k]).ToList(), channelIds,
                from.Key, asOf.Key, cancellationToken);
            var byMetricWeek = totals.ToDictionary(
                t => (t.MetricId, t.Week),
                t => (decimal?)(decimal)(averagedMetrics.Contains(t.MetricId) ? t.Average : t.Sum));
            var costs = definitions.Exists(d => d.NeedsCost)
                ? (await db.CostWeekTotalsAsync(workspaceId, channelIds, from.Key, asOf.Key, cancellationToken))
                    .ToDictionary(c => c.Week, c => (decimal?)c.Amount)
                : [];

            // With no rival tracked there is nothing to compare with: relative formulas stay not computable.
            var brands = definitions.Exists(d => d.NeedsCompetitors)
                ? await db.BenchmarkFiguresAsync(workspaceId, channelIds, from, asOf, cancellationToken)
                : [];

            decimal? ValueOf(string key, IsoWeek week) =>
                byMetricWeek.GetValueOrDefault((metricIds[key], week.Key));

            foreach (var kpi in group)
            {
                var definition = FormulaCatalog.Get(kpi.Formula!.Value);
                var points = new List<WeeklyPoint>();
                var start = objectiveStarts[kpi.ObjectiveId];
                foreach (var week in weeks.Skip(1))
                {
                    var previous = week.AddWeeks(-1);
                    var benchmark = brands.Count > 1 && definition.NeedsCompetitors
                        ? new BenchmarkInputs(brands, definition.MeasuredSinceStart && start <= week ? start : week, week)
                        : null;
                    var inputs = new FormulaInputs
                    {
                        Values = keys.ToDictionary(k => k, k => ValueOf(k, week)),
                        StartValues = definition.NeedsStartValue ? keys.ToDictionary(k => k, k => ValueOf(k, previous)) : [],
                        Cost = costs.GetValueOrDefault(week.Key),
                        ValuesPerUnit = valuesPerUnit,
                        Benchmark = benchmark,
                    };
                    // A week whose inputs are missing or zero has no value: it is left out, never counted as 0.
                    if (definition.Compute(inputs).Value is { } value)
                    {
                        points.Add(new WeeklyPoint(week, value));
                    }
                }

                result[kpi.Id] = points;
            }
        }

        return result;
    }
}
