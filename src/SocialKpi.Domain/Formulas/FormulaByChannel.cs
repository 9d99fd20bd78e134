using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// A formula KPI broken down by channel: the formula applied to each channel's own figures (Instagram's engagement rate
/// is Instagram's interactions ÷ Instagram's reach), never a share of the brand's value — ratios do not add up.
/// </summary>
public static class FormulaByChannel
{
    /// <summary>
    /// Whether the formula means something on one channel alone. Not the benchmarks (they compare the brand with its
    /// rivals), nor the growth formulas (they read a start value the per-channel view does not load).
    /// </summary>
    public static bool AppliesPerChannel(FormulaDefinition formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        return !formula.NeedsCompetitors && !formula.NeedsAllTrackedBrandsMentions && !formula.NeedsStartValue;
    }

    /// <summary>
    /// A channel's value over a period: its computable weeks combined by the KPI's aggregation, as the KPI's own period
    /// value is. When no week is computable, the latest week's reason (e.g. reach missing), or missing input when the
    /// channel has no week at all.
    /// </summary>
    public static KpiResult OverPeriod(IEnumerable<(IsoWeek Week, KpiResult Result)> weeks, Aggregation aggregation, FormulaDefinition formula)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        ArgumentNullException.ThrowIfNull(formula);
        var ordered = weeks.OrderBy(w => w.Week).ToList();
        var points = ordered.Where(w => w.Result.Value is not null).Select(w => new WeeklyPoint(w.Week, w.Result.Value!.Value));
        if (PeriodAggregation.Aggregate(points, aggregation) is { } value)
        {
            return KpiResult.Of(value, formula.Unit, formula.Key);
        }

        return ordered.Count > 0 ? ordered[^1].Result : KpiResult.Fails(formula.Key, formula.Unit, NotComputableReason.MissingInput, formula.MetricKeys.Count > 0 ? formula.MetricKeys[0] : formula.Key);
    }
}
