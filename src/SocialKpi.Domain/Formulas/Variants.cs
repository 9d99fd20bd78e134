namespace SocialKpi.Domain.Formulas;

/// <summary>
/// The engagement rate has as many definitions as there are tools; each figure says which one it uses.
/// Engagements = reactions + comments + shares + saves.
/// </summary>
public enum EngagementRateVariant
{
    /// <summary>engagements ÷ reach × 100.</summary>
    ByReach,
    /// <summary>engagements ÷ impressions × 100.</summary>
    ByImpressions,
    /// <summary>engagements ÷ followers at the end of the period × 100.</summary>
    ByFollowers,
    /// <summary>engagements ÷ posts published (a count, not a percentage).</summary>
    PerPost,
    /// <summary>engagements ÷ video views × 100.</summary>
    ByViews,
}

/// <summary>Return on attention: no standard formula exists (seed 002), so each variant is named.</summary>
public enum RoaVariant
{
    /// <summary>engagements ÷ reach × 100: the share of the attention captured that turned into engagement.</summary>
    EngagedAttentionRate,
    /// <summary>reach ÷ cost: people reached per unit of currency spent.</summary>
    ReachPerCost,
    /// <summary>(new followers + profile visits) ÷ reach × 100: attention turned into lasting interest.</summary>
    AttentionRetention,
}

/// <summary>Return on engagement: no standard formula exists (seed 002), so each variant is named.</summary>
public enum RoeVariant
{
    /// <summary>(attributed revenue + value of conversions) ÷ engagements: what one engagement brings, in currency.</summary>
    ValuePerEngagement,
    /// <summary>conversions ÷ engagements × 100: the share of engagements that ended in a conversion.</summary>
    ConversionsPerEngagement,
    /// <summary>engagements ÷ cost: engagements obtained per unit of currency spent.</summary>
    EngagementsPerCost,
}
