using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Tests.Formulas;

public class HeadlineFiguresTests
{
    // A quarter: 1 200 reactions + 150 comments + 90 shares + 60 saves = 1 500 engagements, reach 30 000,
    // 12 000 followers at the end, 800 link clicks, 20 leads worth 40 € each, 3 000 € of revenue, 2 000 € spent.
    private static readonly FormulaInputs Current = new()
    {
        Values = new Dictionary<string, decimal?>
        {
            [StandardMetrics.Reactions] = 1200m,
            [StandardMetrics.Comments] = 150m,
            [StandardMetrics.Shares] = 90m,
            [StandardMetrics.Saves] = 60m,
            [StandardMetrics.Reach] = 30000m,
            [StandardMetrics.Followers] = 12000m,
            [StandardMetrics.LinkClicks] = 800m,
            [StandardMetrics.Leads] = 20m,
            [StandardMetrics.Revenue] = 3000m,
        },
        Cost = 2000m,
        ValuesPerUnit = new Dictionary<string, decimal?> { [StandardMetrics.Leads] = 40m },
    };

    // The quarter before: 1 000 engagements (reactions only), reach 25 000, 800 € spent, no revenue, no leads.
    private static readonly FormulaInputs Previous = new()
    {
        Values = new Dictionary<string, decimal?>
        {
            [StandardMetrics.Reactions] = 1000m,
            [StandardMetrics.Reach] = 25000m,
            [StandardMetrics.Followers] = 11000m,
            [StandardMetrics.LinkClicks] = 1000m,
        },
        Cost = 800m,
    };

    private static IReadOnlyList<HeadlineFigure> Figures(FormulaInputs? yearBefore = null) =>
        HeadlineFigures.Compute(HeadlineVariants.Defaults, Current, Previous, yearBefore ?? new FormulaInputs());

    private static HeadlineFigure Figure(HeadlineKind kind, FormulaInputs? yearBefore = null) =>
        Figures(yearBefore).Single(f => f.Kind == kind);

    [Fact]
    public void Roi_is_the_return_minus_the_cost_over_the_cost_in_percent()
    {
        // (3 000 + 20 × 40 − 2 000) ÷ 2 000 = 0.9 = 90 %
        var roi = Figure(HeadlineKind.Roi);

        Assert.Equal(90m, roi.Current.Value);
        Assert.Equal(KpiUnit.Percent, roi.Current.Unit);
        Assert.Equal("roi", roi.Formula!.Key);
    }

    [Fact]
    public void Roi_without_any_return_is_not_computable_rather_than_minus_100_percent()
    {
        var roi = Figure(HeadlineKind.Roi);

        Assert.Null(roi.Previous.Value);
        Assert.Equal(NotComputableReason.MissingInput, roi.Previous.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.AttributedValue, roi.Previous.NotComputable.Input);
        Assert.False(roi.ChangeVsPrevious.IsComputable);
    }

    [Fact]
    public void Roa_and_engagement_rate_by_default_are_engagements_over_reach()
    {
        // 1 500 ÷ 30 000 × 100 = 5 %; before 1 000 ÷ 25 000 × 100 = 4 %: +1 point
        var roa = Figure(HeadlineKind.Roa);
        var rate = Figure(HeadlineKind.EngagementRate);

        Assert.Equal(5m, roa.Current.Value);
        Assert.Equal("roa.engaged-attention-rate", roa.Formula!.Key);
        Assert.Equal(5m, rate.Current.Value);
        Assert.Equal(4m, rate.Previous.Value);
        Assert.Equal("engagement-rate.by-reach", rate.Formula!.Key);
        Assert.Equal(1m, rate.ChangeVsPrevious.Value);
        Assert.Equal(PeriodChange.PointsKey, rate.ChangeVsPrevious.Formula);
    }

    [Fact]
    public void Roe_by_default_is_the_value_brought_per_engagement()
    {
        // (3 000 + 800) ÷ 1 500 = 2.5333… €
        var roe = Figure(HeadlineKind.Roe);

        Assert.Equal(3800m / 1500m, roe.Current.Value);
        Assert.Equal(KpiUnit.Currency, roe.Current.Unit);
        Assert.Equal("roe.value-per-engagement", roe.Formula!.Key);
    }

