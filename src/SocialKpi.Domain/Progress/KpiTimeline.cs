using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Progress;

/// <summary>
/// One week of a KPI's chart: what was measured, the KPI's value as of that week, where the trajectory expected it,
/// the limits from which it turns amber and red, and the forecast line.
/// </summary>
/// <param name="Week">The ISO week.</param>
/// <param name="Weekly">The week's own value; null when nothing was entered.</param>
/// <param name="Value">The KPI's value as of the week (<see cref="KpiCurrentValue"/>: cumulative, latest or 4-week mean); null before the first figure and after the evaluated week.</param>
/// <param name="Trajectory">The trajectory value at the end of the week.</param>
/// <param name="AmberLimit">The value from which the KPI is at risk that week.</param>
/// <param name="RedLimit">The value from which it is off track.</param>
/// <param name="Forecast">On the forecast line from the evaluated week to the deadline; null elsewhere.</param>
public sealed record KpiTimelineRow(
    IsoWeek Week,
    decimal? Weekly,
    decimal? Value,
    decimal Trajectory,
    decimal AmberLimit,
    decimal RedLimit,
    decimal? Forecast);

/// <summary>The weeks of a KPI's progress chart, from the objective's start to the deadline (or the evaluated week if later).</summary>
public static class KpiTimeline
{
    public static IReadOnlyList<KpiTimelineRow> Of(KpiProgress progress, IReadOnlyList<WeeklyPoint> points)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(points);
        var plan = progress.Plan;
        var asOf = progress.AsOf;
        var deadline = plan.DeadlineWeek;
        var last = deadline > asOf ? deadline : asOf;
        var weekly = points.ToDictionary(p => p.Week, p => p.Value);
        var current = progress.Current;
        var forecast = progress.Forecast.Value;
        var forecastWeeks = asOf.WeeksUntil(deadline);

        var rows = new List<KpiTimelineRow>();
        foreach (var week in IsoWeek.Range(plan.StartWeek, last))
        {
            var expected = plan.Trajectory.ValueAt(week);
            decimal? value = week <= asOf ? KpiCurrentValue.Of(plan, points, week) : null;
            decimal? onForecast = null;
            if (current is { } from && forecast is { } to && forecastWeeks > 0 && week >= asOf && week <= deadline)
            {
                onForecast = from + ((to - from) * asOf.WeeksUntil(week) / forecastWeeks);
            }

            rows.Add(new KpiTimelineRow(
                week,
                weekly.TryGetValue(week, out var v) ? v : null,
                value,
                expected,
                Limit(plan, expected, plan.AmberThresholdPercent),
                Limit(plan, expected, plan.RedThresholdPercent),
                onForecast));
        }

        return rows;
    }

    /// <summary>
    /// The value at which the shortfall against <paramref name="expected"/> reaches <paramref name="thresholdPercent"/>:
    /// below the trajectory for a higher-is-better KPI, above it for a lower-is-better one. Taken of |target − baseline|
    /// when the trajectory value is 0, as <see cref="KpiStatusAssessment"/> does.
    /// </summary>
    public static decimal Limit(KpiPlan plan, decimal expected, decimal thresholdPercent)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var basis = expected != 0m ? Math.Abs(expected) : Math.Abs(plan.Target - plan.Baseline);
        var gap = basis * thresholdPercent / 100m;
        return plan.Direction == Direction.HigherIsBetter ? expected - gap : expected + gap;
    }
}
