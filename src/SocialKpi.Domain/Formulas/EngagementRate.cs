using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// The engagement rate in its five usual definitions (<see cref="EngagementRateVariant"/>). Tools disagree on the
/// denominator — Hootsuite and Sprout Social both publish several variants (by reach, by impressions, by followers,
/// per post, by views) — so each figure names the one it uses in <see cref="KpiResult.Formula"/>.
/// Engagements come from <see cref="Engagements.Total"/>.
/// </summary>
public static class EngagementRate
{
    /// <summary>
    /// engagements ÷ reach × 100, in percent: the share of the people reached who engaged.
    /// The workspace default (<c>Workspace.DefaultEngagementRate</c>) because reach counts people, not displays,
    /// so the rate does not fall when the network shows a post twice to the same person.
    /// </summary>
    public static KpiResult ByReach(decimal? engagements, decimal? reach) =>
        Compute(EngagementRateVariant.ByReach, engagements, reach);

    /// <summary>engagements ÷ impressions × 100, in percent: engagement per display; the usual rate for paid posts, billed by impression.</summary>
    public static KpiResult ByImpressions(decimal? engagements, decimal? impressions) =>
        Compute(EngagementRateVariant.ByImpressions, engagements, impressions);

    /// <summary>
    /// engagements ÷ followers at the end of the period × 100, in percent: how much of the community engaged.
    /// Exceeds 100 % when non-followers engage a lot; it is not capped.
    /// </summary>
    public static KpiResult ByFollowers(decimal? engagements, decimal? followersAtEnd) =>
        Compute(EngagementRateVariant.ByFollowers, engagements, followersAtEnd);

    /// <summary>engagements ÷ posts published: the average engagements a post earns (a number per post, not a percentage).</summary>
    public static KpiResult PerPost(decimal? engagements, decimal? posts) =>
        Compute(EngagementRateVariant.PerPost, engagements, posts);

    /// <summary>engagements ÷ video views × 100, in percent: for video-first channels (YouTube, TikTok) where views replace reach.</summary>
    public static KpiResult ByViews(decimal? engagements, decimal? videoViews) =>
        Compute(EngagementRateVariant.ByViews, engagements, videoViews);

    /// <summary>The engagement rate of <paramref name="variant"/> over the denominator that variant uses.</summary>
    public static KpiResult Compute(EngagementRateVariant variant, decimal? engagements, decimal? denominator) =>
        FormulaGuard.Ratio(
            FormulaKey(variant),
            UnitOf(variant),
            engagements,
            FormulaInputNames.Engagements,
            denominator,
            DenominatorInput(variant),
            variant == EngagementRateVariant.PerPost ? 1m : 100m);

    /// <summary>The stable identifier of the variant, e.g. "engagement-rate.by-reach".</summary>
    public static string FormulaKey(EngagementRateVariant variant) => variant switch
    {
        EngagementRateVariant.ByReach => "engagement-rate.by-reach",
        EngagementRateVariant.ByImpressions => "engagement-rate.by-impressions",
        EngagementRateVariant.ByFollowers => "engagement-rate.by-followers",
        EngagementRateVariant.PerPost => "engagement-rate.per-post",
        EngagementRateVariant.ByViews => "engagement-rate.by-views",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown engagement rate variant."),
    };

    /// <summary>Percent for every variant except <see cref="EngagementRateVariant.PerPost"/>, a plain number per post.</summary>
    public static KpiUnit UnitOf(EngagementRateVariant variant) =>
        variant == EngagementRateVariant.PerPost ? KpiUnit.Ratio : KpiUnit.Percent;

    /// <summary>The metric key of the variant's denominator.</summary>
    public static string DenominatorInput(EngagementRateVariant variant) => variant switch
    {
        EngagementRateVariant.ByReach => StandardMetrics.Reach,
        EngagementRateVariant.ByImpressions => StandardMetrics.Impressions,
        EngagementRateVariant.ByFollowers => StandardMetrics.Followers,
        EngagementRateVariant.PerPost => StandardMetrics.Posts,
        EngagementRateVariant.ByViews => StandardMetrics.VideoViews,
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown engagement rate variant."),
    };
}
