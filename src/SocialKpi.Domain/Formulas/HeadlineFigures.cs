using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>The figures at the top of the dashboard, in display order.</summary>
public enum HeadlineKind
{
    Roi,
    Roa,
    Roe,
    EngagementRate,
    Reach,
    Followers,
    LinkClicks,
    Cost,
}

/// <summary>Which definition of ROA, ROE and engagement rate a workspace reports (its defaults).</summary>
public sealed record HeadlineVariants(RoaVariant Roa, RoeVariant Roe, EngagementRateVariant EngagementRate)
{
    public static HeadlineVariants Defaults { get; } =
        new(RoaVariant.EngagedAttentionRate, RoeVariant.ValuePerEngagement, EngagementRateVariant.ByReach);
}

/// <summary>
/// One headline figure over the chosen period, the previous period of the same length and the same weeks a year
/// before, each a <see cref="KpiResult"/> (not computable with its reason rather than 0).
/// </summary>
/// <param name="Kind">Which figure.</param>
/// <param name="Current">Its value over the chosen period.</param>
/// <param name="Previous">Over the period of the same length just before.</param>
/// <param name="YearBefore">Over the same weeks one year earlier.</param>
/// <param name="Formula">The catalogue formula, for ROI, ROA, ROE and engagement rate; null for a plain metric or the cost.</param>
/// <param name="Input">For a plain figure, the metric key it totals ("reach") or <see cref="FormulaInputNames.Cost"/>.</param>
public sealed record HeadlineFigure(
    HeadlineKind Kind,
    KpiResult Current,
    KpiResult Previous,
    KpiResult YearBefore,
    FormulaDefinition? Formula,
    string? Input)
{
    public KpiResult ChangeVsPrevious => PeriodChange.Between(Previous, Current);

    public KpiResult ChangeVsYearBefore => PeriodChange.Between(YearBefore, Current);

    /// <summary>
    /// Which way is good news: null for the cost (spending more is a choice, not a result), else higher is better —
    /// every headline figure is a return, an audience or a rate of response.
    /// </summary>
    public Direction? BetterWhen => Kind == HeadlineKind.Cost ? null : Direction.HigherIsBetter;
}

/// <summary>How a figure moved between two periods.</summary>
public static class PeriodChange
{
    /// <summary>(after − before) ÷ |before| × 100, in percent.</summary>
    public const string RelativeKey = "change.relative";

    /// <summary>after − before, in percentage points: the change of a rate (4 % → 5 % is +1 point, not +25 %).</summary>
    public const string PointsKey = "change.points";

    /// <summary>
    /// The change from <paramref name="before"/> to <paramref name="after"/>: in percentage points for figures in percent,
    /// in percent of the earlier value otherwise. Not computable when either figure is (with that figure's reason), or when
    /// the earlier value is 0 (a rise from nothing has no percentage).
    /// </summary>
    public static KpiResult Between(KpiResult before, KpiResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var points = after.Unit == KpiUnit.Percent;
        var key = points ? PointsKey : RelativeKey;
        if (after.NotComputable is { } missingAfter)
        {
            return KpiResult.Fails(key, KpiUnit.Percent, missingAfter.Reason, missingAfter.Input);
        }

        if (before.NotComputable is { } missingBefore)
        {
            return KpiResult.Fails(key, KpiUnit.Percent, missingBefore.Reason, missingBefore.Input);
        }

        var a = after.Value!.Value;
        var b = before.Value!.Value;
        try
        {
            return points
                ? KpiResult.Of(a - b, KpiUnit.Percent, key)
                : FormulaGuard.Quotient(key, KpiUnit.Percent, a - b, Math.Abs(b), before.Formula, 100m);
        }
        catch (OverflowException)
        {
            return FormulaGuard.OutOfRange(key, KpiUnit.Percent, before.Formula);
        }
    }
}

