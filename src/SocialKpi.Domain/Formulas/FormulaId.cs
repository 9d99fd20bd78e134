namespace SocialKpi.Domain.Formulas;

/// <summary>Every formula a KPI can measure; the catalogue (FormulaCatalog) defines each one.</summary>
public enum FormulaId
{
    EngagementRateByReach,
    EngagementRateByImpressions,
    EngagementRateByFollowers,
    EngagementPerPost,
    EngagementRateByViews,
    CostPerEngagement,
    Cpm,
    Cpc,
    Ctr,
    ViralityRate,
    AmplificationRate,
    ApplauseRate,
    ConversationRate,
    FollowerGrowthRate,
    ConversionRate,
    ResponseRate,
    AverageResponseTime,
    ShareOfVoice,
    Roi,
    RoaEngagedAttentionRate,
    RoaReachPerCost,
    RoaAttentionRetention,
    RoeValuePerEngagement,
    RoeConversionsPerEngagement,
    RoeEngagementsPerCost,
    FollowerGrowthRank,
    InteractionsPerPostRank,
    EngagementPerFollowerRank,
}
