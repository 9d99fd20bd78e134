using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Annotations;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Web.Features.Dashboard;

/// <summary>What the objective page adds to the objective's progress: channel parts and annotations.</summary>
/// <remarks>
/// <see cref="ChannelWeeks"/> holds every KPI's weekly value by channel (for formula KPIs, the computable weeks of
/// <see cref="FormulaChannelWeeks"/>, which also carries why the others are not computable).
/// </remarks>
/// <see cref="BeforeStart"/>: each KPI's weeks before the objective's start that fall in the compared period.
public sealed record ObjectivePageData(
    IReadOnlyList<KpiChannelWeek> ChannelWeeks, IReadOnlyList<Annotation> Annotations, IReadOnlyList<KpiChannelResult> FormulaChannelWeeks,
    IReadOnlyDictionary<int, List<WeeklyPoint>> BeforeStart);

/// <summary>A KPI's value over two periods, aggregated as the KPI aggregates its weeks.</summary>
public sealed record KpiPeriodComparison(KpiProgressView Kpi, KpiResult First, KpiResult Second)
{
    /// <summary>From the second (earlier) period to the first.</summary>
    public KpiResult Change => PeriodChange.Between(Second, First);

    /// <summary>
    /// The KPI over two periods. <paramref name="beforeStart"/>: its weeks before the objective's start, for a compared
    /// period that reaches back there (the KPI's own weekly values begin at the start).
    /// </summary>
    public static KpiPeriodComparison Of(KpiProgressView kpi, WeekRange first, WeekRange second, IReadOnlyList<WeeklyPoint>? beforeStart = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new(kpi, ValueOver(kpi, first, beforeStart), ValueOver(kpi, second, beforeStart));
    }

    /// <summary>The KPI's weeks within the period combined by its aggregation (sum, mean, latest); not computable without data.</summary>
    public static KpiResult ValueOver(KpiProgressView kpi, WeekRange period, IReadOnlyList<WeeklyPoint>? beforeStart = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(period);
        var plan = kpi.Progress.Plan;
        var key = "period." + plan.Aggregation.ToString().ToLowerInvariant();
        var weeks = (beforeStart ?? []).Where(p => p.Week < kpi.Progress.Plan.StartWeek).Concat(kpi.Weekly).Where(p => period.Contains(p.Week));
        return PeriodAggregation.Aggregate(weeks, plan.Aggregation) is { } value
            ? KpiResult.Of(value, plan.Unit, key)
            : KpiResult.Fails(key, plan.Unit, NotComputableReason.MissingInput, plan.Name);
    }
}

public sealed class ObjectivePageService(IDbContextFactory<SocialKpiDbContext> dbFactory)
{
    /// <summary>
    /// Channel parts, annotations, and the KPIs' weeks of the <paramref name="compared"/> period that lie before the
    /// objective's start (the objective's own figures begin at its start).
    /// </summary>
    public async Task<ObjectivePageData> LoadAsync(
        int workspaceId, ObjectiveProgressView objective, WeekRange period, WeekRange compared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(compared);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channelWeeks = await db.KpiChannelWeeksAsync(workspaceId, objective.Objective.Id, period.From.Key, period.To.Key, cancellationToken);
        var formulaWeeks = await db.FormulaKpiChannelWeeksAsync(workspaceId, [.. objective.Kpis.Select(k => k.Kpi)], period.From, period.To, cancellationToken);
        channelWeeks.AddRange(formulaWeeks.Where(w => w.Result.Value is not null)
            .Select(w => new KpiChannelWeek(w.KpiId, w.ChannelId, w.Week.Key, (double)w.Result.Value!.Value)));
        var first = objective.Objective.StartDate;
        var lastDeadline = objective.Kpis.Select(k => k.Kpi.Deadline).Append(objective.Objective.EndDate).Max();
        var annotations = await db.Annotations.AsNoTracking()
            .Where(a => a.WorkspaceId == workspaceId && a.Date >= first && a.Date <= lastDeadline)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var start = IsoWeek.FromDate(objective.Objective.StartDate);
        var beforeStart = compared.From < start
            ? await db.KpiWeeklyValuesAsync(workspaceId, objective.Objective, compared.From, Min(compared.To, start.AddWeeks(-1)), cancellationToken)
            : [];
        return new ObjectivePageData(channelWeeks, annotations, formulaWeeks, beforeStart);
    }

    private static IsoWeek Min(IsoWeek a, IsoWeek b) => a < b ? a : b;
}
