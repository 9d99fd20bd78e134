using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SocialKpi.Data;
using SocialKpi.Data.Configurations;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Importing;

namespace SocialKpi.Web.Features.Import;

/// <summary>A figure the import adds (<see cref="Old"/> null) or changes.</summary>
public sealed record PlannedFigure(FigureCell Cell, double? Old, double New);

/// <summary>A rival's figure the import adds (<see cref="Old"/> null) or changes.</summary>
public sealed record PlannedRivalFigure(RivalCell Cell, double? Old, double New);

/// <summary>What the import would do, computed before anything is written.</summary>
public sealed record ImportDryRun(
    IReadOnlyList<PlannedFigure> Added, IReadOnlyList<PlannedFigure> Changed, int Unchanged, IReadOnlyList<Rejection> Rejections, int Rows,
    FileError? FileError = null)
{
    /// <summary>The file turned out unreadable further down than the preview: nothing can be imported.</summary>
    public static ImportDryRun Failed(FileError error) => new([], [], 0, [], 0, error);

    /// <summary>Rivals' figures the import adds (old null).</summary>
    public IReadOnlyList<PlannedRivalFigure> RivalAdded { get; init; } = [];

    /// <summary>Rivals' figures the import changes (old → new).</summary>
    public IReadOnlyList<PlannedRivalFigure> RivalChanged { get; init; } = [];

    public int ToWrite => Added.Count + Changed.Count + RivalAdded.Count + RivalChanged.Count;

    public IEnumerable<PlannedFigure> Writes => Added.Concat(Changed);
}

public enum ImportRefusal
{
    NotAllowed,
    /// <summary>The dry run rejected rows and the user did not choose to leave them out.</summary>
    HasRejections,
    NothingToWrite,
    /// <summary>Someone changed a figure of the import after the dry run: the dry run must be done again.</summary>
    ChangedSinceDryRun,
}

public enum UndoRefusal
{
    NotFound,
    AlreadyUndone,
    /// <summary>A figure of the import was changed afterwards: undoing would silently throw that change away.</summary>
    ChangedSince,
    NotAllowed,
}

/// <summary>The store side of an import: the dry run's comparison, the all-or-nothing write and the undo.</summary>
public static class ImportStore
{
    /// <summary>Compares the analysed figures with the stored ones: added, changed (old → new), unchanged.</summary>
    public static async Task<ImportDryRun> DryRunAsync(SocialKpiDbContext db, int workspaceId, ImportAnalysis analysis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(analysis);
        var stored = await StoredAsync(db, workspaceId, analysis.Figures.Keys, cancellationToken);
        var added = new List<PlannedFigure>();
        var changed = new List<PlannedFigure>();
        var unchanged = 0;
        foreach (var (cell, value) in analysis.Figures)
        {
            if (!stored.TryGetValue(cell, out var old))
            {
                added.Add(new PlannedFigure(cell, null, value));
            }
            else if (old.Equals(value))
            {
                unchanged++;
            }
            else
            {
                changed.Add(new PlannedFigure(cell, old, value));
            }
        }

        var rivalAdded = new List<PlannedRivalFigure>();
        var rivalChanged = new List<PlannedRivalFigure>();
        var storedRivals = await StoredRivalsAsync(db, workspaceId, analysis.RivalFigures.Keys.ToList(), cancellationToken);
        foreach (var (cell, value) in analysis.RivalFigures.OrderBy(f => f.Key.Week).ThenBy(f => f.Key.CompetitorId).ThenBy(f => f.Key.ChannelId).ThenBy(f => f.Key.Metric))
        {
            if (!storedRivals.TryGetValue(cell, out var figure))
            {
                rivalAdded.Add(new PlannedRivalFigure(cell, null, value));
            }
            else if (figure.Value.Equals(value))
            {
                unchanged++;
            }
            else
            {
                rivalChanged.Add(new PlannedRivalFigure(cell, figure.Value, value));
            }
        }

        return new ImportDryRun(added, changed, unchanged, analysis.Rejections, analysis.Rows) { RivalAdded = rivalAdded, RivalChanged = rivalChanged };
    }

