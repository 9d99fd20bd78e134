using System.Globalization;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Objectives;

namespace SocialKpi.Web.Features.Objectives;

/// <summary>A KPI as typed in the form or sent to the API, before it is checked. Exactly one of metric key or formula.</summary>
public sealed class KpiDraft
{
    public int? ObjectiveId { get; set; }

    public string? Name { get; set; }

    public decimal? Weight { get; set; } = 1m;

    public string? MetricKey { get; set; }

    public FormulaId? Formula { get; set; }

    public decimal? Baseline { get; set; }

    public decimal? Target { get; set; }

    public DateOnly? Deadline { get; set; }

    public Direction? Direction { get; set; }

    public KpiUnit? Unit { get; set; }

    public Aggregation? Aggregation { get; set; }

    public FunnelStage? FunnelStage { get; set; }

    /// <summary>Empty: all channels.</summary>
    public IReadOnlyList<int> ChannelIds { get; set; } = [];

    public decimal? AmberThresholdPercent { get; set; } = 10m;

    public decimal? RedThresholdPercent { get; set; } = 25m;

    public string? TrimmedMetricKey => string.IsNullOrWhiteSpace(MetricKey) ? null : MetricKey.Trim();

    public static KpiDraft From(Kpi kpi, string? metricKey)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return new()
        {
            ObjectiveId = kpi.ObjectiveId,
            Name = kpi.Name,
            Weight = kpi.Weight,
            MetricKey = metricKey,
            Formula = kpi.Formula,
            Baseline = kpi.Baseline,
            Target = kpi.Target,
            Deadline = kpi.Deadline,
            Direction = kpi.Direction,
            Unit = kpi.Unit,
            Aggregation = kpi.Aggregation,
            FunnelStage = kpi.FunnelStage,
            ChannelIds = [.. kpi.ChannelIds],
            AmberThresholdPercent = kpi.AmberThresholdPercent,
            RedThresholdPercent = kpi.RedThresholdPercent,
        };
    }
}

/// <summary>What the workspace knows that a KPI's rules need: its objective, the metric named, its channels.</summary>
/// <param name="Objective">The objective <see cref="KpiDraft.ObjectiveId"/> names in the workspace; null when none.</param>
/// <param name="Metric">The metric <see cref="KpiDraft.MetricKey"/> names in the workspace's catalogue; null when none.</param>
/// <param name="KnownChannelIds">The workspace's channel ids among the draft's.</param>
public sealed record KpiContext(Objective? Objective, Metric? Metric, IReadOnlySet<int> KnownChannelIds);

/// <summary>What makes a KPI valid, and its defaults: the same rules for the objectives page and for the REST API.</summary>
public static class KpiRules
{
    /// <summary>
    /// Checks <paramref name="draft"/>; when nothing is wrong, copies it onto <paramref name="kpi"/>, with the defaults
    /// of the metric or formula for unit, aggregation and direction and the objective's end for the deadline.
    /// </summary>
    public static RuleViolations ValidateAndApply(KpiDraft draft, KpiContext context, Kpi kpi, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(kpi);
        var errors = new RuleViolations();
        var name = errors.RequiredText("name", draft.Name, 200);
        var objective = context.Objective;
        if (draft.ObjectiveId is null)
        {
            errors.Add("objectiveId", "RuleKpiObjectiveRequired");
        }
        else if (objective is null)
        {
            errors.Add("objectiveId", "RuleKpiObjectiveUnknown", draft.ObjectiveId);
        }
        else if (objective.IsArchived && (isNew || objective.Id != kpi.ObjectiveId))
        {
            errors.Add("objectiveId", "RuleKpiObjectiveArchived", objective.Id);
        }

        var metricKey = draft.TrimmedMetricKey;
        FormulaDefinition? formula = null;
        if ((metricKey is null) == (draft.Formula is null))
        {
            errors.Add(metricKey is null ? "metric" : "formula", "RuleKpiMetricOrFormula");
        }
        else if (metricKey is not null)
        {
            if (context.Metric is null)
            {
                errors.Add("metric", "RuleKpiMetricUnknown", metricKey);
            }
        }
        else
        {
            formula = FormulaCatalog.Get(draft.Formula!.Value);
        }

        var baseline = errors.Required("baseline", draft.Baseline);
        var target = errors.Required("target", draft.Target);
        if (draft.Weight < 0)
        {
            errors.Add("weight", "RuleKpiWeight");
        }

        var amber = draft.AmberThresholdPercent ?? 10m;
        var red = draft.RedThresholdPercent ?? 25m;
        if (amber < 0)
        {
            errors.Add("amberThresholdPercent", "RuleKpiThresholdPositive");
        }

        if (red < amber)
        {
            errors.Add("redThresholdPercent", "RuleKpiRedAboveAmber", red, amber);
        }

        if (objective is not null && draft.Deadline is { } deadline && deadline <= objective.StartDate)
        {
            errors.Add("deadline", "RuleKpiDeadlineAfterStart", objective.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        foreach (var (id, index) in draft.ChannelIds.Select((id, index) => (id, index)).Where(c => !context.KnownChannelIds.Contains(c.id)))
        {
            errors.Add($"channelIds[{index}]", "RuleKpiChannelUnknown", id);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var metric = context.Metric;
        kpi.ObjectiveId = objective!.Id;
        kpi.Name = name!;
        kpi.Weight = draft.Weight ?? 1m;
        kpi.MetricId = metric?.Id;
        kpi.Formula = formula?.Id;
        kpi.Baseline = baseline!.Value;
        kpi.Target = target!.Value;
        kpi.Deadline = draft.Deadline ?? objective.EndDate;
        kpi.Direction = draft.Direction ?? formula?.NaturalDirection ?? Direction.HigherIsBetter;
        kpi.Unit = draft.Unit ?? formula?.Unit ?? UnitOf(metric!.Unit);
        // A formula gives a rate per week: its weeks are averaged, except a rank since the objective's start, which is
        // read at its latest week. A metric combines its weeks as it always does.
        kpi.Aggregation = draft.Aggregation ?? metric?.Aggregation
            ?? (formula?.MeasuredSinceStart == true ? Aggregation.Last : Aggregation.Average);
        kpi.FunnelStage = draft.FunnelStage ?? metric?.FunnelStage;
        kpi.ChannelIds = draft.ChannelIds.Distinct().ToList();
        kpi.AmberThresholdPercent = amber;
        kpi.RedThresholdPercent = red;
        return errors;
    }

    /// <summary>The KPI unit of a metric's values.</summary>
    public static KpiUnit UnitOf(MetricUnit unit) => unit switch
    {
        MetricUnit.Percent => KpiUnit.Percent,
        MetricUnit.Currency => KpiUnit.Currency,
        MetricUnit.Duration => KpiUnit.Duration,
        _ => KpiUnit.Count,
    };
}
