using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SocialKpi.Data;

namespace SocialKpi.Web.Api;

/// <summary>What a bulk upsert did to one item.</summary>
public enum UpsertOutcome
{
    Created,
    Updated,
    /// <summary>The stored value was already the one sent: nothing written, version unchanged.</summary>
    Unchanged,
}

/// <summary>
/// The rules weekly values and costs share when many are written at once:
/// <list type="number">
/// <item>every item is validated first; one bad item and nothing is written (400, each bad field named);</item>
/// <item>the cells are then read and written in one transaction that holds the database's write lock (SQLite's, or the
/// app's advisory lock on PostgreSQL), so no other writer slips in between the check and the write;</item>
/// <item>an item that carries the <c>version</c> it read is checked against the stored one (0 = "I expect no value
/// yet"); any difference refuses the whole request with 409 listing each conflicting cell, stored and sent, and nothing is
/// written. An item without a version is written whatever is stored (last writer wins): scripts that own their figures
/// need no read first.</item>
/// </list>
/// </summary>
internal static class BulkUpsert
{
    /// <summary>More items than this in one request is refused: split the upload (a year of one workspace is far below).</summary>
    public const int MaxItems = 10_000;

    /// <summary>Checks that there are between 1 and <see cref="MaxItems"/> items.</summary>
    public static bool HasItems<T>(ValidationErrors errors, IReadOnlyList<T>? items, string shape)
    {
        if (items is null || items.Count == 0)
        {
            errors.Add("items", $"Send at least one item: {shape}.");
            return false;
        }

        if (items.Count > MaxItems)
        {
            errors.Add("items", $"At most {MaxItems} items per request (got {items.Count}): split the upload.");
            return false;
        }

        return true;
    }

    /// <summary>The transaction of a bulk write: it takes the write lock before the reads.</summary>
    public static Task<IDbContextTransaction> BeginAsync(SocialKpiDbContext db, CancellationToken cancellationToken) =>
        db.Database.BeginWriteTransactionAsync(cancellationToken);

    public static ProblemHttpResult Conflict<T>(IReadOnlyList<T> conflicts) => ApiProblems.Conflict(
        $"{conflicts.Count} cell(s) changed since you read them; nothing was written. Read them again, decide, then resend with the new versions.",
        new Dictionary<string, object?> { ["conflicts"] = conflicts });

    /// <summary>Saves and commits; false when a row changed under the version check anyway (then nothing is committed).</summary>
    public static async Task<bool> TrySaveAsync(SocialKpiDbContext db, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    public static ProblemHttpResult ChangedWhileWriting() => ApiProblems.Conflict(
        "Some cells changed while this request was being written; nothing was written. Read them again and resend.");
}
