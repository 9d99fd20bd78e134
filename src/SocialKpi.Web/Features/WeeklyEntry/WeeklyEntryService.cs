using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Api;
using SocialKpi.Web.Components.Sheets;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.WeeklyEntry;

/// <summary>A figure to write: the value and the version of the stored figure it replaces (0: none).</summary>
public sealed record FigureWrite(CellKey Key, double Value, int BaseVersion);

/// <summary>
/// What a save did: the figures written with their new versions, those refused because someone else saved them in
/// between, and whether the whole write failed on a race (then nothing was written).
/// </summary>
public sealed record WeekSaveResult(IReadOnlyDictionary<CellKey, StoredValue<double>> Written, IReadOnlyList<SheetConflict<CellKey, double>> Conflicts, bool ChangedWhileWriting = false);

/// <summary>One recorded change of a cell's figure: null before means it did not exist, null after that it was deleted.</summary>
public sealed record FigureChange(long Id, double? OldValue, double? NewValue, string? ChangedBy, DateTimeOffset ChangedAt);

/// <summary>Reads and writes one week of a workspace's figures for the entry grid.</summary>
public sealed class WeeklyEntryService(
    IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access, SheetDrafts<CellKey> drafts, TimeProvider clock)
{
    public IsoWeek LastCompleteWeek => IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(clock.GetLocalNow().Date));

    /// <summary>
    /// The week's sheet: the workspace's metrics (standard catalogue, then its own) × its active channels, the
    /// stored figures, last week's, and the drafts this user left on it.
    /// </summary>
    public async Task<WeekSheet> LoadAsync(ClaimsPrincipal user, int workspaceId, IsoWeek week, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var locale = CultureInfo.CurrentUICulture.Name;
        var metrics = (await MetricsApi.CatalogueAsync(db, workspaceId, cancellationToken)).Values
            .Select(m => new EntryMetric(m.Id, m.Key, m.Name(locale), m.Unit)).ToList();
        var channels = await db.Channels.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new EntryChannel(c.Id, c.Name))
            .ToListAsync(cancellationToken);
        var previous = week.AddWeeks(-1);
        var rows = await db.MetricValues.AsNoTracking()
            .Where(v => v.WorkspaceId == workspaceId && (v.Week == week.Key || v.Week == previous.Key))
            .Select(v => new { v.MetricId, v.ChannelId, v.Week, v.Value, v.Version })
            .ToListAsync(cancellationToken);
        var stored = rows.Where(r => r.Week == week.Key)
            .ToDictionary(r => new CellKey(r.MetricId, r.ChannelId), r => new StoredValue<double>(r.Value, r.Version));
        var lastWeek = rows.Where(r => r.Week == previous.Key)
            .ToDictionary(r => new CellKey(r.MetricId, r.ChannelId), r => r.Value);

        var sheet = new WeekSheet(week, metrics, channels, stored, lastWeek, CultureInfo.CurrentCulture);
        sheet.Restore(await drafts.ForAsync(user, workspaceId, week, cancellationToken));

        return sheet;
    }

    /// <summary>Whether the user may change the workspace's figures (editors and owners).</summary>
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, int workspaceId, CancellationToken cancellationToken = default) =>
        await access.RoleAsync(user, workspaceId, cancellationToken) >= WorkspaceRole.Editor;

    /// <summary>
    /// Every recorded change of one cell of the week, newest first; nothing for a user who is not a member of the
    /// workspace. Ordered by id, the order the changes were written in: SQLite cannot order by a DateTimeOffset.
    /// </summary>
    public async Task<IReadOnlyList<FigureChange>> HistoryAsync(
        ClaimsPrincipal user, int workspaceId, IsoWeek week, CellKey key, CancellationToken cancellationToken = default)
    {
        if (await access.RoleAsync(user, workspaceId, cancellationToken) is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MetricValueChanges.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && c.ChannelId == key.ChannelId && c.MetricId == key.MetricId && c.Week == week.Key)
            .OrderByDescending(c => c.Id)
            .Select(c => new FigureChange(c.Id, c.OldValue, c.NewValue, c.ChangedBy, c.ChangedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Keeps the sheet's drafts for the user, so a reconnection or a refresh finds them.</summary>
    public Task KeepDraftsAsync(ClaimsPrincipal user, int workspaceId, WeekSheet sheet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return drafts.KeepForAsync(user, workspaceId, sheet.Week, sheet.Drafts, cancellationToken);
    }

    /// <summary>
    /// Saves every valid changed cell of the sheet in one transaction, as the user; cells someone else saved since
    /// they were loaded are refused and marked on the sheet with both values. Throws when the user may not edit.
    /// </summary>
    public async Task<WeekSaveResult> SaveAsync(ClaimsPrincipal user, int workspaceId, WeekSheet sheet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (!await CanEditAsync(user, workspaceId, cancellationToken))
        {
            throw new UnauthorizedAccessException("Only the workspace's editors change its figures.");
        }

        var writes = sheet.ToSave.Select(c => new FigureWrite(c.Key, c.DraftValue!.Value, c.BaseVersion)).ToList();
        var result = await WriteAsync(workspaceId, sheet.Week, writes, user.Identity?.Name, cancellationToken);
        if (!result.ChangedWhileWriting)
        {
            sheet.Saved(result.Written);
            sheet.Refused(result.Conflicts);
            await KeepDraftsAsync(user, workspaceId, sheet, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Writes the figures of one week in one transaction (the database's write lock is taken before the reads, so nothing
    /// slips in between the version check and the write). A figure whose stored version is not the one it was typed
    /// over is not written and comes back as a conflict; the others are written, with <paramref name="by"/> and now.
    /// </summary>
    public async Task<WeekSaveResult> WriteAsync(
        int workspaceId, IsoWeek week, IReadOnlyList<FigureWrite> writes, string? by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return new WeekSaveResult(new Dictionary<CellKey, StoredValue<double>>(), []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = (await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var units = (await MetricsApi.CatalogueAsync(db, workspaceId, cancellationToken)).Values.ToDictionary(m => m.Id, m => m.Unit);
        var invalid = writes.FirstOrDefault(w => !channels.Contains(w.Key.ChannelId) || !units.TryGetValue(w.Key.MetricId, out var unit)
                                                 || FigureRules.Check(w.Value, unit) is not null);
        if (invalid is not null)
        {
            throw new ArgumentException($"Figure {invalid.Key} = {invalid.Value} does not belong to workspace {workspaceId} or breaks its rules.", nameof(writes));
        }

        await using var transaction = await db.Database.BeginWriteTransactionAsync(cancellationToken);
        var stored = await db.MetricValues.Where(v => v.WorkspaceId == workspaceId && v.Week == week.Key)
            .ToDictionaryAsync(v => new CellKey(v.MetricId, v.ChannelId), cancellationToken);

        var now = clock.GetUtcNow();
        var conflicts = new List<SheetConflict<CellKey, double>>();
        var written = new List<(CellKey Key, MetricValue Row)>(writes.Count);
        foreach (var write in writes)
        {
            var existing = stored.GetValueOrDefault(write.Key);
            if ((existing?.Version ?? 0) != write.BaseVersion)
            {
                conflicts.Add(new SheetConflict<CellKey, double>(write.Key, write.Value, existing?.Value, existing?.Version ?? 0, existing?.UpdatedBy, existing?.UpdatedAt));
                continue;
            }

            if (existing is null)
            {
                existing = new MetricValue
                {
                    WorkspaceId = workspaceId, ChannelId = write.Key.ChannelId, MetricId = write.Key.MetricId, Week = week.Key,
                    Value = write.Value, UpdatedAt = now, UpdatedBy = by,
                };
                db.MetricValues.Add(existing);
            }
            else if (!existing.Value.Equals(write.Value))
            {
                existing.Value = write.Value;
                existing.UpdatedAt = now;
                existing.UpdatedBy = by;
            }

            written.Add((write.Key, existing));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new WeekSaveResult(new Dictionary<CellKey, StoredValue<double>>(), [], ChangedWhileWriting: true);
        }

        return new WeekSaveResult(written.ToDictionary(w => w.Key, w => new StoredValue<double>(w.Row.Value, w.Row.Version)), conflicts);
    }
}
