using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>Click-through rate (CTR): the traffic objective of seed 000 ("on vise le clic") measured against the exposure.</summary>
public static class ClickThroughRate
{
    public const string FormulaKey = "ctr";

    /// <summary>link clicks ÷ impressions × 100, in percent: the share of displays that sent someone to the link.</summary>
    public static KpiResult Of(decimal? linkClicks, decimal? impressions) =>
        FormulaGuard.Ratio(FormulaKey, KpiUnit.Percent, linkClicks, StandardMetrics.LinkClicks, impressions, StandardMetrics.Impressions, 100m);
}
