using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Tests.Formulas;

/// <summary>CTR, virality, Kaushik's rates, follower growth, conversion, response and share of voice.</summary>
public class AudienceRatesTests
{
    [Fact]
    public void Ctr_is_link_clicks_over_impressions_in_percent()
    {
        // 90 ÷ 6 000 × 100 = 1.5 %
        var result = ClickThroughRate.Of(90m, 6000m);

        Assert.Equal(1.5m, result.Value);
        Assert.Equal(KpiUnit.Percent, result.Unit);
        Assert.Equal("ctr", result.Formula);
    }

    [Fact]
    public void Ctr_is_not_computable_when_impressions_are_zero()
    {
        var result = ClickThroughRate.Of(90m, 0m);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.Impressions, result.NotComputable.Input);
    }

    [Fact]
    public void Virality_rate_is_shares_over_impressions_in_percent()
    {
        // 30 ÷ 12 000 × 100 = 0.25 %
        var result = ViralityRate.Of(30m, 12000m);

        Assert.Equal(0.25m, result.Value);
        Assert.Equal("virality-rate", result.Formula);
    }

    [Fact]
    public void Amplification_rate_is_shares_per_post_over_followers_in_percent()
    {
        // 150 shares ÷ 30 posts = 5 per post; 5 ÷ 25 000 followers × 100 = 0.02 %
        var result = FollowerActionRate.Amplification(150m, 30m, 25000m);

        Assert.Equal(0.02m, result.Value);
        Assert.Equal(KpiUnit.Percent, result.Unit);
        Assert.Equal("amplification-rate", result.Formula);
    }

    [Fact]
    public void Applause_rate_is_reactions_per_post_over_followers_in_percent()
    {
        // 600 ÷ 20 = 30 per post; 30 ÷ 4 000 × 100 = 0.75 %
        var result = FollowerActionRate.Applause(600m, 20m, 4000m);

        Assert.Equal(0.75m, result.Value);
        Assert.Equal("applause-rate", result.Formula);
    }

    [Fact]
    public void Conversation_rate_is_comments_per_post_over_followers_in_percent()
    {
        // 40 ÷ 10 = 4 per post; 4 ÷ 1 000 × 100 = 0.4 %
        var result = FollowerActionRate.Conversation(40m, 10m, 1000m);

        Assert.Equal(0.4m, result.Value);
        Assert.Equal("conversation-rate", result.Formula);
    }

    [Fact]
    public void Amplification_rate_is_not_computable_when_nothing_was_posted()
    {
        var result = FollowerActionRate.Amplification(150m, 0m, 25000m);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.Posts, result.NotComputable.Input);
    }

    [Fact]
    public void Applause_rate_is_not_computable_when_the_account_has_no_followers()
    {
        var result = FollowerActionRate.Applause(600m, 20m, 0m);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.Followers, result.NotComputable.Input);
    }

    [Fact]
    public void Conversation_rate_is_not_computable_when_followers_are_missing()
    {
        var result = FollowerActionRate.Conversation(40m, 10m, null);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.Followers, result.NotComputable.Input);
    }

    [Fact]
    public void Follower_growth_rate_is_the_change_over_the_start_count_in_percent()
    {
        // (8 600 − 8 000) ÷ 8 000 × 100 = 7.5 %
        var result = FollowerGrowthRate.Of(8000m, 8600m);

        Assert.Equal(7.5m, result.Value);
        Assert.Equal("follower-growth-rate", result.Formula);
    }

    [Fact]
    public void Follower_growth_rate_is_negative_when_followers_were_lost()
    {
        // (7 600 − 8 000) ÷ 8 000 × 100 = −5 %
        Assert.Equal(-5m, FollowerGrowthRate.Of(8000m, 7600m).Value);
    }

    [Fact]
    public void Follower_growth_rate_is_not_computable_from_zero_followers()
    {
        var result = FollowerGrowthRate.Of(0m, 150m);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal("followers_at_start", result.NotComputable.Input);
    }

    [Fact]
    public void Follower_growth_rate_is_not_computable_without_the_start_count()
    {
        var result = FollowerGrowthRate.Of(null, 8600m);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal("followers_at_start", result.NotComputable.Input);
    }

    [Fact]
    public void Conversion_rate_is_conversions_over_link_clicks_in_percent()
    {
        // 12 ÷ 400 × 100 = 3 %
        var result = ConversionRate.ByLinkClicks(12m, 400m);

        Assert.Equal(3m, result.Value);
        Assert.Equal("conversion-rate.by-link-clicks", result.Formula);
    }

    [Fact]
    public void Conversion_rate_by_sessions_is_conversions_over_sessions_in_percent()
    {
        // 12 ÷ 300 × 100 = 4 %
        var result = ConversionRate.BySessions(12m, 300m);

        Assert.Equal(4m, result.Value);
        Assert.Equal("conversion-rate.by-sessions", result.Formula);
    }

    [Fact]
    public void Conversion_rate_is_not_computable_without_clicks()
    {
        var result = ConversionRate.ByLinkClicks(12m, 0m);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.LinkClicks, result.NotComputable.Input);
    }

    [Fact]
    public void Response_rate_is_answered_over_received_in_percent()
    {
        // 45 ÷ 50 × 100 = 90 %
        var result = ResponseRate.Of(45m, 50m);

        Assert.Equal(90m, result.Value);
        Assert.Equal("response-rate", result.Formula);
    }

    [Fact]
    public void Response_rate_exceeds_100_percent_when_a_backlog_is_answered()
    {
        // 55 ÷ 50 × 100 = 110 %
        Assert.Equal(110m, ResponseRate.Of(55m, 50m).Value);
    }

    [Fact]
    public void Response_rate_is_not_computable_when_no_message_was_received()
    {
        var result = ResponseRate.Of(0m, 0m);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.MessagesReceived, result.NotComputable.Input);
    }

    [Fact]
    public void Share_of_voice_is_brand_mentions_over_all_tracked_mentions_in_percent()
    {
        // 300 ÷ 1 200 × 100 = 25 %
        var result = ShareOfVoice.Of(300m, 1200m);

        Assert.Equal(25m, result.Value);
        Assert.Equal("share-of-voice", result.Formula);
    }

    [Fact]
    public void Share_of_voice_is_not_computable_when_competitors_are_not_tracked()
    {
        var result = ShareOfVoice.Of(300m, null);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.AllTrackedBrandsMentions, result.NotComputable.Input);
    }

    [Fact]
    public void Share_of_voice_is_not_computable_when_nobody_mentioned_any_brand()
    {
        var result = ShareOfVoice.Of(0m, 0m);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
    }
}
