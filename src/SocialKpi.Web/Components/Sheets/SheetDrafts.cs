using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Drafts;
using SocialKpi.Domain.Calendar;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Components.Sheets;

/// <summary>
/// The values typed and not yet saved, per user, workspace and week, for one kind of sheet (its key type: figures,
/// costs, rivals). Stored in the database, so they outlive the circuit and the instance: a dropped connection, a
/// refresh that lands on another server or after a restart, a visit to another page finds them again; a save clears
/// what it wrote. Drafts untouched for <see cref="Lifetime"/> are forgotten.
/// </summary>
public sealed class SheetDrafts<TKey>(IDbContextFactory<SocialKpiDbContext> dbFactory, TimeProvider clock)
    where TKey : notnull
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The key type's name tells the sheets apart; renaming it only forgets the drafts typed before.</summary>
    private static readonly string Sheet = typeof(TKey).Name;

    public async Task<IReadOnlyDictionary<TKey, SheetDraft>> GetAsync(string userId, int workspaceId, IsoWeek week, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cutoff = (clock.GetUtcNow() - Lifetime).ToUnixTimeSeconds();
        var cells = await db.EntryDrafts.AsNoTracking()
            .Where(d => d.UserId == userId && d.WorkspaceId == workspaceId && d.Sheet == Sheet && d.Week == week.Key && d.KeptAt >= cutoff)
            .Select(d => d.Cells)
            .SingleOrDefaultAsync(cancellationToken);
        return cells is null ? new Dictionary<TKey, SheetDraft>() : Read(cells);
    }

    /// <summary>Replaces the week's drafts by <paramref name="current"/> (none: forgets the week).</summary>
    public async Task KeepAsync(string userId, int workspaceId, IsoWeek week, IReadOnlyDictionary<TKey, SheetDraft> current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var cutoff = (now - Lifetime).ToUnixTimeSeconds();
        await db.EntryDrafts.Where(d => d.KeptAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var mine = db.EntryDrafts.Where(d => d.UserId == userId && d.WorkspaceId == workspaceId && d.Sheet == Sheet && d.Week == week.Key);
        if (current.Count == 0)
        {
            await mine.ExecuteDeleteAsync(cancellationToken);
            return;
        }

        var cells = JsonSerializer.Serialize(current.Select(c => new StoredCell(c.Key, c.Value.Text, c.Value.BaseVersion)), Json);
        var keptAt = now.ToUnixTimeSeconds();
        if (await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Cells, cells).SetProperty(d => d.KeptAt, keptAt), cancellationToken) == 0)
        {
            db.EntryDrafts.Add(new EntryDraft { UserId = userId, WorkspaceId = workspaceId, Sheet = Sheet, Week = week.Key, Cells = cells, KeptAt = keptAt });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same user's other tab inserted the row between the update and the insert: this, the later edit, wins.
                await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Cells, cells).SetProperty(d => d.KeptAt, keptAt), cancellationToken);
            }
        }
    }

    /// <summary>The signed-in user's drafts of the week; none for a principal without a user id.</summary>
    public async Task<IReadOnlyDictionary<TKey, SheetDraft>> ForAsync(ClaimsPrincipal user, int workspaceId, IsoWeek week, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.UserId() is { } userId ? await GetAsync(userId, workspaceId, week, cancellationToken) : new Dictionary<TKey, SheetDraft>();
    }

    /// <summary>Keeps <paramref name="current"/> as the signed-in user's drafts of the week, so a refresh finds them.</summary>
    public async Task KeepForAsync(ClaimsPrincipal user, int workspaceId, IsoWeek week, IReadOnlyDictionary<TKey, SheetDraft> current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.UserId() is { } userId)
        {
            await KeepAsync(userId, workspaceId, week, current, cancellationToken);
        }
    }

    /// <summary>Drafts written by an older shape of the key are dropped: they are a convenience, never saved data.</summary>
    private static Dictionary<TKey, SheetDraft> Read(string cells)
    {
        try
        {
            return (JsonSerializer.Deserialize<List<StoredCell>>(cells, Json) ?? [])
                .DistinctBy(c => c.Key)
                .ToDictionary(c => c.Key, c => new SheetDraft(c.Text, c.BaseVersion));
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private sealed record StoredCell(TKey Key, string Text, int BaseVersion);
}
