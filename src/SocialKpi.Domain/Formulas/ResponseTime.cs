using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>One week's average response time and the number of messages it averages, to combine weeks fairly.</summary>
/// <param name="AverageMinutes">The week's average response time in minutes; null when not measured.</param>
/// <param name="MessagesAnswered">Messages answered that week; null when not counted.</param>
public sealed record WeeklyResponseTime(decimal? AverageMinutes, decimal? MessagesAnswered);

/// <summary>
/// Average response time in minutes (seed 001: "temps de réponse"; seed 000: "les temps de réponse, la réactivité").
/// Lower is better.
/// </summary>
public static class ResponseTime
{
    public const string FormulaKey = "average-response-time";

    /// <summary>The period's average response time, already aggregated (minutes); checks it is present and not negative.</summary>
    public static KpiResult Average(decimal? averageMinutes) =>
        FormulaGuard.Check(FormulaKey, KpiUnit.Duration, averageMinutes, StandardMetrics.AverageResponseTime)
        ?? KpiResult.Of(averageMinutes!.Value, KpiUnit.Duration, FormulaKey);

    /// <summary>
    /// Combines weekly averages into the period's average, in minutes. A week of 100 answers weighs more than a week of 2,
    /// so when every week that has an average also has its count of messages answered, the result is
    /// Σ(average × answered) ÷ Σ answered (in SQL: <c>SUM(avg * answered) / SUM(answered)</c>); weeks with 0 answers then
    /// count for nothing, and if all have 0 the result is not computable (<see cref="NotComputableReason.ZeroDenominator"/>,
    /// messages_answered). When some count is missing the weights are unreliable and the plain mean of the weekly averages
    /// is used. Weeks without an average are ignored; none at all is <see cref="NotComputableReason.MissingInput"/>.
    /// </summary>
    public static KpiResult Average(IEnumerable<WeeklyResponseTime> weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var measured = weeks.Where(w => w.AverageMinutes is not null).ToList();
        if (measured.Count == 0)
        {
            return KpiResult.Fails(FormulaKey, KpiUnit.Duration, NotComputableReason.MissingInput, StandardMetrics.AverageResponseTime);
        }

        foreach (var week in measured)
        {
            var failure = FormulaGuard.Check(FormulaKey, KpiUnit.Duration, week.AverageMinutes, StandardMetrics.AverageResponseTime)
                ?? (week.MessagesAnswered < 0m
                    ? KpiResult.Fails(FormulaKey, KpiUnit.Duration, NotComputableReason.NegativeInput, StandardMetrics.MessagesAnswered)
                    : null);
            if (failure is not null)
            {
                return failure;
            }
        }

        try
        {
            if (measured.TrueForAll(w => w.MessagesAnswered is not null))
            {
                var weighted = measured.Sum(w => w.AverageMinutes!.Value * w.MessagesAnswered!.Value);
                var answered = measured.Sum(w => w.MessagesAnswered!.Value);
                return FormulaGuard.Quotient(FormulaKey, KpiUnit.Duration, weighted, answered, StandardMetrics.MessagesAnswered, 1m);
            }

            return KpiResult.Of(measured.Average(w => w.AverageMinutes!.Value), KpiUnit.Duration, FormulaKey);
        }
        catch (OverflowException)
        {
            return FormulaGuard.OutOfRange(FormulaKey, KpiUnit.Duration, StandardMetrics.AverageResponseTime);
        }
    }
}