    /// <summary>The workspace's stored rival figures over the weeks the cells span, keyed by cell (tracked when the caller writes them).</summary>
    private static async Task<Dictionary<RivalCell, CompetitorFigure>> StoredRivalsAsync(
        SocialKpiDbContext db, int workspaceId, List<RivalCell> cells, CancellationToken cancellationToken, bool tracked = false)
    {
        if (cells.Count == 0)
        {
            return [];
        }

        int min = cells.Min(c => c.Week), max = cells.Max(c => c.Week);
        var rivals = cells.Select(c => c.CompetitorId).Distinct().ToList();
        var query = db.CompetitorFigures.Where(f => f.WorkspaceId == workspaceId && f.Week >= min && f.Week <= max && rivals.Contains(f.CompetitorId));
        var figures = await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
        return figures.ToDictionary(f => new RivalCell(f.CompetitorId, f.ChannelId, f.Metric, f.Week));
    }

    /// <summary>
    /// Writes the dry run's figures in one transaction, or nothing: refused when a figure is no longer what the dry run
    /// saw; a cancellation rolls everything back. The figures are staged in a temporary table, then checked, recorded in
    /// the history and written by one set-based statement each; the batch keeps the range of its history rows.
    /// </summary>
    public static async Task<(ImportBatch? Batch, ImportRefusal? Refusal)> WriteAsync(
        SocialKpiDbContext db, int workspaceId, string fileName, ImportDryRun plan, string? by, DateTimeOffset now,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.ToWrite == 0)
        {
            return (null, ImportRefusal.NothingToWrite);
        }

        await PrepareConnectionAsync(db, cancellationToken);

        // The write lock is taken at BEGIN (see BeginWriteTransactionAsync): nobody writes between the check below and
        // the commit. On PostgreSQL the history table is also locked against other inserts (a cascade delete, a script
        // in psql), so the history ids written in between are all this import's, as they are on SQLite.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        if (connection is NpgsqlConnection)
        {
            await ExecuteAsync(connection, dbTransaction, """LOCK TABLE "MetricValueChanges" IN EXCLUSIVE MODE;""", cancellationToken);
        }

        await ExecuteAsync(connection, dbTransaction, connection is NpgsqlConnection ? PostgresStageTable : StageTable, cancellationToken);
        await StageAsync(connection, dbTransaction, plan, progress, cancellationToken);

