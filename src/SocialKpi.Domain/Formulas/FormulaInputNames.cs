using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// Names of the inputs a formula can report in <see cref="NotComputable.Input"/>. Metric inputs use their
/// <see cref="StandardMetrics"/> key ("reach"); the other inputs use the names below, so a screen can translate them.
/// </summary>
public static class FormulaInputNames
{
    /// <summary>The total cost of the period (all cost categories).</summary>
    public const string Cost = "cost";

    /// <summary>Engagements = reactions + comments + shares + saves.</summary>
    public const string Engagements = "engagements";

    /// <summary>Mentions of every tracked brand, the workspace's own brand included (share of voice).</summary>
    public const string AllTrackedBrandsMentions = "all_brands_mentions";

    /// <summary>Attributed revenue plus the value of the valued conversions (ROI, ROE).</summary>
    public const string AttributedValue = "attributed_value";

    /// <summary>The rivals of a benchmark, when none is tracked.</summary>
    public const string Competitors = "competitors";

    /// <summary>The value of a metric at the start of the period, e.g. "followers_at_start".</summary>
    public static string AtStart(string metricKey) => $"{metricKey}_at_start";

    /// <summary>The value per unit of a metric, e.g. "leads_value_per_unit".</summary>
    public static string ValuePerUnit(string metricKey) => $"{metricKey}_value_per_unit";
}
