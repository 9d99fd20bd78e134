using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// Return on attention (ROA). Seed 002 defines it as "dans quelle mesure le CM a retenu l'attention de l'internaute",
/// to be read against the visibility and traffic objectives; seed 000 recommends it (with ROE) over ROI for community
/// management. Neither gives a formula and none is standard, so each <see cref="RoaVariant"/> is a named formula.
/// </summary>
public static class ReturnOnAttention
{
    /// <summary>
    /// engagements ÷ reach × 100, in percent ("roa.engaged-attention-rate"): of the attention captured (people reached),
    /// the share that turned into an engagement. The workspace default: it needs no cost (seed 000: the community manager
    /// is judged on objectives, not money) and uses figures every network reports.
    /// </summary>
    public static KpiResult EngagedAttentionRate(decimal? engagements, decimal? reach) =>
        FormulaGuard.Ratio(FormulaKey(RoaVariant.EngagedAttentionRate), KpiUnit.Percent, engagements, FormulaInputNames.Engagements, reach, StandardMetrics.Reach, 100m);

    /// <summary>reach ÷ cost ("roa.reach-per-cost"): people reached per unit of currency spent. A cost of 0 is not computable.</summary>
    public static KpiResult ReachPerCost(decimal? reach, decimal? cost) =>
        FormulaGuard.Ratio(FormulaKey(RoaVariant.ReachPerCost), KpiUnit.Ratio, reach, StandardMetrics.Reach, cost, FormulaInputNames.Cost, 1m);

    /// <summary>
    /// (new followers + profile visits) ÷ reach × 100, in percent ("roa.attention-retention"): attention that became lasting
    /// interest — the person came back to the account or subscribed. Like <see cref="Engagements.Total"/>, one missing part
    /// is left out (not every network reports profile visits); both missing is <see cref="NotComputableReason.MissingInput"/>.
    /// </summary>
    public static KpiResult AttentionRetention(decimal? newFollowers, decimal? profileVisits, decimal? reach)
    {
        var formula = FormulaKey(RoaVariant.AttentionRetention);
        var retained = Engagements.SumOfAvailable(
            formula,
            KpiUnit.Percent,
            StandardMetrics.NewFollowers,
            [(newFollowers, StandardMetrics.NewFollowers), (profileVisits, StandardMetrics.ProfileVisits)]);
        return retained.Value is { } value
            ? FormulaGuard.Ratio(formula, KpiUnit.Percent, value, StandardMetrics.NewFollowers, reach, StandardMetrics.Reach, 100m)
            : retained;
    }

    /// <summary>The ROA of <paramref name="variant"/> on period-aggregated inputs; <see cref="KpiResult.Formula"/> names the variant.</summary>
    public static KpiResult Compute(RoaVariant variant, FormulaInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        switch (variant)
        {
            case RoaVariant.EngagedAttentionRate:
                var engagements = Engagements.FromInputs(inputs);
                return engagements.Value is null
                    ? FormulaGuard.Relabel(engagements, FormulaKey(variant), UnitOf(variant))
                    : EngagedAttentionRate(engagements.Value, inputs.Value(StandardMetrics.Reach));
            case RoaVariant.ReachPerCost:
                return ReachPerCost(inputs.Value(StandardMetrics.Reach), inputs.Cost);
            case RoaVariant.AttentionRetention:
                return AttentionRetention(inputs.Value(StandardMetrics.NewFollowers), inputs.Value(StandardMetrics.ProfileVisits), inputs.Value(StandardMetrics.Reach));
            default:
                throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown ROA variant.");
        }
    }

    /// <summary>The stable identifier of the variant, e.g. "roa.engaged-attention-rate".</summary>
    public static string FormulaKey(RoaVariant variant) => variant switch
    {
        RoaVariant.EngagedAttentionRate => "roa.engaged-attention-rate",
        RoaVariant.ReachPerCost => "roa.reach-per-cost",
        RoaVariant.AttentionRetention => "roa.attention-retention",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown ROA variant."),
    };

    /// <summary>Percent, except <see cref="RoaVariant.ReachPerCost"/> (people per currency unit, a ratio).</summary>
    public static KpiUnit UnitOf(RoaVariant variant) => variant == RoaVariant.ReachPerCost ? KpiUnit.Ratio : KpiUnit.Percent;

    /// <summary>The catalogue entry of the variant.</summary>
    public static FormulaId FormulaIdOf(RoaVariant variant) => variant switch
    {
        RoaVariant.EngagedAttentionRate => FormulaId.RoaEngagedAttentionRate,
        RoaVariant.ReachPerCost => FormulaId.RoaReachPerCost,
        RoaVariant.AttentionRetention => FormulaId.RoaAttentionRetention,
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown ROA variant."),
    };
}
