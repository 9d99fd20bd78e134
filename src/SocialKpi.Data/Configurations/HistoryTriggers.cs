namespace SocialKpi.Data.Configurations;

/// <summary>The SQLite triggers that record every change of a weekly figure into MetricValueChanges.</summary>
public static class HistoryTriggers
{
    public const string AfterInsert = "TR_MetricValues_History_Insert";
    public const string AfterUpdate = "TR_MetricValues_History_Update";
    public const string AfterDelete = "TR_MetricValues_History_Delete";

    private const string Columns = "\"WorkspaceId\", \"ChannelId\", \"MetricId\", \"Week\", \"OldValue\", \"NewValue\", \"ChangedBy\", \"ChangedAt\"";

    // The same text form EF Core writes for a DateTimeOffset, so the history reads back like any other date.
    private const string Now = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '+00:00'";

    /// <summary>One statement each, as migrations run them.</summary>
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
}
