namespace SocialKpi.Domain.Importing;

/// <summary>
/// One import of a file into a workspace's figures: who, when, which file, what it did. The figures it wrote are the
/// history entries (MetricValueChanges) with ids from <see cref="FirstChangeId"/> to <see cref="LastChangeId"/>: the
/// import holds the database's write lock while it writes, so no other change can fall inside that range, and undoing
/// it replays those entries backwards.
/// </summary>
public class ImportBatch
{
    public int Id { get; set; }

    public int WorkspaceId { get; set; }

    public required string FileName { get; set; }

    public string? ImportedBy { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public int Added { get; set; }

    public int Changed { get; set; }

    /// <summary>Rows or figures the dry run refused and the user chose to leave out.</summary>
    public int Rejected { get; set; }

    public long FirstChangeId { get; set; }

    public long LastChangeId { get; set; }

    public DateTimeOffset? UndoneAt { get; set; }

    public string? UndoneBy { get; set; }
}

/// <summary>A column mapping a workspace saved under a name, to import the same kind of export again in one click.</summary>
public class ImportPreset
{
    public int Id { get; set; }

    public int WorkspaceId { get; set; }

    public required string Name { get; set; }

    /// <summary>The mapping as JSON (the web layer's ImportMapping); opaque to the domain.</summary>
    public required string Mapping { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    public string? SavedBy { get; set; }
}
