using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// Return on engagement (ROE). Seed 002 defines it as "jusqu'à quel point l'internaute veut s'engager pour consommer le
/// produit promu": what the engagements lead to. Seed 000 recommends it (with ROA) over ROI. No formula is standard, so
/// each <see cref="RoeVariant"/> is a named formula.
/// </summary>
public static class ReturnOnEngagement
{
    /// <summary>
    /// (attributed revenue + value of the valued conversions) ÷ engagements, in currency ("roe.value-per-engagement"):
    /// what one engagement brings. The workspace default: it follows seed 002's definition (engagement that leads to
    /// consumption) and seed 001's advice to give each KPI its value for the business, while staying a measure of
    /// engagement rather than of spending. The return is <see cref="AttributedValue"/>: unvalued conversions are reported there.
    /// </summary>
    public static KpiResult ValuePerEngagement(AttributedValue value, decimal? engagements)
    {
        ArgumentNullException.ThrowIfNull(value);
        var formula = FormulaKey(RoeVariant.ValuePerEngagement);
        return value.Amount.Value is { } amount
            ? FormulaGuard.Ratio(formula, KpiUnit.Currency, amount, FormulaInputNames.AttributedValue, engagements, FormulaInputNames.Engagements, 1m)
            : FormulaGuard.Relabel(value.Amount, formula, KpiUnit.Currency);
    }

    /// <summary>value (currency) ÷ engagements: the same with the return already computed.</summary>
    public static KpiResult ValuePerEngagement(decimal? attributedValue, decimal? engagements) =>
        FormulaGuard.Ratio(FormulaKey(RoeVariant.ValuePerEngagement), KpiUnit.Currency, attributedValue, FormulaInputNames.AttributedValue, engagements, FormulaInputNames.Engagements, 1m);

    /// <summary>conversions ÷ engagements × 100, in percent ("roe.conversions-per-engagement"): the share of engagements that ended in a conversion.</summary>
    public static KpiResult ConversionsPerEngagement(decimal? conversions, decimal? engagements) =>
        FormulaGuard.Ratio(FormulaKey(RoeVariant.ConversionsPerEngagement), KpiUnit.Percent, conversions, StandardMetrics.Conversions, engagements, FormulaInputNames.Engagements, 100m);

    /// <summary>engagements ÷ cost ("roe.engagements-per-cost"): engagements per unit of currency spent. A cost of 0 is not computable.</summary>
    public static KpiResult EngagementsPerCost(decimal? engagements, decimal? cost) =>
        FormulaGuard.Ratio(FormulaKey(RoeVariant.EngagementsPerCost), KpiUnit.Ratio, engagements, FormulaInputNames.Engagements, cost, FormulaInputNames.Cost, 1m);

    /// <summary>The ROE of <paramref name="variant"/> on period-aggregated inputs; <see cref="KpiResult.Formula"/> names the variant.</summary>
    public static KpiResult Compute(RoeVariant variant, FormulaInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var engagements = Engagements.FromInputs(inputs);
        if (engagements.Value is null)
        {
            return FormulaGuard.Relabel(engagements, FormulaKey(variant), UnitOf(variant));
        }

        return variant switch
        {
            RoeVariant.ValuePerEngagement => ValuePerEngagement(AttributedValue.FromInputs(inputs), engagements.Value),
            RoeVariant.ConversionsPerEngagement => ConversionsPerEngagement(inputs.Value(StandardMetrics.Conversions), engagements.Value),
            RoeVariant.EngagementsPerCost => EngagementsPerCost(engagements.Value, inputs.Cost),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown ROE variant."),
        };
    }

    /// <summary>The stable identifier of the variant, e.g. "roe.value-per-engagement".</summary>
    public static string FormulaKey(RoeVariant variant) => variant switch
    {
        RoeVariant.ValuePerEngagement => "roe.value-per-engagement",
        RoeVariant.ConversionsPerEngagement => "roe.conversions-per-engagement",
        RoeVariant.EngagementsPerCost => "roe.engagements-per-cost",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown ROE variant."),
    };

    /// <summary>Currency per engagement, percent of engagements, or engagements per currency unit.</summary>
    public static KpiUnit UnitOf(RoeVariant variant) => variant switch
    {
        RoeVariant.ValuePerEngagement => KpiUnit.Currency,
        RoeVariant.ConversionsPerEngagement => KpiUnit.Percent,
        RoeVariant.EngagementsPerCost => KpiUnit.Ratio,
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown ROE variant."),
    };

    /// <summary>The catalogue entry of the variant.</summary>
    public static FormulaId FormulaIdOf(RoeVariant variant) => variant switch
    {
        RoeVariant.ValuePerEngagement => FormulaId.RoeValuePerEngagement,
        RoeVariant.ConversionsPerEngagement => FormulaId.RoeConversionsPerEngagement,
        RoeVariant.EngagementsPerCost => FormulaId.RoeEngagementsPerCost,
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown ROE variant."),
    };
}
