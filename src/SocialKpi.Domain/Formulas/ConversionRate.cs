using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// Conversion rate (seed 001, "ventes et/ou conversions"): the share of the traffic sent by social media that converted.
/// </summary>
public static class ConversionRate
{
    public const string ByLinkClicksKey = "conversion-rate.by-link-clicks";
    public const string BySessionsKey = "conversion-rate.by-sessions";

    /// <summary>
    /// conversions ÷ link clicks × 100, in percent. The catalogue's conversion rate: link clicks are the traffic the
    /// social media work itself produced (seed 000: the community manager brings the click, the site does the selling),
    /// and they are reported by every network, whereas sessions need web analytics.
    /// </summary>
    public static KpiResult ByLinkClicks(decimal? conversions, decimal? linkClicks) =>
        FormulaGuard.Ratio(ByLinkClicksKey, KpiUnit.Percent, conversions, StandardMetrics.Conversions, linkClicks, StandardMetrics.LinkClicks, 100m);

    /// <summary>conversions ÷ sessions × 100, in percent: the web-analytics definition, when sessions from social media are tracked.</summary>
    public static KpiResult BySessions(decimal? conversions, decimal? sessions) =>
        FormulaGuard.Ratio(BySessionsKey, KpiUnit.Percent, conversions, StandardMetrics.Conversions, sessions, StandardMetrics.Sessions, 100m);
}
