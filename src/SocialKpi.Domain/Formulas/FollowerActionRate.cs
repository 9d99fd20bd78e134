using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// Avinash Kaushik's conversation, amplification and applause rates ("Best Social Media Metrics: Conversation,
/// Amplification, Applause, Economic Value", Occam's Razor, 2011). Kaushik defines each as actions per post
/// (comments per post, shares per post, likes per post); to compare accounts of different sizes, Hootsuite and most
/// tools then divide by the followers. This library does both:
/// <c>rate = (actions ÷ posts) ÷ followers at the end of the period × 100</c>, in percent —
/// the average, over the period's posts, of the share of followers who acted on a post.
/// With period totals, the mean over posts of (actions on the post ÷ followers) equals total actions ÷ posts ÷ followers,
/// because the follower count is the same for every post of the period.
/// </summary>
public static class FollowerActionRate
{
    public const string AmplificationKey = "amplification-rate";
    public const string ApplauseKey = "applause-rate";
    public const string ConversationKey = "conversation-rate";

    /// <summary>Amplification rate: shares per post ÷ followers × 100 — how readily followers pass the content on.</summary>
    public static KpiResult Amplification(decimal? shares, decimal? posts, decimal? followersAtEnd) =>
        PerPostPerFollower(AmplificationKey, shares, StandardMetrics.Shares, posts, followersAtEnd);

    /// <summary>Applause rate: reactions (likes) per post ÷ followers × 100 — how much followers approve.</summary>
    public static KpiResult Applause(decimal? reactions, decimal? posts, decimal? followersAtEnd) =>
        PerPostPerFollower(ApplauseKey, reactions, StandardMetrics.Reactions, posts, followersAtEnd);

    /// <summary>Conversation rate: comments per post ÷ followers × 100 — how much followers talk back.</summary>
    public static KpiResult Conversation(decimal? comments, decimal? posts, decimal? followersAtEnd) =>
        PerPostPerFollower(ConversationKey, comments, StandardMetrics.Comments, posts, followersAtEnd);

    private static KpiResult PerPostPerFollower(string formula, decimal? actions, string actionsInput, decimal? posts, decimal? followers)
    {
        var failure = FormulaGuard.Check(formula, KpiUnit.Percent, actions, actionsInput)
            ?? FormulaGuard.Check(formula, KpiUnit.Percent, posts, StandardMetrics.Posts)
            ?? FormulaGuard.Check(formula, KpiUnit.Percent, followers, StandardMetrics.Followers);
        if (failure is not null)
        {
            return failure;
        }

        var perPost = FormulaGuard.Quotient(formula, KpiUnit.Percent, actions!.Value, posts!.Value, StandardMetrics.Posts, 1m);
        return perPost.Value is { } value
            ? FormulaGuard.Quotient(formula, KpiUnit.Percent, value, followers!.Value, StandardMetrics.Followers, 100m)
            : perPost;
    }
}
