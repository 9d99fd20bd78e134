using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// The one place where figures are rounded, and only for display: formulas never round, so that a rate computed from
/// rounded parts never differs from the same rate computed at once, and totals of rounded figures do not drift.
/// Rounding is half away from zero (0.125 € → 0.13 €), the rule of commercial arithmetic that users expect,
/// not .NET's default banker's rounding (0.125 → 0.12).
/// </summary>
public static class DisplayRounding
{
    /// <summary>
    /// Decimal places shown per unit: currency 2 (cents); percent 2 (engagement and amplification rates are often
    /// below 1 %, so one place would hide differences); ratio 2 (ROI 2.35); duration 1 (minutes); count 0.
    /// </summary>
    public static int DecimalPlaces(KpiUnit unit) => unit switch
    {
        KpiUnit.Currency => 2,
        KpiUnit.Percent => 2,
        KpiUnit.Ratio => 2,
        KpiUnit.Duration => 1,
        KpiUnit.Count => 0,
        _ => 2,
    };

    /// <summary>The value rounded half away from zero to <see cref="DecimalPlaces"/> of its unit.</summary>
    public static decimal Round(decimal value, KpiUnit unit) =>
        Math.Round(value, DecimalPlaces(unit), MidpointRounding.AwayFromZero);

    /// <summary>The result's value rounded for display; null when not computable.</summary>
    public static decimal? Round(KpiResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Value is { } value ? Round(value, result.Unit) : null;
    }
}
