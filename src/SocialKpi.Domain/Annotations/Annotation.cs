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

    /// <summary>
    /// Whether the note belongs on the chart of a KPI measured on <paramref name="kpiChannelIds"/> (empty: every channel):
    /// a brand-wide note always does, a channel note only when the KPI counts one of its channels.
    /// </summary>
    public bool Concerns(IReadOnlyCollection<int> kpiChannelIds)
    {
        ArgumentNullException.ThrowIfNull(kpiChannelIds);
        return ChannelIds.Count == 0 || kpiChannelIds.Count == 0 || ChannelIds.Exists(kpiChannelIds.Contains);
    }
}
