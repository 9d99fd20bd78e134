namespace SocialKpi.Domain.Metrics;

/// <summary>
/// One change of a weekly figure: who changed which cell, when, from what to what. Written by database triggers
/// for every insert, update and delete of a <see cref="MetricValue"/>, whatever the path (entry grid, API, import,
/// raw SQL), so any figure can be traced and an old value restored.
/// </summary>
public class MetricValueChange
{
    public long Id { get; set; }

    public int WorkspaceId { get; set; }

    public int ChannelId { get; set; }

    public int MetricId { get; set; }

    /// <summary>The ISO week as year × 100 + week.</summary>
    public int Week { get; set; }

    /// <summary>Null when the figure did not exist before.</summary>
    public double? OldValue { get; set; }

    /// <summary>Null when the figure was deleted.</summary>
    public double? NewValue { get; set; }

    public string? ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
