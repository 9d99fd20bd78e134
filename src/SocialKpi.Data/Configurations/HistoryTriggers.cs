namespace SocialKpi.Data.Configurations;

/// <summary>The SQLite triggers that record every change of a weekly figure into MetricValueChanges.</summary>
public static class HistoryTriggers
{
    public const string AfterInsert = "TR_MetricValues_History_Insert";
    public const string AfterUpdate = "TR_MetricValues_History_Update";
    public const string AfterDelete = "TR_MetricValues_History_Delete";

    /// <summary>
    /// A table that holds a row only inside the transaction of a bulk write that records the history itself, in one
    /// set-based statement (the import): the triggers stand aside for that transaction alone. SQLite has one writer at a
    /// time and other connections read committed snapshots, which never contain the row (it is deleted before commit),
    /// so no other writer can ever skip the history.
    /// </summary>
    public const string BulkWriteGuard = "HistoryBulkWriteGuard";

    public const string CreateGuardTable = $"""CREATE TABLE "{BulkWriteGuard}" ("Id" INTEGER NOT NULL PRIMARY KEY);""";

    public const string DropGuardTable = $"""DROP TABLE IF EXISTS "{BulkWriteGuard}";""";

    public const string ColumnList = "\"WorkspaceId\", \"ChannelId\", \"MetricId\", \"Week\", \"OldValue\", \"NewValue\", \"ChangedBy\", \"ChangedAt\"";

    // The same text form EF Core writes for a DateTimeOffset, so the history reads back like any other date.
    private const string Now = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '+00:00'";

    private const string NoBulkWrite = $"""NOT EXISTS (SELECT 1 FROM "{BulkWriteGuard}")""";

    /// <summary>The current triggers (migration HistoryBulkWriteGuard): one statement each, as migrations run them.</summary>
    public static IReadOnlyList<string> Create { get; } = Statements(guarded: true);

    /// <summary>The first triggers, as the ValueHistoryTriggers migration created them.</summary>
    public static IReadOnlyList<string> CreateUnguarded { get; } = Statements(guarded: false);

    public static IReadOnlyList<string> Drop { get; } =
        [$"DROP TRIGGER IF EXISTS \"{AfterInsert}\";", $"DROP TRIGGER IF EXISTS \"{AfterUpdate}\";", $"DROP TRIGGER IF EXISTS \"{AfterDelete}\";"];

    private static string[] Statements(bool guarded)
    {
        var always = guarded ? $"WHEN {NoBulkWrite}" : "";
        var changed = guarded ? $"WHEN OLD.\"Value\" IS NOT NEW.\"Value\" AND {NoBulkWrite}" : "WHEN OLD.\"Value\" IS NOT NEW.\"Value\"";
        return
        [
            $"""
            CREATE TRIGGER "{AfterInsert}" AFTER INSERT ON "MetricValues"
            {always}
            BEGIN
                INSERT INTO "MetricValueChanges" ({ColumnList})
                VALUES (NEW."WorkspaceId", NEW."ChannelId", NEW."MetricId", NEW."Week", NULL, NEW."Value", NEW."UpdatedBy", {Now});
            END;
            """,
            $"""
            CREATE TRIGGER "{AfterUpdate}" AFTER UPDATE OF "Value" ON "MetricValues"
            {changed}
            BEGIN
                INSERT INTO "MetricValueChanges" ({ColumnList})
                VALUES (NEW."WorkspaceId", NEW."ChannelId", NEW."MetricId", NEW."Week", OLD."Value", NEW."Value", NEW."UpdatedBy", {Now});
            END;
            """,
            $"""
            CREATE TRIGGER "{AfterDelete}" AFTER DELETE ON "MetricValues"
            {always}
            BEGIN
                INSERT INTO "MetricValueChanges" ({ColumnList})
                VALUES (OLD."WorkspaceId", OLD."ChannelId", OLD."MetricId", OLD."Week", OLD."Value", NULL, OLD."UpdatedBy", {Now});
            END;
            """,
        ];
    }
}
