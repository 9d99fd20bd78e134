using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Formulas;

/// <summary>The ROI of a period as a ratio and in percent, with the return it was computed on.</summary>
/// <param name="Ratio">(return − cost) ÷ cost, e.g. 9 (<see cref="KpiUnit.Ratio"/>, formula "roi").</param>
/// <param name="Percent">The same in percent, e.g. 900 (<see cref="KpiUnit.Percent"/>, formula "roi.percent").</param>
/// <param name="Return">The return: which inputs were valued and which were left out for want of a value.</param>
public sealed record RoiResult(KpiResult Ratio, KpiResult Percent, AttributedValue Return);

/// <summary>
/// Return on investment, the financial yardstick (seed 000: "un bilan sur les bénéfices engendrés par rapport aux
/// investissements de départ"). Seed 001's example: 1 000 spent a month for 10 000 of direct sales gives
/// (10 000 − 1 000) ÷ 1 000 = 9, i.e. 900 %. Seeds 000 and 002 warn that it suits only actions with a direct financial
/// result; for the rest, see <see cref="ReturnOnAttention"/> and <see cref="ReturnOnEngagement"/>.
/// The return is taken as revenue (not margin), as in seed 001's example; a workspace that wants a profit ROI sets
/// values per unit net of margin.
/// </summary>
public static class Roi
{
    public const string FormulaKey = "roi";
    public const string PercentFormulaKey = "roi.percent";

    /// <summary>ROI from attributed revenue alone: (revenue − cost) ÷ cost.</summary>
    public static RoiResult Of(decimal? attributedRevenue, decimal? cost) =>
        Of(AttributedValue.Of(attributedRevenue, []), cost);

    /// <summary>ROI from attributed revenue plus valued conversions: (revenue + Σ quantity × value per unit − cost) ÷ cost.</summary>
    public static RoiResult Of(decimal? attributedRevenue, IEnumerable<ValuedQuantity> conversions, decimal? cost) =>
        Of(AttributedValue.Of(attributedRevenue, conversions), cost);

    /// <summary>
    /// (return − cost) ÷ cost. Not computable when the return is (see <see cref="AttributedValue.Of"/>), when the cost is
    /// missing or negative, or when it is 0 (<see cref="NotComputableReason.ZeroDenominator"/>, "cost is 0": a free
    /// action has no return on investment, only a return).
    /// </summary>
    public static RoiResult Of(AttributedValue value, decimal? cost)
    {
        ArgumentNullException.ThrowIfNull(value);
        var ratio = RatioOf(value.Amount, cost);
        KpiResult percent;
        if (ratio.Value is { } r)
        {
            try
            {
                percent = KpiResult.Of(r * 100m, KpiUnit.Percent, PercentFormulaKey);
            }
            catch (OverflowException)
            {
                percent = KpiResult.Fails(PercentFormulaKey, KpiUnit.Percent, NotComputableReason.ZeroDenominator, FormulaInputNames.Cost);
            }
        }
        else
        {
            percent = FormulaGuard.Relabel(ratio, PercentFormulaKey, KpiUnit.Percent);
        }

        return new RoiResult(ratio, percent, value);
    }

    /// <summary>The ROI of period-aggregated inputs (revenue, valued macro-actions, total cost); see <see cref="AttributedValue.FromInputs"/>.</summary>
    public static RoiResult FromInputs(FormulaInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Of(AttributedValue.FromInputs(inputs), inputs.Cost);
    }

    private static KpiResult RatioOf(KpiResult amount, decimal? cost)
    {
        if (amount.Value is not { } value)
        {
            return FormulaGuard.Relabel(amount, FormulaKey, KpiUnit.Ratio);
        }

        var failure = FormulaGuard.Check(FormulaKey, KpiUnit.Ratio, cost, FormulaInputNames.Cost);
        if (failure is not null)
        {
            return failure;
        }

        // Both are non-negative, so the difference cannot overflow.
        return FormulaGuard.Quotient(FormulaKey, KpiUnit.Ratio, value - cost!.Value, cost.Value, FormulaInputNames.Cost, 1m);
    }
}
