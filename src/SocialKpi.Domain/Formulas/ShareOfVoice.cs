using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// Share of voice: the brand's weight in the conversation against its competitors (seed 001 asks to follow the
/// competitors' KPIs to judge social proof; seed 000 ties it to notoriety).
/// </summary>
public static class ShareOfVoice
{
    public const string FormulaKey = "share-of-voice";

    /// <summary>
    /// brand mentions ÷ mentions of all tracked brands × 100, in percent, where the total includes the brand's own mentions.
    /// Not computable (<see cref="NotComputableReason.MissingInput"/>, input <see cref="FormulaInputNames.AllTrackedBrandsMentions"/>)
    /// when competitor mentions are not tracked. A total below the brand's own mentions is inconsistent data and gives more
    /// than 100 %, shown as is so that the error is visible.
    /// </summary>
    public static KpiResult Of(decimal? brandMentions, decimal? allTrackedBrandsMentions) =>
        FormulaGuard.Ratio(FormulaKey, KpiUnit.Percent, brandMentions, StandardMetrics.Mentions, allTrackedBrandsMentions, FormulaInputNames.AllTrackedBrandsMentions, 100m);
}
