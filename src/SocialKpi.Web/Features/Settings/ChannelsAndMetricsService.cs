using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Components.Shared;
using SocialKpi.Web.Features.Objectives;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Settings;

/// <summary>A metric of the catalogue with what one unit of it is worth to the workspace (null: not valued).</summary>
public sealed record ValuedMetric(Metric Metric, decimal? ValuePerUnit);

/// <summary>
/// The workspace's channels, custom metrics and metric values per unit (used by ROI). Editors manage them, as the
/// REST API lets them (figures are entered per channel and metric, so whoever enters figures can add a source);
/// owners manage everything else in the settings. Rules are shared with the API: <see cref="ChannelRules"/>, <see cref="MetricRules"/>.
/// </summary>
public sealed class ChannelsAndMetricsService(IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access)
{
    private static readonly RuleViolations EditorsOnly = [new RuleViolation("", "RuleEditorsOnly")];

    public async Task<bool> CanManageAsync(ClaimsPrincipal user, int workspaceId) =>
        await access.RoleAsync(user, workspaceId) >= WorkspaceRole.Editor;

    public async Task<List<Channel>> ChannelsAsync(int workspaceId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync();
    }

    /// <summary>Adds a channel (when <paramref name="channelId"/> is null) at the end of the list, or changes one.</summary>
    public async Task<RuleViolations> SaveChannelAsync(ClaimsPrincipal user, int workspaceId, int? channelId, ChannelDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!await CanManageAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var otherNames = await db.Channels.Where(c => c.WorkspaceId == workspaceId && c.Id != channelId).Select(c => c.Name).ToListAsync();
        var errors = ChannelRules.Validate(draft, otherNames.Contains);
        if (errors.Count > 0)
        {
            return errors;
        }

        var channel = channelId is { } id ? await db.Channels.SingleOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId) : null;
        if (channel is null)
        {
            channel = new Channel
            {
                WorkspaceId = workspaceId,
                Name = "",
                SortOrder = 1 + (await db.Channels.Where(c => c.WorkspaceId == workspaceId).MaxAsync(c => (int?)c.SortOrder) ?? -1),
            };
            db.Channels.Add(channel);
        }