        await using (var check = Command(connection, dbTransaction, """
            SELECT EXISTS (
                SELECT 1 FROM "ImportStage" AS s
                LEFT JOIN "MetricValues" AS v
                    ON v."WorkspaceId" = @w AND v."MetricId" = s."MetricId" AND v."Week" = s."Week" AND v."ChannelId" = s."ChannelId"
                WHERE v."Value" IS DISTINCT FROM s."OldValue");
            """))
        {
            Parameter(check, "@w", workspaceId);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0)
            {
                return (null, ImportRefusal.ChangedSinceDryRun);
            }
        }

        // Rival figures are checked like ours: one changed since the dry run refuses the whole import.
        var storedRivals = await StoredRivalsAsync(db, workspaceId, plan.RivalAdded.Concat(plan.RivalChanged).Select(f => f.Cell).ToList(), cancellationToken, tracked: true);
        if (plan.RivalAdded.Concat(plan.RivalChanged).Any(f => !Nullable.Equals(storedRivals.GetValueOrDefault(f.Cell)?.Value, f.Old)))
        {
            return (null, ImportRefusal.ChangedSinceDryRun);
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(0.7);
        var first = await MaxChangeIdAsync(connection, dbTransaction, cancellationToken) + 1;

        // The history first, in the order of its index (metric, channel, week) so each row lands next to the previous
        // one; then the figures, in the order of theirs, with the triggers standing aside (the guard row) since the
        // history is already written. The guard row never outlives this transaction.
        await using (var write = Command(connection, dbTransaction, $"""
            INSERT INTO "{HistoryTriggers.BulkWriteGuard}" ("Id") VALUES (1);
            INSERT INTO "MetricValueChanges" ({HistoryTriggers.ColumnList})
            SELECT @w, "ChannelId", "MetricId", "Week", "OldValue", "NewValue", @by, @at
            FROM "ImportStage" ORDER BY "MetricId", "ChannelId", "Week";
            INSERT INTO "MetricValues" ("WorkspaceId", "ChannelId", "MetricId", "Week", "Value", "UpdatedAt", "UpdatedBy", "Version")
            SELECT @w, "ChannelId", "MetricId", "Week", "NewValue", @at, @by, 1
            FROM "ImportStage" WHERE true ORDER BY "MetricId", "Week", "ChannelId"
            ON CONFLICT ("WorkspaceId", "MetricId", "Week", "ChannelId") DO UPDATE
            SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt", "UpdatedBy" = excluded."UpdatedBy", "Version" = "MetricValues"."Version" + 1;
            DELETE FROM "{HistoryTriggers.BulkWriteGuard}";
            DROP TABLE "ImportStage";
            """))
        {
            Parameter(write, "@w", workspaceId);
            Parameter(write, "@by", (object?)by ?? DBNull.Value);
            Parameter(write, "@at", Instant(connection, now));
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        var batch = new ImportBatch
        {
            WorkspaceId = workspaceId, FileName = Truncate(Path.GetFileName(fileName), 260), ImportedBy = by, ImportedAt = now,
            Added = plan.Added.Count + plan.RivalAdded.Count, Changed = plan.Changed.Count + plan.RivalChanged.Count, Rejected = plan.Rejections.Count,
            FirstChangeId = first, LastChangeId = await MaxChangeIdAsync(connection, dbTransaction, cancellationToken),
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        await WriteRivalsAsync(db, workspaceId, batch.Id, plan, storedRivals, by, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress?.Report(1);
        return (batch, null);
    }

    /// <summary>
    /// Writes the rivals' figures through EF Core (so the versions move as for any other edit), records each one's old
    /// value and the version it leaves for the undo, and moves a rival's tracking start back to the earliest week written.
    /// </summary>
    private static async Task WriteRivalsAsync(
        SocialKpiDbContext db, int workspaceId, int batchId, ImportDryRun plan, Dictionary<RivalCell, CompetitorFigure> stored, string? by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var planned = plan.RivalAdded.Concat(plan.RivalChanged).ToList();
        if (planned.Count == 0)
        {
            return;
        }

        var written = new List<(PlannedRivalFigure Plan, CompetitorFigure Figure)>(planned.Count);
        foreach (var figure in planned)
        {
            if (!stored.TryGetValue(figure.Cell, out var row))
            {
                row = new CompetitorFigure
                {
                    WorkspaceId = workspaceId, CompetitorId = figure.Cell.CompetitorId, ChannelId = figure.Cell.ChannelId,
                    Metric = figure.Cell.Metric, Week = figure.Cell.Week,
                };
                db.CompetitorFigures.Add(row);
            }

            row.Value = figure.New;
            row.UpdatedAt = now;
            row.UpdatedBy = by;
            written.Add((figure, row));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ImportCompetitorChanges.AddRange(written.Select(w => new ImportCompetitorChange
        {
            BatchId = batchId, CompetitorId = w.Plan.Cell.CompetitorId, ChannelId = w.Plan.Cell.ChannelId, Metric = w.Plan.Cell.Metric,
            Week = w.Plan.Cell.Week, OldValue = w.Plan.Old, NewValue = w.Plan.New, NewVersion = w.Figure.Version,
        }));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var earliest in planned.GroupBy(f => f.Cell.CompetitorId).Select(g => (Rival: g.Key, Week: g.Min(f => f.Cell.Week))))
        {
            await db.Competitors.Where(c => c.Id == earliest.Rival && c.TrackedFromWeek > earliest.Week)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.TrackedFromWeek, earliest.Week).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        }
    }

    /// <summary>
    /// Puts back every figure the batch wrote (the old value, or no figure where it added one), in one transaction.
    /// Refused, with the number of figures concerned, when any of them was changed after the import.
    /// </summary>
    public static async Task<(UndoRefusal? Refusal, int ChangedSince)> UndoAsync(
        SocialKpiDbContext db, int workspaceId, int batchId, string? by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await PrepareConnectionAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginWriteTransactionAsync(cancellationToken);
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == batchId && b.WorkspaceId == workspaceId, cancellationToken);
        if (batch is null)
        {
            return (UndoRefusal.NotFound, 0);
        }

        if (batch.UndoneAt is not null)
        {
            return (UndoRefusal.AlreadyUndone, 0);
        }

        // A rival figure changed since the import carries a later version (or is gone): undoing would overwrite that change.
        var rivalChanges = await db.ImportCompetitorChanges.Where(c => c.BatchId == batchId).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        var current = await StoredRivalsAsync(db, workspaceId, rivalChanges.Select(Cell).ToList(), cancellationToken, tracked: true);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = dbTransaction;
            check.CommandText = """
                SELECT COUNT(DISTINCT later."ChannelId" || ':' || later."MetricId" || ':' || later."Week")
                FROM "MetricValueChanges" AS later
                WHERE later."WorkspaceId" = @w AND later."Id" > @last
                  AND EXISTS (SELECT 1 FROM "MetricValueChanges" AS mine
                              WHERE mine."WorkspaceId" = @w AND mine."MetricId" = later."MetricId" AND mine."ChannelId" = later."ChannelId"
                                AND mine."Week" = later."Week" AND mine."Id" BETWEEN @first AND @last);
                """;
            Parameter(check, "@w", workspaceId);
            Parameter(check, "@first", batch.FirstChangeId);
            Parameter(check, "@last", batch.LastChangeId);
            var changedSince = Convert.ToInt32(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            changedSince += rivalChanges.Count(c => current.GetValueOrDefault(Cell(c)) is not { } figure || figure.Version != c.NewVersion);
            if (changedSince > 0)
            {
                return (UndoRefusal.ChangedSince, changedSince);
            }
        }

        var changes = new List<(int Channel, int Metric, int Week, double? Old)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = dbTransaction;
            read.CommandText = """
                SELECT "ChannelId", "MetricId", "Week", "OldValue" FROM "MetricValueChanges"
                WHERE "WorkspaceId" = @w AND "Id" BETWEEN @first AND @last ORDER BY "Id" DESC;
                """;
            Parameter(read, "@w", workspaceId);
            Parameter(read, "@first", batch.FirstChangeId);
            Parameter(read, "@last", batch.LastChangeId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetDouble(3)));
            }
        }

        await using (var restore = connection.CreateCommand())
        await using (var remove = connection.CreateCommand())
        {
            const string Cell = """ "WorkspaceId" = @w AND "MetricId" = @m AND "Week" = @k AND "ChannelId" = @c""";
            restore.Transaction = remove.Transaction = dbTransaction;
            // Who undid is written first, so the history of a deleted figure names them (the delete trigger reads UpdatedBy).
            restore.CommandText = $"""
                UPDATE "MetricValues" SET "Value" = coalesce(@v, "Value"), "UpdatedAt" = @at, "UpdatedBy" = @by,
                    "Version" = "Version" + 1 WHERE {Cell};
                """;
            remove.CommandText = $"""DELETE FROM "MetricValues" WHERE {Cell};""";
            var parameters = new[] { restore, remove }.Select(command => (
                C: Parameter(command, "@c", 0), M: Parameter(command, "@m", 0), K: Parameter(command, "@k", 0), W: Parameter(command, "@w", workspaceId))).ToArray();
            var value = Parameter(restore, "@v", DBNull.Value);
            Parameter(restore, "@at", Instant(connection, now));
            Parameter(restore, "@by", (object?)by ?? DBNull.Value);
            foreach (var (channel, metric, week, old) in changes)
            {
                foreach (var p in parameters)
                {
                    p.C.Value = channel;
                    p.M.Value = metric;
                    p.K.Value = week;
                }

                value.Value = (object?)old ?? DBNull.Value;
                await restore.ExecuteNonQueryAsync(cancellationToken);
                if (old is null)
                {
                    await remove.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }

        foreach (var change in rivalChanges)
        {
            var figure = current[Cell(change)];
            if (change.OldValue is { } old)
            {
                figure.Value = old;
                figure.UpdatedAt = now;
                figure.UpdatedBy = by;
            }
            else
            {
                db.CompetitorFigures.Remove(figure);
            }
        }

        batch.UndoneAt = now;
        batch.UndoneBy = by;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (null, 0);
    }

    private static RivalCell Cell(ImportCompetitorChange change) => new(change.CompetitorId, change.ChannelId, change.Metric, change.Week);

    /// <summary>The stored values of the workspace over the weeks the cells span, keyed by cell.</summary>
    private static async Task<Dictionary<FigureCell, double>> StoredAsync(
        SocialKpiDbContext db, int workspaceId, IEnumerable<FigureCell> cells, CancellationToken cancellationToken)
    {
        int min = int.MaxValue, max = int.MinValue;
        foreach (var cell in cells)
        {
            min = Math.Min(min, cell.Week);
            max = Math.Max(max, cell.Week);
        }

        var stored = new Dictionary<FigureCell, double>();
        if (min > max)
        {
            return stored;
        }

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            SELECT "ChannelId", "MetricId", "Week", "Value" FROM "MetricValues"
            WHERE "WorkspaceId" = @w AND "Week" BETWEEN @a AND @b;
            """;
        Parameter(command, "@w", workspaceId);
        Parameter(command, "@a", min);
        Parameter(command, "@b", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[new FigureCell(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2))] = reader.GetDouble(3);
        }

        return stored;
    }

    private static async Task<long> MaxChangeIdAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """SELECT coalesce(max("Id"), 0) FROM "MetricValueChanges";""";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Fills the staging table with the plan's figures: one prepared insert per figure on SQLite, one binary COPY on
    /// PostgreSQL (a round trip per figure would be most of the import's time there).
    /// </summary>
    private static async Task StageAsync(DbConnection connection, DbTransaction transaction, ImportDryRun plan,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var done = 0;
        void Progress()
        {
            if (++done % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Staging is most of the work the user waits for; the set-based writes below take the rest.
                progress?.Report(0.6 * done / plan.ToWrite);
            }
        }

        if (connection is NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync(
                """COPY "ImportStage" ("ChannelId", "MetricId", "Week", "OldValue", "NewValue") FROM STDIN (FORMAT BINARY)""", cancellationToken);
            foreach (var write in plan.Writes)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(write.Cell.ChannelId, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(write.Cell.MetricId, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(write.Cell.Week, NpgsqlDbType.Integer, cancellationToken);
                if (write.Old is { } previous)
                {
                    await copy.WriteAsync(previous, NpgsqlDbType.Double, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }

                await copy.WriteAsync(write.New, NpgsqlDbType.Double, cancellationToken);
                Progress();
            }

            await copy.CompleteAsync(cancellationToken);
            return;
        }

        await using var stage = Command(connection, transaction, """
            INSERT INTO "ImportStage" ("ChannelId", "MetricId", "Week", "OldValue", "NewValue") VALUES (@c, @m, @k, @old, @new);
            """);
        var c = Parameter(stage, "@c", 0);
        var m = Parameter(stage, "@m", 0);
        var k = Parameter(stage, "@k", 0);
        var old = Parameter(stage, "@old", DBNull.Value);
        var value = Parameter(stage, "@new", 0.0);
        await stage.PrepareAsync(cancellationToken);
        foreach (var write in plan.Writes)
        {
            c.Value = write.Cell.ChannelId;
            m.Value = write.Cell.MetricId;
            k.Value = write.Cell.Week;
            old.Value = (object?)write.Old ?? DBNull.Value;
            value.Value = write.New;
            await stage.ExecuteNonQueryAsync(cancellationToken);
            Progress();
        }
    }

    private const string PostgresStageTable = """
        CREATE TEMP TABLE IF NOT EXISTS "ImportStage" ("ChannelId" integer NOT NULL, "MetricId" integer NOT NULL, "Week" integer NOT NULL, "OldValue" double precision NULL, "NewValue" double precision NOT NULL);
        DELETE FROM "ImportStage";
        """;

    private const string StageTable = """
        CREATE TEMP TABLE IF NOT EXISTS "ImportStage" ("ChannelId" INTEGER NOT NULL, "MetricId" INTEGER NOT NULL, "Week" INTEGER NOT NULL, "OldValue" REAL NULL, "NewValue" REAL NOT NULL);
        DELETE FROM "ImportStage";
        """;

    /// <summary>
    /// Keeps SQLite's temporary storage (the staging table, the statement journals of the writes) in memory on the
    /// import's connection: on disk, every statement of a write through the history triggers pays a temporary file.
    /// SQLite refuses to change it inside a transaction, hence before BEGIN.
    /// </summary>
    private static async Task PrepareConnectionAsync(SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await ExecuteAsync(db.Database.GetDbConnection(), null, "PRAGMA temp_store = MEMORY;", cancellationToken);
        }
    }

    /// <summary>
    /// A moment as each engine stores it: SQLite as the text EF Core writes for a DateTimeOffset, PostgreSQL as a
    /// timestamptz, which Npgsql only accepts in UTC.
    /// </summary>
    private static object Instant(DbConnection connection, DateTimeOffset moment) => connection is NpgsqlConnection
        ? moment.ToUniversalTime()
        : moment.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
