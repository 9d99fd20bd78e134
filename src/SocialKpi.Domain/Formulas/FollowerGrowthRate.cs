using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// Follower acquisition (seed 000, "l'acquisition de followers"; seed 001, social proof measured by followers),
/// as a growth over the period so that accounts of different sizes compare.
/// </summary>
public static class FollowerGrowthRate
{
    public const string FormulaKey = "follower-growth-rate";

    /// <summary>
    /// (followers at the end − followers at the start) ÷ followers at the start × 100, in percent.
    /// Negative when the account lost followers. Not computable when the start count is 0 (growth from nothing has no rate)
    /// or missing; the start count is the last weekly value before the period (see <see cref="FormulaInputs.StartValues"/>).
    /// </summary>
    public static KpiResult Of(decimal? followersAtStart, decimal? followersAtEnd)
    {
        var startInput = FormulaInputNames.AtStart(StandardMetrics.Followers);
        var failure = FormulaGuard.Check(FormulaKey, KpiUnit.Percent, followersAtStart, startInput)
            ?? FormulaGuard.Check(FormulaKey, KpiUnit.Percent, followersAtEnd, StandardMetrics.Followers);
        if (failure is not null)
        {
            return failure;
        }

        // Both are non-negative, so the difference cannot overflow.
        return FormulaGuard.Quotient(FormulaKey, KpiUnit.Percent, followersAtEnd!.Value - followersAtStart!.Value, followersAtStart.Value, startInput, 100m);
    }
}
