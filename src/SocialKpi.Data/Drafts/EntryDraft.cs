namespace SocialKpi.Data.Drafts;

/// <summary>
/// The cells a user typed on one sheet (figures, costs, rivals) of one week and has not saved yet, as JSON. Kept in the
/// database rather than in the server's memory, so a refresh that lands on another instance, or after a restart, finds them.
/// </summary>
public class EntryDraft
{
    public required string UserId { get; set; }

    public int WorkspaceId { get; set; }

    /// <summary>Which sheet the cells belong to ("CellKey", "CostKey", …): the sheet's cell key type.</summary>
    public required string Sheet { get; set; }

    public int Week { get; set; }

    public required string Cells { get; set; }

    /// <summary>Unix seconds of the last change: an integer, so expired drafts are found in SQL (SQLite stores dates as text).</summary>
    public long KeptAt { get; set; }
}
