using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// The engagements of a period: every action by which someone reacted to the content (seed 000 lists
/// "like, partage, clic, commentaire"; clicks are kept apart because they measure traffic, not engagement,
/// and most tools — Hootsuite, Sprout Social — leave them out of the engagement rate).
/// </summary>
public static class Engagements
{
    /// <summary>Identifier of the formula in <see cref="KpiResult.Formula"/>.</summary>
    public const string FormulaKey = "engagements.total";

    /// <summary>
    /// reactions + comments + shares + saves, as a count.
    /// A missing component is left out rather than failing the whole total, because not every network has every action
    /// (saves, for one, are absent from several networks' exports); when all four are missing the total is not computable.
    /// A negative component is not computable (<see cref="NotComputableReason.NegativeInput"/>).
    /// </summary>
    public static KpiResult Total(decimal? reactions, decimal? comments, decimal? shares, decimal? saves)
    {
        (decimal? Value, string Input)[] parts =
        [
            (reactions, StandardMetrics.Reactions),
            (comments, StandardMetrics.Comments),
            (shares, StandardMetrics.Shares),
            (saves, StandardMetrics.Saves),
        ];
        return SumOfAvailable(FormulaKey, KpiUnit.Count, FormulaInputNames.Engagements, parts);
    }

    /// <summary>The engagements of period-aggregated inputs (the four standard metrics).</summary>
    public static KpiResult FromInputs(FormulaInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Total(
            inputs.Value(StandardMetrics.Reactions),
            inputs.Value(StandardMetrics.Comments),
            inputs.Value(StandardMetrics.Shares),
            inputs.Value(StandardMetrics.Saves));
    }

    /// <summary>
    /// The sum of the parts that have a value; not computable when none has one (reported under <paramref name="totalInput"/>)
    /// or when one is negative (reported under that part's name).
    /// </summary>
    internal static KpiResult SumOfAvailable(string formula, KpiUnit unit, string totalInput, IReadOnlyList<(decimal? Value, string Input)> parts)
    {
        decimal total = 0m;
        var any = false;
        foreach (var (value, input) in parts)
        {
            if (value is null)
            {
                continue;
            }

            if (value < 0m)
            {
                return KpiResult.Fails(formula, unit, NotComputableReason.NegativeInput, input);
            }

            try
            {
                total += value.Value;
            }
            catch (OverflowException)
            {
                return FormulaGuard.OutOfRange(formula, unit, totalInput);
            }

            any = true;
        }

        return any ? KpiResult.Of(total, unit, formula) : KpiResult.Fails(formula, unit, NotComputableReason.MissingInput, totalInput);
    }
}
