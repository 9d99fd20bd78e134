using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SocialKpi.Data;
using SocialKpi.Domain.Importing;

namespace SocialKpi.Web.Features.Import;

/// <summary>A figure the import adds (<see cref="Old"/> null) or changes.</summary>
public sealed record PlannedFigure(FigureCell Cell, double? Old, double New);

/// <summary>What the import would do, computed before anything is written.</summary>
public sealed record ImportDryRun(
    IReadOnlyList<PlannedFigure> Added, IReadOnlyList<PlannedFigure> Changed, int Unchanged, IReadOnlyList<Rejection> Rejections, int Rows,
    FileError? FileError = null)
{
    /// <summary>The file turned out unreadable further down than the preview: nothing can be imported.</summary>
    public static ImportDryRun Failed(FileError error) => new([], [], 0, [], 0, error);

    public int ToWrite => Added.Count + Changed.Count;

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
    private const string Upsert = """
        INSERT INTO "MetricValues" ("WorkspaceId", "ChannelId", "MetricId", "Week", "Value", "UpdatedAt", "UpdatedBy", "Version")
        VALUES ($w, $c, $m, $k, $v, $at, $by, 1)
        ON CONFLICT ("WorkspaceId", "MetricId", "Week", "ChannelId") DO UPDATE
        SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt", "UpdatedBy" = excluded."UpdatedBy", "Version" = "Version" + 1
        WHERE "Value" IS NOT excluded."Value";
        """;

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

        return new ImportDryRun(added, changed, unchanged, analysis.Rejections, analysis.Rows);
    }

    /// <summary>
    /// Writes the dry run's figures in one transaction, or nothing: refused when a figure is no longer what the dry run
    /// saw; a cancellation rolls everything back. The history triggers record each change; the batch keeps their range.
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

        // SQLite takes the write lock at BEGIN (IMMEDIATE): nobody writes between the check below and the commit,
        // and the history ids written in between are all this import's.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await StoredAsync(db, workspaceId, plan.Writes.Select(w => w.Cell), cancellationToken);
        foreach (var write in plan.Writes)
        {
            var has = stored.TryGetValue(write.Cell, out var current);
            if (write.Old is null ? has : !has || !current.Equals(write.Old.Value))
            {
                return (null, ImportRefusal.ChangedSinceDryRun);
            }
        }

        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var first = await MaxChangeIdAsync(connection, dbTransaction, cancellationToken) + 1;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = dbTransaction;
            command.CommandText = Upsert;
            Parameter(command, "$w", workspaceId);
            var c = Parameter(command, "$c", 0);
            var m = Parameter(command, "$m", 0);
            var k = Parameter(command, "$k", 0);
            var v = Parameter(command, "$v", 0.0);
            Parameter(command, "$at", now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            Parameter(command, "$by", (object?)by ?? DBNull.Value);
            await command.PrepareAsync(cancellationToken);
            var done = 0;

            // In the order of the history's index (metric, channel, week): each insert lands next to the previous one
            // instead of on one of hundreds of pages, which is what makes a 100,000-figure write fast on SQLite.
            foreach (var write in plan.Writes.OrderBy(w => w.Cell.MetricId).ThenBy(w => w.Cell.ChannelId).ThenBy(w => w.Cell.Week))
            {
                c.Value = write.Cell.ChannelId;
                m.Value = write.Cell.MetricId;
                k.Value = write.Cell.Week;
                v.Value = write.New;
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (++done % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(done / (double)plan.ToWrite);
                }
            }
        }

        var batch = new ImportBatch
        {
            WorkspaceId = workspaceId, FileName = Truncate(Path.GetFileName(fileName), 260), ImportedBy = by, ImportedAt = now,
            Added = plan.Added.Count, Changed = plan.Changed.Count, Rejected = plan.Rejections.Count,
            FirstChangeId = first, LastChangeId = await MaxChangeIdAsync(connection, dbTransaction, cancellationToken),
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress?.Report(1);
        return (batch, null);
    }

    /// <summary>
    /// Puts back every figure the batch wrote (the old value, or no figure where it added one), in one transaction.
    /// Refused, with the number of figures concerned, when any of them was changed after the import.
    /// </summary>
    public static async Task<(UndoRefusal? Refusal, int ChangedSince)> UndoAsync(
        SocialKpiDbContext db, int workspaceId, int batchId, string? by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == batchId && b.WorkspaceId == workspaceId, cancellationToken);
        if (batch is null)
        {
            return (UndoRefusal.NotFound, 0);
        }

        if (batch.UndoneAt is not null)
        {
            return (UndoRefusal.AlreadyUndone, 0);
        }

        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = dbTransaction;
            check.CommandText = """
                SELECT COUNT(DISTINCT later."ChannelId" || ':' || later."MetricId" || ':' || later."Week")
                FROM "MetricValueChanges" AS later
                WHERE later."WorkspaceId" = $w AND later."Id" > $last
                  AND EXISTS (SELECT 1 FROM "MetricValueChanges" AS mine
                              WHERE mine."WorkspaceId" = $w AND mine."MetricId" = later."MetricId" AND mine."ChannelId" = later."ChannelId"
                                AND mine."Week" = later."Week" AND mine."Id" BETWEEN $first AND $last);
                """;
            Parameter(check, "$w", workspaceId);
            Parameter(check, "$first", batch.FirstChangeId);
            Parameter(check, "$last", batch.LastChangeId);
            var changedSince = Convert.ToInt32(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
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
                WHERE "WorkspaceId" = $w AND "Id" BETWEEN $first AND $last ORDER BY "Id" DESC;
                """;
            Parameter(read, "$w", workspaceId);
            Parameter(read, "$first", batch.FirstChangeId);
            Parameter(read, "$last", batch.LastChangeId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetDouble(3)));
            }
        }

        await using (var restore = connection.CreateCommand())
        await using (var remove = connection.CreateCommand())
        {
            const string Cell = """ "WorkspaceId" = $w AND "MetricId" = $m AND "Week" = $k AND "ChannelId" = $c""";
            restore.Transaction = remove.Transaction = dbTransaction;
            // Who undid is written first, so the history of a deleted figure names them (the delete trigger reads UpdatedBy).
            restore.CommandText = $"""
                UPDATE "MetricValues" SET "Value" = coalesce($v, "Value"), "UpdatedAt" = $at, "UpdatedBy" = $by,
                    "Version" = "Version" + 1 WHERE {Cell};
                """;
            remove.CommandText = $"""DELETE FROM "MetricValues" WHERE {Cell};""";
            var parameters = new[] { restore, remove }.Select(command => (
                C: Parameter(command, "$c", 0), M: Parameter(command, "$m", 0), K: Parameter(command, "$k", 0), W: Parameter(command, "$w", workspaceId))).ToArray();
            var value = Parameter(restore, "$v", DBNull.Value);
            Parameter(restore, "$at", now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            Parameter(restore, "$by", (object?)by ?? DBNull.Value);
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

        batch.UndoneAt = now;
        batch.UndoneBy = by;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (null, 0);
    }

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
            WHERE "WorkspaceId" = $w AND "Week" BETWEEN $a AND $b;
            """;
        Parameter(command, "$w", workspaceId);
        Parameter(command, "$a", min);
        Parameter(command, "$b", max);
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
