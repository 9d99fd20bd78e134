namespace SocialKpi.Domain.Channels;

/// <summary>A social network or another source of figures for one workspace.</summary>
public class Channel
{
    public int Id { get; set; }

    public int WorkspaceId { get; set; }

    public required string Name { get; set; }

    public ChannelKind Kind { get; set; }

    public MediaType MediaType { get; set; } = MediaType.Owned;

    /// <summary>Handle or URL of the account, for the reader of a report.</summary>
    public string? Account { get; set; }

    public int SortOrder { get; set; }

    public bool IsArchived { get; set; }
}

public enum ChannelKind
{
    Facebook,
    Instagram,
    LinkedIn,
    X,
    TikTok,
    YouTube,
    Pinterest,
    WebsiteAnalytics,
    Email,
    Custom,
}

/// <summary>Paid, owned and earned media (seed 003): who pays for and who controls the exposure.</summary>
public enum MediaType
{
    Paid,
    Owned,
    Earned,
}
