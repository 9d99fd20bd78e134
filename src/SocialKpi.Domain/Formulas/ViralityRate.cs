using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// Virality (seeds 000 and 003: "l'amplification extraordinaire que les internautes peuvent donner à un message").
/// Defined as Hootsuite does: shares ÷ impressions × 100. Impressions rather than reach because both shares and
/// impressions count events (a person can share twice, see twice), and impressions are reported by every network
/// whereas reach is not always.
/// </summary>
public static class ViralityRate
{
    public const string FormulaKey = "virality-rate";

    /// <summary>shares ÷ impressions × 100, in percent.</summary>
    public static KpiResult Of(decimal? shares, decimal? impressions) =>
        FormulaGuard.Ratio(FormulaKey, KpiUnit.Percent, shares, StandardMetrics.Shares, impressions, StandardMetrics.Impressions, 100m);
}
