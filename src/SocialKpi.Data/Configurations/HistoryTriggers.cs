namespace SocialKpi.Data.Configurations;

/// <summary>The triggers that record every change of a weekly figure into MetricValueChanges, in SQLite and PostgreSQL.</summary>
public static class HistoryTriggers
{
    public const string AfterInsert = "TR_MetricValues_History_Insert";
    public const string AfterUpdate = "TR_MetricValues_History_Update";
    public const string AfterDelete = "TR_MetricValues_History_Delete";

    /// <summary>
    /// A table that holds a row only inside the transaction of a bulk write that records the history itself, in one
    /// set-based statement (the import): the triggers stand aside for that transaction alone. SQLite has one writer at a
    /// time and other connections read committed snapshots, which never contain the row (it is deleted before commit),
    /// so no other writer can ever skip the history. PostgreSQL keeps the same promise: the row is never committed, and
    /// other transactions (read committed) see committed rows only.
    /// </summary>
    public const string BulkWriteGuard = "HistoryBulkWriteGuard";

    public const string CreateGuardTable = $"""CREATE TABLE "{BulkWriteGuard}" ("Id" INTEGER NOT NULL PRIMARY KEY);""";

    public const string DropGuardTable = $"""DROP TABLE IF EXISTS "{BulkWriteGuard}";""";

    public const string ColumnList = "\"WorkspaceId\", \"ChannelId\", \"MetricId\", \"Week\", \"OldValue\", \"NewValue\", \"ChangedBy\", \"ChangedAt\"";

    // The same text form EF Core writes for a DateTimeOffset, so the history reads back like any other date.
    private const string Now = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '+00:00'";

    private const string Function = "MetricValues_History";

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

    /// <summary>
    /// PostgreSQL runs a trigger through a function: one PL/pgSQL function writes the history row for the three
    /// triggers, with the same columns, the same "only when the value changed" rule, the same bulk-write guard (a trigger's
    /// WHEN cannot hold a subquery there, so the function checks it) and the statement's time in UTC.
    /// The PostgreSQL migrations start from this state, so there is no unguarded variant.
    /// </summary>
    public static IReadOnlyList<string> CreatePostgres { get; } =
    [
        CreateGuardTable,
        $$"""
        CREATE FUNCTION "{{Function}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF EXISTS (SELECT 1 FROM "{{BulkWriteGuard}}") THEN
                RETURN NULL;
            END IF;
            IF TG_OP = 'INSERT' THEN
                INSERT INTO "MetricValueChanges" ({{ColumnList}})
                VALUES (NEW."WorkspaceId", NEW."ChannelId", NEW."MetricId", NEW."Week", NULL, NEW."Value", NEW."UpdatedBy", statement_timestamp());
            ELSIF TG_OP = 'UPDATE' THEN
                INSERT INTO "MetricValueChanges" ({{ColumnList}})
                VALUES (NEW."WorkspaceId", NEW."ChannelId", NEW."MetricId", NEW."Week", OLD."Value", NEW."Value", NEW."UpdatedBy", statement_timestamp());
            ELSE
                INSERT INTO "MetricValueChanges" ({{ColumnList}})
                VALUES (OLD."WorkspaceId", OLD."ChannelId", OLD."MetricId", OLD."Week", OLD."Value", NULL, OLD."UpdatedBy", statement_timestamp());
            END IF;
            RETURN NULL;
        END
        $body$;
        """,
        $"""CREATE TRIGGER "{AfterInsert}" AFTER INSERT ON "MetricValues" FOR EACH ROW EXECUTE FUNCTION "{Function}"();""",
        $"""
        CREATE TRIGGER "{AfterUpdate}" AFTER UPDATE OF "Value" ON "MetricValues" FOR EACH ROW
        WHEN (OLD."Value" IS DISTINCT FROM NEW."Value") EXECUTE FUNCTION "{Function}"();
        """,
        $"""CREATE TRIGGER "{AfterDelete}" AFTER DELETE ON "MetricValues" FOR EACH ROW EXECUTE FUNCTION "{Function}"();""",
    ];

    public static IReadOnlyList<string> DropPostgres { get; } =
    [
        $"DROP TRIGGER IF EXISTS \"{AfterInsert}\" ON \"MetricValues\";",
        $"DROP TRIGGER IF EXISTS \"{AfterUpdate}\" ON \"MetricValues\";",
        $"DROP TRIGGER IF EXISTS \"{AfterDelete}\" ON \"MetricValues\";",
        $"DROP FUNCTION IF EXISTS \"{Function}\"();",
        DropGuardTable,
    ];
}
