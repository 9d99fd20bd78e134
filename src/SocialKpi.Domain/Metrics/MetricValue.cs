namespace SocialKpi.Domain.Metrics;

/// <summary>One figure: the value of a metric on a channel for one ISO week.</summary>
public class MetricValue
{
    public long Id { get; set; }

    public int WorkspaceId { get; set; }

    public int ChannelId { get; set; }

    public int MetricId { get; set; }

    /// <summary>The ISO week as year × 100 + week (see <see cref="Calendar.IsoWeek.Key"/>).</summary>
    public int Week { get; set; }

    public double Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public string? UpdatedBy { get; set; }

    /// <summary>
    /// 1 when the value is created, incremented by every change. A writer sends the version it read, so a change
    /// made in between is detected instead of silently overwritten (optimistic concurrency).
    /// </summary>
    public int Version { get; set; } = 1;
}
