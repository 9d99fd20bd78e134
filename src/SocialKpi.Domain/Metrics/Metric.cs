using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Metrics;

/// <summary>
/// Something counted or measured every week on a channel: reach, likes, sessions…
/// Standard metrics (<see cref="WorkspaceId"/> null) come from <see cref="StandardMetrics"/>;
/// a workspace may add custom ones.
/// </summary>
public class Metric
{
    public int Id { get; set; }

    /// <summary>Null for the standard catalogue shared by every workspace.</summary>
    public int? WorkspaceId { get; set; }

    /// <summary>Stable identifier used by formulas, imports and the API, e.g. "reach".</summary>
    public required string Key { get; set; }

    public required string NameFr { get; set; }

    public required string NameEn { get; set; }

    public MetricUnit Unit { get; set; } = MetricUnit.Count;

    /// <summary>How weekly values combine over a period: counts add up, followers keep the last value, rates average.</summary>
    public Aggregation Aggregation { get; set; } = Aggregation.Sum;

    public ActionKind ActionKind { get; set; } = ActionKind.Micro;

    public FunnelStage? FunnelStage { get; set; }

    public string Name(string locale) => locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? NameFr : NameEn;
}

public enum MetricUnit
{
    Count,
    Percent,
    Currency,
    /// <summary>A duration in minutes.</summary>
    Duration,
}

/// <summary>Micro-actions (reach, likes, clicks) vs macro-actions (purchases, revenue), as in seed 004.</summary>
public enum ActionKind
{
    Micro,
    Macro,
}
