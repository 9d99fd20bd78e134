namespace SocialKpi.Domain.Competitors;

/// <summary>A rival brand a workspace benchmarks itself against (seed 001: social proof is judged against competitors).</summary>
public class Competitor
{
    public int Id { get; set; }

    public int WorkspaceId { get; set; }

    public required string Name { get; set; }

    /// <summary>Address of a logo image, shown next to the name; optional.</summary>
    public string? LogoUrl { get; set; }

    public string? Notes { get; set; }

    /// <summary>
    /// The ISO week (year × 100 + week) from which the rival is tracked. Before it, the rival is left out of the totals
    /// (a rival added mid-period does not make earlier weeks "not computable"); from it, a missing figure is missing.
    /// Entering a figure for an earlier week moves it back.
    /// </summary>
    public int TrackedFromWeek { get; set; }

    public bool IsArchived { get; set; }

    /// <summary>Its accounts, one per channel of the workspace at most.</summary>
    public List<CompetitorAccount> Accounts { get; set; } = [];

    /// <summary>Incremented by every change, for optimistic concurrency.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>The account of a rival on one channel of the workspace.</summary>
public class CompetitorAccount
{
    public int Id { get; set; }

    public int CompetitorId { get; set; }

    public int ChannelId { get; set; }

    /// <summary>Handle (@bougies-x) or URL of the account.</summary>
    public required string Handle { get; set; }
}
