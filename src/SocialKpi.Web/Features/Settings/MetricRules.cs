using System.Text.RegularExpressions;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Web.Features.Objectives;

namespace SocialKpi.Web.Features.Settings;

/// <summary>A custom metric as typed in the settings or sent to the API, before it is checked.</summary>
public sealed class MetricDraft
{
    public string? Key { get; set; }

    public string? NameFr { get; set; }

    public string? NameEn { get; set; }

    public MetricUnit? Unit { get; set; } = MetricUnit.Count;

    public Aggregation? Aggregation { get; set; }

    public ActionKind? ActionKind { get; set; }

    public FunnelStage? FunnelStage { get; set; }
}

/// <summary>What makes a custom metric valid: the same rules for the settings page and for the REST API.</summary>
public static partial class MetricRules
{
    /// <param name="draft">The metric typed.</param>
    /// <param name="isStandardKey">Whether the key is one of the standard catalogue's.</param>
    /// <param name="keyTaken">Whether the workspace already has a custom metric with the key.</param>
    public static RuleViolations Validate(MetricDraft draft, Func<string, bool> isStandardKey, Func<string, bool> keyTaken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(isStandardKey);
        ArgumentNullException.ThrowIfNull(keyTaken);
        var errors = new RuleViolations();
        var key = errors.RequiredText("key", draft.Key, 60);
        if (key is not null)
        {
            if (!KeyPattern().IsMatch(key))
            {
                errors.Add("key", "RuleMetricKeyPattern");
            }
            else if (StandardMetrics.Find(key) is not null || isStandardKey(key))
            {
                errors.Add("key", "RuleMetricKeyStandard", key);
            }
            else if (keyTaken(key))
            {
                errors.Add("key", "RuleMetricKeyTaken", key);
            }
        }

        errors.RequiredText("nameFr", draft.NameFr, 120);
        errors.RequiredText("nameEn", draft.NameEn, 120);
        errors.Required("unit", draft.Unit);
        return errors;
    }

    /// <summary>A valid draft as a metric of the workspace.</summary>
    public static Metric ToMetric(MetricDraft draft, int workspaceId)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new Metric
        {
            WorkspaceId = workspaceId,
            Key = draft.Key!.Trim(),
            NameFr = draft.NameFr!.Trim(),
            NameEn = draft.NameEn!.Trim(),
            Unit = draft.Unit!.Value,
            // Counts and money add up over weeks; percentages and durations are averaged.
            Aggregation = draft.Aggregation ?? (draft.Unit is MetricUnit.Percent or MetricUnit.Duration ? Aggregation.Average : Aggregation.Sum),
            ActionKind = draft.ActionKind ?? ActionKind.Micro,
            FunnelStage = draft.FunnelStage,
        };
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
