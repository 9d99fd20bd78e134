namespace SocialKpi.Data.Configurations;

/// <summary>The triggers that record every change of a weekly figure into MetricValueChanges, in SQLite and PostgreSQL.</summary>
public static class HistoryTriggers
{
    public const string AfterInsert = "TR_MetricValues_History_Insert";
    public const string AfterUpdate = "TR_MetricValues_History_Update";
    public const string AfterDelete = "TR_MetricValues_History_Delete";

    private const string Columns = "\"WorkspaceId\", \"ChannelId\", \"MetricId\", \"Week\", \"OldValue\", \"NewValue\", \"ChangedBy\", \"ChangedAt\"";

    // The same text form EF Core writes for a DateTimeOffset, so the history reads back like any other date.
    private const string Now = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '+00:00'";

    private const string Function = "MetricValues_History";

    /// <summary>One statement each, as the SQLite migrations run them.</summary>
    public static IReadOnlyList<string> Create { get; } =
    [
        $"""
        CREATE TRIGGER "{AfterInsert}" AFTER INSERT ON "MetricValues"
        BEGIN
            INSERT INTO "MetricValueChanges" ({Columns})
            VALUES (NEW."WorkspaceId", NEW."ChannelId", NEW."MetricId", NEW."Week", NULL, NEW."Value", NEW."UpdatedBy", {Now});
        END;
        """,
        $"""
        CREATE TRIGGER "{AfterUpdate}" AFTER UPDATE OF "Value" ON "MetricValues"
        WHEN OLD."Value" IS NOT NEW."Value"
        BEGIN
            INSERT INTO "MetricValueChanges" ({Columns})
            VALUES (NEW."WorkspaceId", NEW."ChannelId", NEW."MetricId", NEW."Week", OLD."Value", NEW."Value", NEW."UpdatedBy", {Now});
        END;
        """,
        $"""
        CREATE TRIGGER "{AfterDelete}" AFTER DELETE ON "MetricValues"
        BEGIN
            INSERT INTO "MetricValueChanges" ({Columns})
            VALUES (OLD."WorkspaceId", OLD."ChannelId", OLD."MetricId", OLD."Week", OLD."Value", NULL, OLD."UpdatedBy", {Now});
        END;
        """,
    ];

    public static IReadOnlyList<string> Drop { get; } =
        [$"DROP TRIGGER IF EXISTS \"{AfterInsert}\";", $"DROP TRIGGER IF EXISTS \"{AfterUpdate}\";", $"DROP TRIGGER IF EXISTS \"{AfterDelete}\";"];

    /// <summary>
    /// PostgreSQL runs a trigger through a function: one PL/pgSQL function writes the history row for the three
    /// triggers, with the same columns, the same "only when the value changed" rule and the statement's time in UTC.
    /// </summary>
    public static IReadOnlyList<string> CreatePostgres { get; } =
    [
        $$"""
        CREATE FUNCTION "{{Function}}"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO "MetricValueChanges" ({{Columns}})
                VALUES (NEW."WorkspaceId", NEW."ChannelId", NEW."MetricId", NEW."Week", NULL, NEW."Value", NEW."UpdatedBy", statement_timestamp());
            ELSIF TG_OP = 'UPDATE' THEN
                INSERT INTO "MetricValueChanges" ({{Columns}})
                VALUES (NEW."WorkspaceId", NEW."ChannelId", NEW."MetricId", NEW."Week", OLD."Value", NEW."Value", NEW."UpdatedBy", statement_timestamp());
            ELSE
                INSERT INTO "MetricValueChanges" ({{Columns}})
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
    ];
}
