using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>A quantity of a metric and what one unit is worth, e.g. 12 leads at 40 € each.</summary>
/// <param name="MetricKey">The metric's key, reported in <see cref="AttributedValue.ValuedInputs"/> or <see cref="AttributedValue.UnvaluedInputs"/>.</param>
/// <param name="Quantity">The period value; null when there is no data (the metric is then ignored).</param>
/// <param name="ValuePerUnit">What one unit is worth; null when the workspace set no value (the metric is then reported as unvalued).</param>
public sealed record ValuedQuantity(string MetricKey, decimal? Quantity, decimal? ValuePerUnit);

/// <summary>
/// The money the social media work brought in a period: attributed revenue plus each conversion metric × its value per
/// unit (seed 001: "une fois que vous avez défini vos propres KPI et la valeur qu'ils ont pour votre entreprise").
/// A conversion metric without a value is not counted — it would otherwise count as worth 0 — but it is listed in
/// <see cref="UnvaluedInputs"/> so that a report can say the figure leaves it out.
/// </summary>
/// <param name="Amount">The value in currency, or not computable.</param>
/// <param name="ValuedInputs">The inputs counted: "revenue" and the metric keys that had a quantity and a value.</param>
/// <param name="UnvaluedInputs">The metric keys with a positive quantity but no value per unit: left out of <paramref name="Amount"/>.</param>
public sealed record AttributedValue(KpiResult Amount, IReadOnlyList<string> ValuedInputs, IReadOnlyList<string> UnvaluedInputs)
{
    public const string FormulaKey = "attributed-value";

    /// <summary>
    /// attributed revenue + Σ quantity × value per unit, in currency. Not computable when a count, a revenue or a value per
    /// unit is negative (<see cref="NotComputableReason.NegativeInput"/>), or when there is neither revenue nor any valued
    /// quantity (<see cref="NotComputableReason.MissingInput"/>, input <see cref="FormulaInputNames.AttributedValue"/>):
    /// a period with no known return has an unknown return, not a return of 0.
    /// </summary>
    public static AttributedValue Of(decimal? attributedRevenue, IEnumerable<ValuedQuantity> quantities)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        var valued = new List<string>();
        var unvalued = new List<string>();

        AttributedValue Failed(NotComputableReason reason, string input) =>
            new(KpiResult.Fails(FormulaKey, KpiUnit.Currency, reason, input), valued, unvalued);

        decimal amount = 0m;
        try
        {
            if (attributedRevenue is { } revenue)
            {
                if (revenue < 0m)
                {
                    return Failed(NotComputableReason.NegativeInput, StandardMetrics.Revenue);
                }

                amount += revenue;
                valued.Add(StandardMetrics.Revenue);
            }

            foreach (var quantity in quantities)
            {
                if (quantity.Quantity is not { } count)
                {
                    continue;
                }

                if (count < 0m)
                {
                    return Failed(NotComputableReason.NegativeInput, quantity.MetricKey);
                }

                if (quantity.ValuePerUnit is not { } unitValue)
                {
                    if (count > 0m)
                    {
                        unvalued.Add(quantity.MetricKey);
                    }

                    continue;
                }

                if (unitValue < 0m)
                {
                    return Failed(NotComputableReason.NegativeInput, FormulaInputNames.ValuePerUnit(quantity.MetricKey));
                }

                amount += count * unitValue;
                valued.Add(quantity.MetricKey);
            }
        }
        catch (OverflowException)
        {
            return new(FormulaGuard.OutOfRange(FormulaKey, KpiUnit.Currency, FormulaInputNames.AttributedValue), valued, unvalued);
        }

        return valued.Count == 0
            ? Failed(NotComputableReason.MissingInput, FormulaInputNames.AttributedValue)
            : new(KpiResult.Of(amount, KpiUnit.Currency, FormulaKey), valued, unvalued);
    }

    /// <summary>
    /// The attributed value of period-aggregated inputs: the "revenue" metric, then every macro-action of the standard
    /// catalogue (seed 004: form completions, newsletter sign-ups, leads, conversions) valued by
    /// <see cref="FormulaInputs.ValuesPerUnit"/>, then any other metric the workspace gave a value per unit (custom metrics).
    /// </summary>
    public static AttributedValue FromInputs(FormulaInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var keys = ValuableMetricKeys
            .Concat(inputs.ValuesPerUnit.Keys.Where(k => k != StandardMetrics.Revenue && !ValuableMetricKeys.Contains(k)).Order(StringComparer.Ordinal));
        return Of(
            inputs.Value(StandardMetrics.Revenue),
            keys.Select(k => new ValuedQuantity(k, inputs.Value(k), inputs.ValuePerUnit(k))));
    }

    /// <summary>The standard macro-actions that count towards the return when valued (revenue is counted as is).</summary>
    public static IReadOnlyList<string> ValuableMetricKeys { get; } = StandardMetrics.All
        .Where(m => m.ActionKind == ActionKind.Macro && m.Key != StandardMetrics.Revenue)
        .Select(m => m.Key)
        .ToArray();
}