/// <summary>
/// Computes the headline figures from period-aggregated inputs (see <see cref="PeriodAggregation"/>): ROI (in percent),
/// ROA, ROE and engagement rate in the workspace's variants, then reach, followers at the end of the period, link clicks
/// and cost.
/// </summary>
public static class HeadlineFigures
{
    /// <summary>Every metric the headline figures may read, whatever the workspace's variants.</summary>
    public static IReadOnlyList<string> MetricKeys { get; } =
    [
        .. Enum.GetValues<RoaVariant>().Select(ReturnOnAttention.FormulaIdOf)
            .Concat(Enum.GetValues<RoeVariant>().Select(ReturnOnEngagement.FormulaIdOf))
            .Concat(Enum.GetValues<EngagementRateVariant>().Select(EngagementRateFormula))
            .Append(FormulaId.Roi)
            .Select(FormulaCatalog.Get)
            .SelectMany(d => d.MetricKeys)
            .Concat(AttributedValue.ValuableMetricKeys)
            .Concat([StandardMetrics.Revenue, StandardMetrics.Reach, StandardMetrics.Followers, StandardMetrics.LinkClicks])
            .Distinct(),
    ];

    public static IReadOnlyList<HeadlineFigure> Compute(
        HeadlineVariants variants, FormulaInputs current, FormulaInputs previous, FormulaInputs yearBefore)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(yearBefore);

        HeadlineFigure Formula(HeadlineKind kind, FormulaId id, Func<FormulaInputs, KpiResult>? compute = null)
        {
            var definition = FormulaCatalog.Get(id);
            compute ??= definition.Compute;
            return new(kind, compute(current), compute(previous), compute(yearBefore), definition, null);
        }

        HeadlineFigure Metric(HeadlineKind kind, string key) =>
            new(kind, MetricFigure(current, key), MetricFigure(previous, key), MetricFigure(yearBefore, key), null, key);

        return
        [
            // ROI is shown in percent (900 %), the form managers read; the catalogue's ratio form (9) is the same figure.
            Formula(HeadlineKind.Roi, FormulaId.Roi, inputs => Roi.FromInputs(inputs).Percent),
            Formula(HeadlineKind.Roa, ReturnOnAttention.FormulaIdOf(variants.Roa)),
            Formula(HeadlineKind.Roe, ReturnOnEngagement.FormulaIdOf(variants.Roe)),
            Formula(HeadlineKind.EngagementRate, EngagementRateFormula(variants.EngagementRate)),
            Metric(HeadlineKind.Reach, StandardMetrics.Reach),
            Metric(HeadlineKind.Followers, StandardMetrics.Followers),
            Metric(HeadlineKind.LinkClicks, StandardMetrics.LinkClicks),
            new(HeadlineKind.Cost, CostFigure(current), CostFigure(previous), CostFigure(yearBefore), null, FormulaInputNames.Cost),
        ];
    }

    /// <summary>The catalogue entry of an engagement rate variant.</summary>
    public static FormulaId EngagementRateFormula(EngagementRateVariant variant) => variant switch
    {
        EngagementRateVariant.ByReach => FormulaId.EngagementRateByReach,
        EngagementRateVariant.ByImpressions => FormulaId.EngagementRateByImpressions,
        EngagementRateVariant.ByFollowers => FormulaId.EngagementRateByFollowers,
        EngagementRateVariant.PerPost => FormulaId.EngagementPerPost,
        EngagementRateVariant.ByViews => FormulaId.EngagementRateByViews,
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown engagement rate variant."),
    };

    private static KpiResult MetricFigure(FormulaInputs inputs, string key) =>
        FormulaGuard.Check(key, KpiUnit.Count, inputs.Value(key), key) ?? KpiResult.Of(inputs.Value(key)!.Value, KpiUnit.Count, key);

    private static KpiResult CostFigure(FormulaInputs inputs) =>
        FormulaGuard.Check(FormulaInputNames.Cost, KpiUnit.Currency, inputs.Cost, FormulaInputNames.Cost)
        ?? KpiResult.Of(inputs.Cost!.Value, KpiUnit.Currency, FormulaInputNames.Cost);
}
