using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// The checks every formula shares, so that missing, negative and zero inputs are treated the same way everywhere:
/// a missing input is <see cref="NotComputableReason.MissingInput"/>, a negative count or amount is
/// <see cref="NotComputableReason.NegativeInput"/>, a zero denominator is <see cref="NotComputableReason.ZeroDenominator"/>.
/// Nothing here throws and nothing turns a missing figure into 0.
/// </summary>
internal static class FormulaGuard
{
    /// <summary>Null when <paramref name="value"/> is usable (present and not negative), else the failure to return.</summary>
    public static KpiResult? Check(string formula, KpiUnit unit, decimal? value, string input) => value switch
    {
        null => KpiResult.Fails(formula, unit, NotComputableReason.MissingInput, input),
        < 0m => KpiResult.Fails(formula, unit, NotComputableReason.NegativeInput, input),
        _ => null,
    };

    /// <summary>
    /// numerator ÷ denominator × scale, after checking both inputs. The scale is 100 for percentages,
    /// 1000 for a CPM, 1 for plain ratios. The division is done first so that the scale cannot overflow a large numerator.
    /// </summary>
    public static KpiResult Ratio(
        string formula,
        KpiUnit unit,
        decimal? numerator,
        string numeratorInput,
        decimal? denominator,
        string denominatorInput,
        decimal scale)
    {
        if (numerator is null)
        {
            return KpiResult.Fails(formula, unit, NotComputableReason.MissingInput, numeratorInput);
        }

        if (denominator is null)
        {
            return KpiResult.Fails(formula, unit, NotComputableReason.MissingInput, denominatorInput);
        }

        var failure = Check(formula, unit, numerator, numeratorInput) ?? Check(formula, unit, denominator, denominatorInput);
        if (failure is not null)
        {
            return failure;
        }

        return Quotient(formula, unit, numerator.Value, denominator.Value, denominatorInput, scale);
    }

    /// <summary>
    /// numerator ÷ denominator × scale on values already checked. A zero denominator fails with
    /// <see cref="NotComputableReason.ZeroDenominator"/>. A quotient beyond the range of decimal (about 7.9 × 10^28)
    /// means the denominator is smaller than decimal's 28 significant digits can tell apart from zero next to
    /// the numerator, so it is reported the same way: the denominator is, at this precision, zero.
    /// </summary>
    public static KpiResult Quotient(string formula, KpiUnit unit, decimal numerator, decimal denominator, string denominatorInput, decimal scale)
    {
        if (denominator == 0m)
        {
            return KpiResult.Fails(formula, unit, NotComputableReason.ZeroDenominator, denominatorInput);
        }

        try
        {
            return KpiResult.Of(numerator / denominator * scale, unit, formula);
        }
        catch (OverflowException)
        {
            return KpiResult.Fails(formula, unit, NotComputableReason.ZeroDenominator, denominatorInput);
        }
    }

    /// <summary>
    /// The failure returned when a sum or product of inputs exceeds the range of decimal (about 7.9 × 10^28).
    /// Such inputs can only be entry errors, so they are treated as unusable data (<see cref="NotComputableReason.MissingInput"/>);
    /// <see cref="NotComputableReason"/> has no dedicated "out of range" reason.
    /// </summary>
    public static KpiResult OutOfRange(string formula, KpiUnit unit, string input) =>
        KpiResult.Fails(formula, unit, NotComputableReason.MissingInput, input);

    /// <summary>The same failure under another formula's identifier (when a formula is built on another one).</summary>
    public static KpiResult Relabel(KpiResult failed, string formula, KpiUnit unit)
    {
        var notComputable = failed.NotComputable
            ?? throw new ArgumentException("Only a result that is not computable can be relabelled.", nameof(failed));
        return KpiResult.Fails(formula, unit, notComputable.Reason, notComputable.Input);
    }
}
