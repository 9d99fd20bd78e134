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

/// <summary>
/// A rival's figure an import wrote: rival figures have no history table, so the batch keeps what it replaced
/// (<see cref="OldValue"/>, null when it added the figure) and the version it left, for the undo to restore it or to
/// refuse when someone changed the figure since.
/// </summary>
public class ImportCompetitorChange
{
    public long Id { get; set; }

    public int BatchId { get; set; }

    public int CompetitorId { get; set; }

    public int ChannelId { get; set; }

    public Competitors.BenchmarkMetric Metric { get; set; }

    /// <summary>The ISO week as year × 100 + week.</summary>
    public int Week { get; set; }

    public double? OldValue { get; set; }

    public double NewValue { get; set; }

    /// <summary>The figure's version right after the import.</summary>
    public int NewVersion { get; set; }
}
