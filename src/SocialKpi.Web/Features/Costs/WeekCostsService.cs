using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Costs;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.WeeklyEntry;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Costs;

/// <summary>How a save of the week's costs ended. Nothing is written unless it is <see cref="Saved"/>.</summary>
public enum CostSaveOutcome
{
    Saved,
    /// <summary>Some amount breaks the rules: fix it first.</summary>
    Invalid,
    /// <summary>Someone else saved some of these costs since they were loaded: both values are on the sheet.</summary>
    Conflicts,
}

/// <summary>Reads and writes one week of a workspace's costs for the week view.</summary>
public sealed class WeekCostsService(IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access, TimeProvider clock)
{
    public IsoWeek LastCompleteWeek => IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(clock.GetLocalNow().Date));

    /// <summary>The week's costs by category × active channel and no channel; null for a user who is not a member.</summary>
    public async Task<WeekCosts?> LoadAsync(ClaimsPrincipal user, int workspaceId, IsoWeek week, CancellationToken cancellationToken = default)
    {
        if (await access.RoleAsync(user, workspaceId, cancellationToken) is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new EntryChannel(c.Id, c.Name))
            .ToListAsync(cancellationToken);
        var active = channels.Select(c => c.Id).ToHashSet();
        var stored = (await db.Costs.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && c.Week == week.Key).ToListAsync(cancellationToken))
            .Where(c => c.ChannelId is null || active.Contains(c.ChannelId.Value))
            .ToDictionary(c => new CostKey(c.Category, c.ChannelId), c => new StoredCost(c.Amount, c.Version));
        return new WeekCosts(week, channels, stored, CultureInfo.CurrentCulture);
    }

    /// <summary>
    /// Writes every changed cost of the sheet in one transaction, or none: not when an amount is invalid, not when
    /// someone else saved one of them since it was loaded (those cells then carry both values). Throws when the user
    /// may not edit.
    /// </summary>
    public async Task<CostSaveOutcome> SaveAsync(ClaimsPrincipal user, int workspaceId, WeekCosts sheet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (await access.RoleAsync(user, workspaceId, cancellationToken) is not >= WorkspaceRole.Editor)
        {
            throw new UnauthorizedAccessException("Only the workspace's editors change its costs.");
        }

        var changed = sheet.Changed.ToList();
        if (changed.Any(c => c.Problem is not null || c.DraftValue is null))
        {
            return CostSaveOutcome.Invalid;
        }

        if (changed.Count == 0)
        {
            return CostSaveOutcome.Saved;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = (await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        if (changed.FirstOrDefault(c => c.Key.ChannelId is { } id && !channels.Contains(id)) is { } foreign)
        {
            throw new ArgumentException($"Channel {foreign.Key.ChannelId} is not an active channel of workspace {workspaceId}.", nameof(sheet));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Costs.Where(c => c.WorkspaceId == workspaceId && c.Week == sheet.Week.Key)
            .ToDictionaryAsync(c => new CostKey(c.Category, c.ChannelId), cancellationToken);

        var stale = changed.Where(c => (stored.GetValueOrDefault(c.Key)?.Version ?? 0) != c.BaseVersion).ToList();
        foreach (var cell in stale)
        {
            var theirs = stored.GetValueOrDefault(cell.Key);
            sheet.Refused(cell.Key, new CostConflictSeen(cell.DraftValue!.Value, theirs?.Amount, theirs?.Version ?? 0));
        }

        if (stale.Count > 0)
        {
            return CostSaveOutcome.Conflicts;
        }

        var written = new List<(CostKey Key, Cost Row)>(changed.Count);
        foreach (var cell in changed)
        {
            if (stored.TryGetValue(cell.Key, out var existing))
            {
                existing.Amount = cell.DraftValue!.Value;
            }
            else
            {
                existing = new Cost
                {
                    WorkspaceId = workspaceId, ChannelId = cell.Key.ChannelId, Week = sheet.Week.Key,
                    Category = cell.Key.Category, Amount = cell.DraftValue!.Value,
                };
                db.Costs.Add(existing);
            }

            written.Add((cell.Key, existing));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save slipped in between (the transaction keeps this from happening on SQLite): nothing was written.
            return CostSaveOutcome.Conflicts;
        }

        sheet.Saved(written.ToDictionary(w => w.Key, w => new StoredCost(w.Row.Amount, w.Row.Version)));
        return CostSaveOutcome.Saved;
    }
}
