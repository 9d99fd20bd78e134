using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Progress;

/// <summary>
/// The value a KPI has reached by a given week, from its weekly points between the objective's start and that week
/// (missing weeks ignored, as in <see cref="PeriodAggregation"/>):
/// <list type="bullet">
/// <item><see cref="Aggregation.Sum"/>: the cumulative total since the start — a target of 5 000 new followers is a total to reach
/// by the deadline, so its trajectory runs from the baseline to the target on the cumulative value.</item>
/// <item><see cref="Aggregation.Last"/>: the latest weekly value — a stock such as followers.</item>
/// <item><see cref="Aggregation.Average"/>: the mean of the last <see cref="AverageWindowWeeks"/> weeks with data — a rate such as
/// a response time. A mean since the start would barely move late in the objective and hide a recent slide; a single week
/// is too noisy; four weeks is about a month, the rhythm of reports (seed 001: "suivi régulier […] pendant un laps de temps déterminé").</item>
/// </list>
/// No point in the range gives null: no data, never 0.
/// </summary>
public static class KpiCurrentValue
{
    /// <summary>Weeks with data averaged by <see cref="Aggregation.Average"/>.</summary>
    public const int AverageWindowWeeks = 4;

    /// <summary>The KPI's value as of <paramref name="asOf"/>, counting the weeks from <paramref name="from"/> to <paramref name="asOf"/> included.</summary>
    public static decimal? Of(IEnumerable<WeeklyPoint> points, Aggregation aggregation, IsoWeek from, IsoWeek asOf)
    {
        ArgumentNullException.ThrowIfNull(points);
        var inRange = points.Where(p => p.Week >= from && p.Week <= asOf).OrderBy(p => p.Week).ToList();
        return aggregation == Aggregation.Average
            ? PeriodAggregation.Aggregate(inRange.TakeLast(AverageWindowWeeks), Aggregation.Average)
            : PeriodAggregation.Aggregate(inRange, aggregation);
    }

    /// <summary>The value of a plan's KPI as of <paramref name="asOf"/>, counting from the plan's start week.</summary>
    public static decimal? Of(KpiPlan plan, IEnumerable<WeeklyPoint> points, IsoWeek asOf)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Of(points, plan.Aggregation, plan.StartWeek, asOf);
    }
}
