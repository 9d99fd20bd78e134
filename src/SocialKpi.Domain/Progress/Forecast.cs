using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Progress;

/// <summary>
/// Where a KPI will be at its deadline if the recent trend goes on: an ordinary least-squares line through the last
/// <see cref="WindowWeeks"/> weekly points with data (from the objective's start up to the as-of week), extended to the deadline.
/// Eight weeks is about two months: long enough to smooth a one-off week, short enough to follow a change of strategy.
/// </summary>
public static class Forecast
{
    /// <summary>Identifier of the method in <see cref="KpiResult.Formula"/>.</summary>
    public const string FormulaKey = "forecast.linear-trend";

    /// <summary>Weekly points the trend is fitted on.</summary>
    public const int WindowWeeks = 8;

    /// <summary>
    /// The KPI's value forecast for its deadline, by aggregation:
    /// <list type="bullet">
    /// <item><see cref="Aggregation.Sum"/>: the cumulative total so far plus the recent weekly rate × the weeks left. The rate is
    /// the slope of the least-squares line through the cumulative totals of the last weeks with data (missing weeks are skipped,
    /// as everywhere, so the rate is per week with data).</item>
    /// <item><see cref="Aggregation.Last"/>: the line through the weekly values, read at the deadline's week.</item>
    /// <item><see cref="Aggregation.Average"/>: the mean of the line over the deadline's week and the 3 before, matching
    /// <see cref="KpiCurrentValue"/>'s 4-week mean.</item>
    /// </list>
    /// After the deadline, the history stops at the deadline's week. Fewer than 2 points is not computable
    /// (<see cref="NotComputableReason.NotEnoughHistory"/>, input: the KPI's name).
    /// </summary>
    public static KpiResult EndValue(KpiPlan plan, IEnumerable<WeeklyPoint> points, IsoWeek asOf)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(points);
        var deadlineWeek = plan.DeadlineWeek;
        var until = asOf < deadlineWeek ? asOf : deadlineWeek;
        var history = points.Where(p => p.Week >= plan.StartWeek && p.Week <= until).OrderBy(p => p.Week).ToList();
        var window = history.TakeLast(WindowWeeks).ToList();
        var notEnough = KpiResult.Fails(FormulaKey, plan.Unit, NotComputableReason.NotEnoughHistory, plan.Name);
        if (window.Count < 2)
        {
            return notEnough;
        }

        try
        {
            switch (plan.Aggregation)
            {
                case Aggregation.Sum:
                    {
                        decimal running = 0m;
                        var cumulative = window.Select((p, i) => ((decimal)i, running += p.Value)).ToList();
                        if (LinearTrend.Fit(cumulative) is not { } trend)
                        {
                            return notEnough;
                        }

                        var weeksLeft = Math.Max(0, until.WeeksUntil(deadlineWeek));
                        return KpiResult.Of(history.Sum(p => p.Value) + (trend.Slope * weeksLeft), plan.Unit, FormulaKey);
                    }

                case Aggregation.Last:
                case Aggregation.Average:
                    {
                        var origin = window[0].Week;
                        var series = window.Select(p => ((decimal)origin.WeeksUntil(p.Week), p.Value)).ToList();
                        if (LinearTrend.Fit(series) is not { } trend)
                        {
                            return notEnough;
                        }

                        decimal deadlineX = origin.WeeksUntil(deadlineWeek);

                        // The mean of a line over x − 3 … x is its value at x − 1.5.
                        var at = plan.Aggregation == Aggregation.Last ? deadlineX : deadlineX - ((KpiCurrentValue.AverageWindowWeeks - 1) / 2m);
                        return KpiResult.Of(trend.At(at), plan.Unit, FormulaKey);
                    }

                default:
                    throw new ArgumentOutOfRangeException(nameof(plan), plan.Aggregation, "Unknown aggregation.");
            }
        }
        catch (OverflowException)
        {
            return KpiResult.Fails(FormulaKey, plan.Unit, NotComputableReason.MissingInput, plan.Name);
        }
    }
}