    [Fact]
    public void The_workspace_variants_choose_the_formulas()
    {
        var variants = new HeadlineVariants(RoaVariant.ReachPerCost, RoeVariant.EngagementsPerCost, EngagementRateVariant.ByFollowers);

        var figures = HeadlineFigures.Compute(variants, Current, Previous, new FormulaInputs());

        // 30 000 ÷ 2 000 = 15 people per €; 1 500 ÷ 2 000 = 0.75 engagements per €; 1 500 ÷ 12 000 × 100 = 12.5 %
        Assert.Equal(15m, figures.Single(f => f.Kind == HeadlineKind.Roa).Current.Value);
        Assert.Equal(0.75m, figures.Single(f => f.Kind == HeadlineKind.Roe).Current.Value);
        Assert.Equal(12.5m, figures.Single(f => f.Kind == HeadlineKind.EngagementRate).Current.Value);
        Assert.Equal("engagement-rate.by-followers", figures.Single(f => f.Kind == HeadlineKind.EngagementRate).Formula!.Key);
    }

    [Fact]
    public void Counts_change_in_percent_of_the_previous_value()
    {
        // reach 25 000 → 30 000: +20 %; link clicks 1 000 → 800: −20 %; cost 800 → 2 000: +150 %
        Assert.Equal(20m, Figure(HeadlineKind.Reach).ChangeVsPrevious.Value);
        Assert.Equal(-20m, Figure(HeadlineKind.LinkClicks).ChangeVsPrevious.Value);
        Assert.Equal(150m, Figure(HeadlineKind.Cost).ChangeVsPrevious.Value);
        Assert.Equal(PeriodChange.RelativeKey, Figure(HeadlineKind.Reach).ChangeVsPrevious.Formula);
        Assert.Equal(12000m, Figure(HeadlineKind.Followers).Current.Value);
    }

    [Fact]
    public void A_year_before_without_data_is_not_computable_not_zero()
    {
        var reach = Figure(HeadlineKind.Reach);

        Assert.Null(reach.YearBefore.Value);
        Assert.Equal(NotComputableReason.MissingInput, reach.YearBefore.NotComputable!.Reason);
        Assert.Equal(NotComputableReason.MissingInput, reach.ChangeVsYearBefore.NotComputable!.Reason);
    }

    [Fact]
    public void No_cost_entered_makes_the_cost_and_roi_not_computable()
    {
        var figures = HeadlineFigures.Compute(HeadlineVariants.Defaults, Current with { Cost = null }, Previous, new FormulaInputs());

        var cost = figures.Single(f => f.Kind == HeadlineKind.Cost).Current;
        Assert.Equal(NotComputableReason.MissingInput, cost.NotComputable!.Reason);
        Assert.Equal("not computable: no data for cost", cost.NotComputable.Describe("en"));
        Assert.Equal(FormulaInputNames.Cost, figures.Single(f => f.Kind == HeadlineKind.Roi).Current.NotComputable!.Input);
    }

    [Fact]
    public void A_rise_from_zero_has_no_percentage()
    {
        var change = PeriodChange.Between(KpiResult.Of(0m, KpiUnit.Count, "link_clicks"), KpiResult.Of(40m, KpiUnit.Count, "link_clicks"));

        Assert.Equal(NotComputableReason.ZeroDenominator, change.NotComputable!.Reason);
    }

    [Fact]
    public void A_fall_from_a_negative_roi_is_measured_against_its_size()
    {
        // ROI −50 % → −75 % is −25 points, not +50 %
        var change = PeriodChange.Between(KpiResult.Of(-50m, KpiUnit.Percent, "roi.percent"), KpiResult.Of(-75m, KpiUnit.Percent, "roi.percent"));

        Assert.Equal(-25m, change.Value);
    }

    [Fact]
    public void Figures_come_in_display_order_and_only_cost_has_no_better_direction()
    {
        Assert.Equal(Enum.GetValues<HeadlineKind>(), Figures().Select(f => f.Kind));
        Assert.All(Figures().Where(f => f.Kind != HeadlineKind.Cost), f => Assert.Equal(Direction.HigherIsBetter, f.BetterWhen));
        Assert.Null(Figure(HeadlineKind.Cost).BetterWhen);
    }

    [Fact]
    public void The_metric_keys_cover_every_input_of_every_variant()
    {
        Assert.Contains(StandardMetrics.ProfileVisits, HeadlineFigures.MetricKeys);
        Assert.Contains(StandardMetrics.VideoViews, HeadlineFigures.MetricKeys);
        Assert.Contains(StandardMetrics.Conversions, HeadlineFigures.MetricKeys);
        Assert.Contains(StandardMetrics.Followers, HeadlineFigures.MetricKeys);
    }
}
