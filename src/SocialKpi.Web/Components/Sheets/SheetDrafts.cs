using System.Collections.Concurrent;
using System.Security.Claims;
using SocialKpi.Domain.Calendar;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Components.Sheets;

/// <summary>
/// The values typed and not yet saved, per user, workspace and week, for one kind of sheet (its key type: figures,
/// costs). A singleton, so they outlive the circuit: a dropped connection, a refresh or a visit to another page finds
/// them again; a save clears what it wrote. Kept in memory only: a restart of the server loses drafts, never saved values.
/// </summary>
public sealed class SheetDrafts<TKey>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<(string UserId, int WorkspaceId, int Week), IReadOnlyDictionary<TKey, SheetDraft>> drafts = new();

    public IReadOnlyDictionary<TKey, SheetDraft> Get(string userId, int workspaceId, IsoWeek week) =>
        drafts.TryGetValue((userId, workspaceId, week.Key), out var found) ? found : new Dictionary<TKey, SheetDraft>();

    /// <summary>Replaces the week's drafts by <paramref name="current"/> (none: forgets the week).</summary>
    public void Keep(string userId, int workspaceId, IsoWeek week, IReadOnlyDictionary<TKey, SheetDraft> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Count == 0)
        {
            drafts.TryRemove((userId, workspaceId, week.Key), out _);
        }
        else
        {
            drafts[(userId, workspaceId, week.Key)] = current;
        }
    }

    /// <summary>The signed-in user's drafts of the week; none for a principal without a user id.</summary>
    public IReadOnlyDictionary<TKey, SheetDraft> For(ClaimsPrincipal user, int workspaceId, IsoWeek week)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.UserId() is { } userId ? Get(userId, workspaceId, week) : new Dictionary<TKey, SheetDraft>();
    }

    /// <summary>Keeps <paramref name="current"/> as the signed-in user's drafts of the week, so a refresh finds them.</summary>
    public void KeepFor(ClaimsPrincipal user, int workspaceId, IsoWeek week, IReadOnlyDictionary<TKey, SheetDraft> current)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.UserId() is { } userId)
        {
            Keep(userId, workspaceId, week, current);
        }
    }
}
