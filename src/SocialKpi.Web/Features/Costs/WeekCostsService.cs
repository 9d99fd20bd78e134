using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Costs;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Components.Sheets;
using SocialKpi.Web.Features.WeeklyEntry;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Costs;

/// <summary>How a save of the week's costs ended: valid changes are written either way.</summary>
public enum CostSaveOutcome
{
    Saved,
    /// <summary>Someone else saved some of these costs since they were loaded: those were not written and carry both values.</summary>
    Conflicts,
}

/// <summary>Reads and writes one week of a workspace's costs for the week view.</summary>
public sealed class WeekCostsService(
    IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access, SheetDrafts<CostKey> drafts, TimeProvider clock)
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
            .ToDictionary(c => new CostKey(c.Category, c.ChannelId), c => new StoredValue<decimal>(c.Amount, c.Version));
        var sheet = new WeekCosts(week, channels, stored, CultureInfo.CurrentCulture);
        sheet.Restore(await drafts.ForAsync(user, workspaceId, week, cancellationToken));

        return sheet;
    }

    /// <summary>Keeps the sheet's drafts for the user, so a reconnection or a refresh finds them.</summary>
    public Task KeepDraftsAsync(ClaimsPrincipal user, int workspaceId, WeekCosts sheet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return drafts.KeepForAsync(user, workspaceId, sheet.Week, sheet.Drafts, cancellationToken);
    }

    /// <summary>
    /// Writes every valid changed cost of the sheet in one transaction (the database's write lock is taken before the reads,
    /// so nothing slips in between the version check and the write). Invalid amounts stay as drafts; a cost someone
    /// else saved since it was loaded is not written and is marked on the sheet with both amounts. Throws when the
    /// user may not edit.
    /// </summary>
    public async Task<CostSaveOutcome> SaveAsync(ClaimsPrincipal user, int workspaceId, WeekCosts sheet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (await access.RoleAsync(user, workspaceId, cancellationToken) is not >= WorkspaceRole.Editor)
        {
            throw new UnauthorizedAccessException("Only the workspace's editors change its costs.");
        }

        var changed = sheet.ToSave.ToList();
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

        await using var transaction = await db.Database.BeginWriteTransactionAsync(cancellationToken);
        var stored = await db.Costs.Where(c => c.WorkspaceId == workspaceId && c.Week == sheet.Week.Key)
            .ToDictionaryAsync(c => new CostKey(c.Category, c.ChannelId), cancellationToken);

        var conflicts = new List<SheetConflict<CostKey, decimal>>();
        var written = new List<(CostKey Key, Cost Row)>(changed.Count);
        foreach (var cell in changed)
        {
            var existing = stored.GetValueOrDefault(cell.Key);
            if ((existing?.Version ?? 0) != cell.BaseVersion)
            {
                conflicts.Add(new SheetConflict<CostKey, decimal>(cell.Key, cell.DraftValue!.Value, existing?.Amount, existing?.Version ?? 0, null, null));
                continue;
            }

            if (existing is null)
            {
                existing = new Cost
                {
                    WorkspaceId = workspaceId, ChannelId = cell.Key.ChannelId, Week = sheet.Week.Key,
                    Category = cell.Key.Category, Amount = cell.DraftValue!.Value,
                };
                db.Costs.Add(existing);
            }
            else
            {
                existing.Amount = cell.DraftValue!.Value;
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
            // Another save slipped in between (the write lock keeps this from happening): nothing was
            // written, and every change stays a draft over the versions it was typed over, for the next save to check.
            return CostSaveOutcome.Conflicts;
        }

        sheet.Saved(written.ToDictionary(w => w.Key, w => new StoredValue<decimal>(w.Row.Amount, w.Row.Version)));
        sheet.Refused(conflicts);
        await KeepDraftsAsync(user, workspaceId, sheet, cancellationToken);
        return conflicts.Count == 0 ? CostSaveOutcome.Saved : CostSaveOutcome.Conflicts;
    }
}
