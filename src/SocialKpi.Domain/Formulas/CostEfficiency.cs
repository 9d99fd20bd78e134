using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// What results cost: the paid-media measures of seed 004 (CPM at the awareness stage, CPC at the interest stage)
/// and the cost per engagement. Cost is the period's total cost (ad spend, staff time, tools, content production),
/// in the workspace currency. A cost of 0 gives 0 (free results), never "not computable"; a result count of 0 does.
/// </summary>
public static class CostEfficiency
{
    public const string CostPerEngagementKey = "cost-efficiency.cost-per-engagement";
    public const string CpmKey = "cost-efficiency.cpm";
    public const string CpcKey = "cost-efficiency.cpc";

    /// <summary>cost ÷ engagements, in currency: what one engagement cost.</summary>
    public static KpiResult CostPerEngagement(decimal? cost, decimal? engagements) =>
        FormulaGuard.Ratio(CostPerEngagementKey, KpiUnit.Currency, cost, FormulaInputNames.Cost, engagements, FormulaInputNames.Engagements, 1m);

    /// <summary>cost ÷ impressions × 1000, in currency: cost per thousand impressions (seed 004, awareness stage).</summary>
    public static KpiResult Cpm(decimal? cost, decimal? impressions) =>
        FormulaGuard.Ratio(CpmKey, KpiUnit.Currency, cost, FormulaInputNames.Cost, impressions, StandardMetrics.Impressions, 1000m);

    /// <summary>cost ÷ link clicks, in currency: cost per click (seed 004, interest stage).</summary>
    public static KpiResult Cpc(decimal? cost, decimal? linkClicks) =>
        FormulaGuard.Ratio(CpcKey, KpiUnit.Currency, cost, FormulaInputNames.Cost, linkClicks, StandardMetrics.LinkClicks, 1m);
}
