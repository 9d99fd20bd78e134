using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Progress;

/// <summary>How an <see cref="Attainment"/> was computed.</summary>
public enum AttainmentBasis
{
    /// <summary>(actual − baseline) ÷ (target − baseline).</summary>
    Linear,
    /// <summary>The target equals the baseline: it was met at the start; attainment is 1 if still met, else 0.</summary>
    TargetMetAtStart,
    /// <summary>
    /// The target lies on the wrong side of the baseline for the KPI's direction (higher is better but target &lt; baseline,
    /// or the reverse): read as a floor (or ceiling) to stay above (or below), already met at the start, so attainment is
    /// 1 if still met, else 0. The linear formula would reward moving the wrong way.
    /// </summary>
    TargetInWrongDirection,
}

/// <summary>
/// How much of the way from the baseline to the target a KPI has gone: 0 at the baseline, 1 at the target.
/// <see cref="Value"/> is capped to [0, 1] (what an objective's progress averages); <see cref="Uncapped"/> shows
/// overshoot (1.4 = 140 %) or regression (−0.2).
/// </summary>
public sealed record Attainment(decimal Value, decimal Uncapped, AttainmentBasis Basis)
{
    /// <summary>
    /// (actual − baseline) ÷ (target − baseline). Direction-aware without a special case: for a lower-is-better KPI the
    /// target is below the baseline, so both differences are negative when the KPI improves. A target equal to the
    /// baseline, or on the wrong side of it, is a threshold already met at the start (see <see cref="AttainmentBasis"/>).
    /// </summary>
    public static Attainment Of(decimal actual, decimal baseline, decimal target, Direction direction)
    {
        if (target == baseline)
        {
            return Threshold(actual, target, direction, AttainmentBasis.TargetMetAtStart);
        }

        var wrongDirection = direction == Direction.HigherIsBetter ? target < baseline : target > baseline;
        if (wrongDirection)
        {
            return Threshold(actual, target, direction, AttainmentBasis.TargetInWrongDirection);
        }

        decimal uncapped;
        try
        {
            uncapped = (actual - baseline) / (target - baseline);
        }
        catch (OverflowException)
        {
            // Only with values near decimal's limits; double has the range, and the precision lost does not matter there.
            var ratio = ((double)actual - (double)baseline) / ((double)target - (double)baseline);
            uncapped = ratio >= (double)decimal.MaxValue ? decimal.MaxValue
                : ratio <= (double)decimal.MinValue ? decimal.MinValue
                : (decimal)ratio;
        }

        return new Attainment(Math.Clamp(uncapped, 0m, 1m), uncapped, AttainmentBasis.Linear);
    }

    /// <summary>The attainment of <paramref name="actual"/> against a plan's baseline, target and direction.</summary>
    public static Attainment Of(KpiPlan plan, decimal actual)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Of(actual, plan.Baseline, plan.Target, plan.Direction);
    }

    /// <summary>Whether <paramref name="actual"/> is at <paramref name="reference"/> or on its better side.</summary>
    public static bool IsAtOrBetter(decimal actual, decimal reference, Direction direction) =>
        direction == Direction.HigherIsBetter ? actual >= reference : actual <= reference;

    private static Attainment Threshold(decimal actual, decimal target, Direction direction, AttainmentBasis basis)
    {
        var met = IsAtOrBetter(actual, target, direction) ? 1m : 0m;
        return new Attainment(met, met, basis);
    }
}
