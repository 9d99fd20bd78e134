namespace SocialKpi.Domain.Annotations;

/// <summary>A dated note (campaign launch, crisis) shown as a marker on charts and in reports.</summary>
public class Annotation
{
    public int Id { get; set; }

    public int WorkspaceId { get; set; }

    public DateOnly Date { get; set; }

    public required string Text { get; set; }

    /// <summary>Channels it concerns; empty means the whole brand.</summary>
    public List<int> ChannelIds { get; set; } = [];
}
