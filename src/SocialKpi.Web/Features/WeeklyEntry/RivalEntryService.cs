using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Components.Sheets;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.WeeklyEntry;

/// <summary>How a save of the rivals' figures ended: valid changes without conflict are written either way.</summary>
public enum RivalSaveOutcome
{
    Saved,
    /// <summary>Someone else saved some of these figures since they were loaded: those were not written and carry both values.</summary>
    Conflicts,
    /// <summary>Another save slipped in while writing: nothing was written, the drafts are kept for another try.</summary>
    ChangedWhileWriting,
}

/// <summary>Reads and writes one week of the tracked brands' public figures for the competitors mode of the entry grid.</summary>
public sealed class RivalEntryService(
    IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access, SheetDrafts<RivalCellKey> drafts, TimeProvider clock)
{
    /// <summary>
    /// The week's sheet: our brand (its own figures, read-only) and the active rivals × the benchmark metrics, on every
    /// active channel, with the drafts this user left on it; null for a user who is not a member.
    /// </summary>
    public async Task<RivalSheet?> LoadAsync(ClaimsPrincipal user, int workspaceId, IsoWeek week, CancellationToken cancellationToken = default)
    {
        if (await access.RoleAsync(user, workspaceId, cancellationToken) is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brandName = await db.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.Name).SingleAsync(cancellationToken);
        var rivals = await db.Competitors.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .OrderBy(c => c.Id)
            .Select(c => new EntryBrand(c.Id, c.Name))
            .ToListAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new EntryChannel(c.Id, c.Name))
            .ToListAsync(cancellationToken);

        // This week's figures and last week's, shown under each cell as a hint.
        var previous = week.AddWeeks(-1);
        var figures = await db.CompetitorFigures.AsNoTracking()
            .Where(f => f.WorkspaceId == workspaceId && (f.Week == week.Key || f.Week == previous.Key))
            .Select(f => new { Key = new RivalCellKey(f.CompetitorId, f.ChannelId, f.Metric), f.Week, f.Value, f.Version })
            .ToListAsync(cancellationToken);
        var stored = figures.Where(f => f.Week == week.Key).ToDictionary(f => f.Key, f => new StoredValue<double>(f.Value, f.Version));
        var lastWeek = figures.Where(f => f.Week == previous.Key).ToDictionary(f => f.Key, f => f.Value);

        // The brand's row shows its own weekly figures, read where the benchmarks read them.
        var brandKeys = BenchmarkMetrics.All.ToDictionary(BenchmarkMetrics.BrandMetricKey);
        var keys = brandKeys.Keys.ToList();
        var metricIds = await db.Metrics.AsNoTracking()
            .Where(m => m.WorkspaceId == null && keys.Contains(m.Key))
            .ToDictionaryAsync(m => m.Id, m => brandKeys[m.Key], cancellationToken);
        var ids = metricIds.Keys.ToList();
        var own = await db.MetricValues.AsNoTracking()
            .Where(v => v.WorkspaceId == workspaceId && (v.Week == week.Key || v.Week == previous.Key) && ids.Contains(v.MetricId))
            .Select(v => new { v.MetricId, v.ChannelId, v.Week, v.Value, v.Version })
            .ToListAsync(cancellationToken);
        foreach (var value in own)
        {
            var key = new RivalCellKey(null, value.ChannelId, metricIds[value.MetricId]);
            if (value.Week == week.Key)
            {
                stored[key] = new StoredValue<double>(value.Value, value.Version);
            }
            else
            {
                lastWeek[key] = value.Value;
            }
        }

        var sheet = new RivalSheet(week, [new EntryBrand(null, brandName), .. rivals], channels, stored, lastWeek, CultureInfo.CurrentCulture);
        sheet.Restore(await drafts.ForAsync(user, workspaceId, week, cancellationToken));

        return sheet;
    }

    /// <summary>Keeps the sheet's drafts for the user, so a reconnection or a refresh finds them.</summary>
    public Task KeepDraftsAsync(ClaimsPrincipal user, int workspaceId, RivalSheet sheet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return drafts.KeepForAsync(user, workspaceId, sheet.Week, sheet.Drafts, cancellationToken);
    }

    /// <summary>
    /// Writes every valid changed figure of the sheet, on every channel, in one transaction (the database's write lock is taken
    /// before the reads, so nothing slips in between the version check and the write). Invalid figures stay drafts; a
    /// figure someone else saved since it was loaded is not written and is marked on the sheet with both values. As
    /// through the API, a figure for a week before a rival is tracked from moves that week back. Throws when the user
    /// may not edit, or when a rival or channel is no longer active.
    /// </summary>
    public async Task<RivalSaveOutcome> SaveAsync(ClaimsPrincipal user, int workspaceId, RivalSheet sheet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(sheet);
        if (await access.RoleAsync(user, workspaceId, cancellationToken) is not >= WorkspaceRole.Editor)
        {
            throw new UnauthorizedAccessException("Only the workspace's editors change its rivals' figures.");
        }

        var changed = sheet.ToSave.Where(c => c.Key.CompetitorId is not null).ToList();
        if (changed.Count == 0)
        {
            return RivalSaveOutcome.Saved;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rivals = (await db.Competitors.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var channels = (await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        if (changed.FirstOrDefault(c => !rivals.Contains(c.Key.CompetitorId!.Value) || !channels.Contains(c.Key.ChannelId)) is { } foreign)
        {
            throw new ArgumentException($"Rival {foreign.Key.CompetitorId} or channel {foreign.Key.ChannelId} is not active in workspace {workspaceId}.", nameof(sheet));
        }

        await using var transaction = await db.Database.BeginWriteTransactionAsync(cancellationToken);
        var stored = await db.CompetitorFigures.Where(f => f.WorkspaceId == workspaceId && f.Week == sheet.Week.Key)
            .ToDictionaryAsync(f => new RivalCellKey(f.CompetitorId, f.ChannelId, f.Metric), cancellationToken);

        var now = clock.GetUtcNow();
        var by = user.Identity?.Name;
        var conflicts = new List<SheetConflict<RivalCellKey, double>>();
        var written = new List<(RivalCellKey Key, CompetitorFigure Row)>(changed.Count);
        foreach (var cell in changed)
        {
            var existing = stored.GetValueOrDefault(cell.Key);
            if ((existing?.Version ?? 0) != cell.BaseVersion)
            {
                conflicts.Add(new SheetConflict<RivalCellKey, double>(
                    cell.Key, cell.DraftValue!.Value, existing?.Value, existing?.Version ?? 0, existing?.UpdatedBy, existing?.UpdatedAt));
                continue;
            }

            if (existing is null)
            {
                existing = new CompetitorFigure
                {
                    WorkspaceId = workspaceId, CompetitorId = cell.Key.CompetitorId!.Value, ChannelId = cell.Key.ChannelId,
                    Week = sheet.Week.Key, Metric = cell.Key.Metric,
                };
                db.CompetitorFigures.Add(existing);
            }

            existing.Value = cell.DraftValue!.Value;
            existing.UpdatedAt = now;
            existing.UpdatedBy = by;
            written.Add((cell.Key, existing));
        }

        var writtenRivals = written.Select(w => w.Key.CompetitorId!.Value).Distinct().ToList();
        if (writtenRivals.Count > 0)
        {
            await db.Competitors.Where(c => writtenRivals.Contains(c.Id) && c.TrackedFromWeek > sheet.Week.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.TrackedFromWeek, sheet.Week.Key).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RivalSaveOutcome.ChangedWhileWriting;
        }

        sheet.Saved(written.ToDictionary(w => w.Key, w => new StoredValue<double>(w.Row.Value, w.Row.Version)));
        sheet.Refused(conflicts);
        await KeepDraftsAsync(user, workspaceId, sheet, cancellationToken);
        return conflicts.Count == 0 ? RivalSaveOutcome.Saved : RivalSaveOutcome.Conflicts;
    }
}