        ChannelRules.Apply(draft, channel);
        await db.SaveChangesAsync();
        return errors;
    }

    public async Task<RuleViolations> ArchiveChannelAsync(ClaimsPrincipal user, int workspaceId, int channelId)
    {
        if (!await CanManageAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Channels.Where(c => c.Id == channelId && c.WorkspaceId == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsArchived, true));
        return [];
    }

    /// <summary>
    /// Moves an active channel up (<paramref name="offset"/> −1) or down (+1) in the order every grid, chart and list
    /// shows channels in; the active channels are then numbered again from 0, so the order has no gaps or ties.
    /// </summary>
    public async Task<RuleViolations> MoveChannelAsync(ClaimsPrincipal user, int workspaceId, int channelId, int offset)
    {
        if (!await CanManageAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var ordered = await db.Channels.Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync();
        var from = ordered.FindIndex(c => c.Id == channelId);
        var to = from + offset;
        if (from < 0 || to < 0 || to >= ordered.Count)
        {
            return [];
        }

        (ordered[from], ordered[to]) = (ordered[to], ordered[from]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].SortOrder = i;
        }

        await db.SaveChangesAsync();
        return [];
    }

    /// <summary>The standard metrics then the workspace's custom ones, each with its value per unit.</summary>
    public async Task<List<ValuedMetric>> MetricsAsync(int workspaceId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var metrics = await db.Metrics.AsNoTracking().Where(m => m.WorkspaceId == null || m.WorkspaceId == workspaceId)
            .OrderBy(m => m.WorkspaceId != null).ThenBy(m => m.Id).ToListAsync();
        var values = await db.MetricBusinessValues.AsNoTracking().Where(v => v.WorkspaceId == workspaceId)
            .ToDictionaryAsync(v => v.MetricId, v => v.ValuePerUnit);
        return metrics.Select(m => new ValuedMetric(m, values.TryGetValue(m.Id, out var v) ? v : null)).ToList();
    }

    public async Task<RuleViolations> AddMetricAsync(ClaimsPrincipal user, int workspaceId, MetricDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!await CanManageAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var keys = await db.Metrics.Where(m => m.WorkspaceId == null || m.WorkspaceId == workspaceId)
            .Select(m => new { m.Key, IsStandard = m.WorkspaceId == null }).ToListAsync();
        var errors = MetricRules.Validate(draft, key => keys.Exists(k => k.IsStandard && k.Key == key), key => keys.Exists(k => !k.IsStandard && k.Key == key));
        if (errors.Count > 0)
        {
            return errors;
        }

        db.Metrics.Add(MetricRules.ToMetric(draft, workspaceId));
        await db.SaveChangesAsync();
        return errors;
    }

    /// <summary>
    /// Changes a custom metric's names, unit and aggregation; its key stays (formulas and imports name metrics by key).
    /// The unit cannot change once figures are stored in it: they would be read in another unit.
    /// </summary>
    public async Task<RuleViolations> UpdateMetricAsync(ClaimsPrincipal user, int workspaceId, int metricId, MetricDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!await CanManageAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        if (await CustomMetricAsync(db, workspaceId, metricId) is not { } metric)
        {
            return [new RuleViolation("", "RuleMetricUnknown")];
        }

        draft.Key = metric.Key;
        var errors = MetricRules.Validate(draft, _ => false, _ => false);
        if (errors.Count == 0 && draft.Unit != metric.Unit && await db.MetricValues.AnyAsync(v => v.MetricId == metricId))
        {
            errors.Add("unit", "RuleMetricUnitInUse", metric.Name(Display.Locale));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var changed = MetricRules.ToMetric(draft, workspaceId);
        metric.NameFr = changed.NameFr;
        metric.NameEn = changed.NameEn;
        metric.Unit = changed.Unit;
        metric.Aggregation = changed.Aggregation;
        await db.SaveChangesAsync();
        return errors;
    }

    /// <summary>
    /// Deletes a custom metric that nothing uses yet (a metric typed by mistake); refused, with what uses it, when
    /// figures are stored for it or KPIs measure it, since deleting it would delete or orphan them.
    /// </summary>
    public async Task<RuleViolations> DeleteMetricAsync(ClaimsPrincipal user, int workspaceId, int metricId)
    {
        if (!await CanManageAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        if (await CustomMetricAsync(db, workspaceId, metricId) is not { } metric)
        {
            return [new RuleViolation("", "RuleMetricUnknown")];
        }

        var values = await db.MetricValues.CountAsync(v => v.MetricId == metricId);
        var kpis = await db.Kpis.CountAsync(k => k.MetricId == metricId);
        if (values > 0 || kpis > 0)
        {
            return [new RuleViolation("", "RuleMetricInUse", metric.Name(Display.Locale), values, kpis)];
        }

        db.Metrics.Remove(metric);
        await db.SaveChangesAsync();
        return [];
    }

    /// <summary>The workspace's own metric (the standard catalogue is shared by every workspace and changes with the app).</summary>
    private static Task<Metric?> CustomMetricAsync(SocialKpiDbContext db, int workspaceId, int metricId) =>
        db.Metrics.SingleOrDefaultAsync(m => m.Id == metricId && m.WorkspaceId == workspaceId);

    /// <summary>Sets what one unit of a metric is worth to the workspace; null removes the value.</summary>
    public async Task<RuleViolations> SetValuePerUnitAsync(ClaimsPrincipal user, int workspaceId, int metricId, decimal? valuePerUnit)
    {
        if (!await CanManageAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        if (valuePerUnit < 0)
        {
            return [new RuleViolation("valuePerUnit", "RuleValuePerUnitPositive")];
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.Metrics.AnyAsync(m => m.Id == metricId && (m.WorkspaceId == null || m.WorkspaceId == workspaceId)))
        {
            return [];
        }

        var existing = await db.MetricBusinessValues.SingleOrDefaultAsync(v => v.WorkspaceId == workspaceId && v.MetricId == metricId);
        if (valuePerUnit is not { } value)
        {
            if (existing is not null)
            {
                db.MetricBusinessValues.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.MetricBusinessValues.Add(new MetricBusinessValue { WorkspaceId = workspaceId, MetricId = metricId, ValuePerUnit = value });
        }
        else
        {
            existing.ValuePerUnit = value;
        }

        await db.SaveChangesAsync();
        return [];
    }
}
