namespace SocialKpi.Domain.Competitors;

/// <summary>One public figure of a rival: the value of a benchmark metric on a channel for one ISO week.</summary>
public class CompetitorFigure
{
    public long Id { get; set; }

    public int WorkspaceId { get; set; }

    public int CompetitorId { get; set; }

    public int ChannelId { get; set; }

    /// <summary>The ISO week as year × 100 + week.</summary>
    public int Week { get; set; }

    public BenchmarkMetric Metric { get; set; }

    public double Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public string? UpdatedBy { get; set; }

    /// <summary>1 when created, incremented by every change (optimistic concurrency, as for the brand's own figures).</summary>
    public int Version { get; set; } = 1;
}
