using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Objectives;

namespace SocialKpi.Web.Features.Objectives;

/// <summary>A KPI that usually serves a category of objective: a standard metric or a formula of the catalogue.</summary>
public sealed record KpiSuggestion(string? MetricKey, FormulaId? Formula)
{
    /// <summary>The suggested KPI's name: the metric's or the formula's, in the user's language.</summary>
    public string Name(string locale)
    {
        if (Formula is { } formula)
        {
            return FormulaCatalog.Get(formula).Name(locale);
        }

        var metric = StandardMetrics.Find(MetricKey!)!;
        return locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? metric.NameFr : metric.NameEn;
    }

    public string Key => Formula is { } formula ? FormulaCatalog.Get(formula).Key : MetricKey!;
}

/// <summary>
/// The KPIs proposed when an objective of a category is created (issue 4; seed 000's four objectives of community
/// management): trafic is measured by the visits social brings, visibilité by how many people see the content,
/// image by how people react and are answered (seed 001's customer service: messages, response rate and time,
/// satisfaction, retention), notoriété by how much the brand is talked about.
/// </summary>
public static class KpiSuggestions
{
    private static readonly Dictionary<ObjectiveCategory, KpiSuggestion[]> ByCategory = new()
    {
        [ObjectiveCategory.Trafic] =
        [
            new(StandardMetrics.LinkClicks, null),
            new(StandardMetrics.Sessions, null),
            new(null, FormulaId.Ctr),
        ],
        [ObjectiveCategory.Visibilite] =
        [
            new(StandardMetrics.Reach, null),
            new(StandardMetrics.Impressions, null),
            new(null, FormulaId.FollowerGrowthRate),
        ],
        [ObjectiveCategory.Image] =
        [
            new(null, FormulaId.EngagementRateByReach),
            new(StandardMetrics.MessagesReceived, null),
            new(StandardMetrics.MessagesAnswered, null),
            new(null, FormulaId.ResponseRate),
            new(StandardMetrics.MedianResponseTime, null),
            new(null, FormulaId.AverageResponseTime),
            new(StandardMetrics.Csat, null),
            new(StandardMetrics.CustomerRetention, null),
        ],
        [ObjectiveCategory.Notoriete] =
        [
            new(StandardMetrics.Mentions, null),
            new(null, FormulaId.ShareOfVoice),
            new(StandardMetrics.Followers, null),
        ],
    };

    /// <summary>The KPIs that usually serve <paramref name="category"/>; none for a custom category.</summary>
    public static IReadOnlyList<KpiSuggestion> For(ObjectiveCategory category) =>
        ByCategory.TryGetValue(category, out var suggestions) ? suggestions : [];
}

/// <summary>A suggestion in the creation form: kept or dropped, with the name, baseline and target the user gives it.</summary>
public sealed class SuggestedKpi(KpiSuggestion suggestion, string locale)
{
    public KpiSuggestion Suggestion { get; } = suggestion;

    public bool Accepted { get; set; } = true;

    public string? Name { get; set; } = suggestion.Name(locale);

    public decimal? Baseline { get; set; } = 0m;

    public decimal? Target { get; set; }

    public KpiDraft ToDraft() => new()
    {
        Name = Name,
        MetricKey = Suggestion.MetricKey,
        Formula = Suggestion.Formula,
        Baseline = Baseline,
        Target = Target,
    };
}
