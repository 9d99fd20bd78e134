using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Tests.Formulas;

public class EngagementRateTests
{
    [Fact]
    public void EngagementRate_by_reach_is_engagements_over_reach_in_percent()
    {
        // 185 ÷ 2 000 × 100 = 9.25 %
        var result = EngagementRate.ByReach(185m, 2000m);

        Assert.Equal(9.25m, result.Value);
        Assert.Equal(KpiUnit.Percent, result.Unit);
        Assert.Equal("engagement-rate.by-reach", result.Formula);
    }

    [Fact]
    public void EngagementRate_by_reach_is_not_computable_when_reach_is_zero()
    {
        var result = EngagementRate.ByReach(185m, 0m);

        Assert.Null(result.Value);
        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.Reach, result.NotComputable.Input);
        Assert.Equal("not computable: reach is 0", result.NotComputable.Describe("en-US"));
        Assert.Equal("non calculable : reach vaut 0", result.NotComputable.Describe("fr-FR"));
    }

    [Fact]
    public void EngagementRate_by_reach_is_not_computable_when_reach_is_missing()
    {
        var result = EngagementRate.ByReach(185m, null);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.Reach, result.NotComputable.Input);
    }

    [Fact]
    public void EngagementRate_by_reach_is_not_computable_when_engagements_are_missing()
    {
        var result = EngagementRate.ByReach(null, 2000m);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.Engagements, result.NotComputable.Input);
    }

    [Fact]
    public void EngagementRate_by_reach_is_not_computable_when_reach_is_negative()
    {
        var result = EngagementRate.ByReach(185m, -2000m);

        Assert.Equal(NotComputableReason.NegativeInput, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.Reach, result.NotComputable.Input);
    }

    [Fact]
    public void EngagementRate_is_zero_when_nobody_engaged()
    {
        // 0 ÷ 2 000 × 100 = 0 %: a real zero, unlike a zero reach
        Assert.Equal(0m, EngagementRate.ByReach(0m, 2000m).Value);
    }

    [Fact]
    public void EngagementRate_by_impressions_is_engagements_over_impressions_in_percent()
    {
        // 185 ÷ 3 700 × 100 = 5 %
        var result = EngagementRate.ByImpressions(185m, 3700m);

        Assert.Equal(5m, result.Value);
        Assert.Equal("engagement-rate.by-impressions", result.Formula);
    }

    [Fact]
    public void EngagementRate_by_followers_is_engagements_over_followers_in_percent()
    {
        // 185 ÷ 10 000 × 100 = 1.85 %
        var result = EngagementRate.ByFollowers(185m, 10000m);

        Assert.Equal(1.85m, result.Value);
        Assert.Equal("engagement-rate.by-followers", result.Formula);
    }

    [Fact]
    public void EngagementRate_by_followers_is_not_capped_at_100_percent()
    {
        // 300 ÷ 200 × 100 = 150 %: non-followers engaged too
        Assert.Equal(150m, EngagementRate.ByFollowers(300m, 200m).Value);
    }

    [Fact]
    public void Engagement_per_post_is_a_number_per_post_not_a_percentage()
    {
        // 185 ÷ 10 = 18.5 engagements per post
        var result = EngagementRate.PerPost(185m, 10m);

        Assert.Equal(18.5m, result.Value);
        Assert.Equal(KpiUnit.Ratio, result.Unit);
        Assert.Equal("engagement-rate.per-post", result.Formula);
    }

    [Fact]
    public void Engagement_per_post_is_not_computable_when_nothing_was_posted()
    {
        var result = EngagementRate.PerPost(185m, 0m);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.Posts, result.NotComputable.Input);
    }

    [Fact]
    public void EngagementRate_by_views_is_engagements_over_video_views_in_percent()
    {
        // 185 ÷ 740 × 100 = 25 %
        var result = EngagementRate.ByViews(185m, 740m);

        Assert.Equal(25m, result.Value);
        Assert.Equal("engagement-rate.by-views", result.Formula);
    }

    [Fact]
    public void EngagementRate_is_not_rounded_inside_the_formula()
    {
        // 1 ÷ 3 × 100 = 33.333… with decimal's full precision
        var result = EngagementRate.ByReach(1m, 3m);

        Assert.Equal(33.333333333333333333333333330m, result.Value);
    }

    [Theory]
    [InlineData(EngagementRateVariant.ByReach, "engagement-rate.by-reach", "reach")]
    [InlineData(EngagementRateVariant.ByImpressions, "engagement-rate.by-impressions", "impressions")]
    [InlineData(EngagementRateVariant.ByFollowers, "engagement-rate.by-followers", "followers")]
    [InlineData(EngagementRateVariant.PerPost, "engagement-rate.per-post", "posts")]
    [InlineData(EngagementRateVariant.ByViews, "engagement-rate.by-views", "video_views")]
    public void EngagementRate_names_its_variant_and_its_denominator(EngagementRateVariant variant, string formula, string denominator)
    {
        var result = EngagementRate.Compute(variant, 10m, 0m);

        Assert.Equal(formula, result.Formula);
        Assert.Equal(denominator, result.NotComputable!.Input);
    }
}
