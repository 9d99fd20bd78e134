namespace SocialKpi.Domain.Costs;

/// <summary>Money spent in one ISO week, on one channel or on none (tools, staff across channels).</summary>
public class Cost
{
    public long Id { get; set; }

    public int WorkspaceId { get; set; }

    /// <summary>Null when the cost belongs to no single channel.</summary>
    public int? ChannelId { get; set; }

    /// <summary>The ISO week as year × 100 + week.</summary>
    public int Week { get; set; }

    public CostCategory Category { get; set; }

    /// <summary>In the workspace currency, 2 decimals.</summary>
    public decimal Amount { get; set; }

    public string? Note { get; set; }

    /// <summary>1 when the cost is created, incremented by every change (optimistic concurrency, as for weekly values).</summary>
    public int Version { get; set; } = 1;
}

public enum CostCategory
{
    AdSpend,
    StaffTime,
    Tools,
    ContentProduction,
}
