using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Objectives;
using SocialKpi.Domain.Progress;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Objectives;

/// <summary>What a KPI form offers: the workspace's metric catalogue and its active channels.</summary>
public sealed record KpiChoices(IReadOnlyList<Metric> Metrics, IReadOnlyList<Channel> Channels);

/// <summary>The target trajectory week by week, and the KPI's value as of the last complete week (null without data).</summary>
public sealed record KpiPreview(IReadOnlyList<WeeklyPoint> Trajectory, decimal? Current, IsoWeek AsOf);

/// <summary>An archived objective, listed to be looked at again or restored with its KPIs.</summary>
public sealed record ArchivedObjective(int Id, string Name, ObjectiveCategory Category, string? CustomCategory, DateOnly StartDate, DateOnly EndDate, int KpiCount);

/// <summary>An archived KPI of an objective still in use.</summary>
public sealed record ArchivedKpi(int Id, string Name, int ObjectiveId, string ObjectiveName, decimal Target, KpiUnit Unit);

/// <summary>What was archived in a workspace: objectives (their KPIs come back with them) and KPIs of the others.</summary>
public sealed record ArchivedItems(IReadOnlyList<ArchivedObjective> Objectives, IReadOnlyList<ArchivedKpi> Kpis)
{
    public static ArchivedItems None { get; } = new([], []);

    public int Count => Objectives.Count + Kpis.Count;
}

/// <summary>
/// Creates, changes and archives objectives and their KPIs for the workspace's editors, with the same rules as the
/// REST API (<see cref="ObjectiveRules"/>, <see cref="KpiRules"/>). Viewers are refused here, not only hidden buttons.
/// </summary>
public sealed class ObjectiveEditorService(IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access, TimeProvider clock)
{
    private static readonly RuleViolations EditorsOnly = [new RuleViolation("", "RuleEditorsOnly")];

    public async Task<bool> CanEditAsync(ClaimsPrincipal user, int workspaceId) =>
        await access.RoleAsync(user, workspaceId) >= WorkspaceRole.Editor;

    public async Task<Objective?> ObjectiveAsync(int workspaceId, int objectiveId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Objectives.AsNoTracking().SingleOrDefaultAsync(o => o.Id == objectiveId && o.WorkspaceId == workspaceId);
    }

    /// <summary>
    /// Creates an objective (when <paramref name="objectiveId"/> is null) with the accepted suggested KPIs, or changes one.
    /// Nothing is written unless the objective and every KPI are valid; KPI violations are named "kpis[i].field".
    /// </summary>
    public async Task<RuleViolations> SaveObjectiveAsync(
        ClaimsPrincipal user, int workspaceId, int? objectiveId, ObjectiveDraft draft, IReadOnlyList<KpiDraft>? newKpis = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!await CanEditAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var objective = objectiveId is { } id
            ? await db.Objectives.SingleOrDefaultAsync(o => o.Id == id && o.WorkspaceId == workspaceId)
            : new Objective { WorkspaceId = workspaceId, Name = string.Empty };
        if (objective is null)
        {
            return [new RuleViolation("", "RuleObjectiveUnknown")];
        }

        var errors = ObjectiveRules.ValidateAndApply(draft, objective);
        var catalogue = await CatalogueAsync(db, workspaceId);
        foreach (var (kpiDraft, index) in (newKpis ?? []).Select((k, i) => (k, i)))
        {
            kpiDraft.ObjectiveId = objective.Id;
            var kpi = new Kpi { Name = string.Empty };
            var context = new KpiContext(objective, kpiDraft.TrimmedMetricKey is { } key ? catalogue.GetValueOrDefault(key) : null, new HashSet<int>());
            var kpiErrors = KpiRules.ValidateAndApply(kpiDraft, context, kpi, isNew: true);
            errors.AddRange(kpiErrors.Select(e => e with { Field = $"kpis[{index}].{e.Field}" }));
            objective.Kpis.Add(kpi);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (objectiveId is null)
        {
            db.Objectives.Add(objective);
        }

        await db.SaveChangesAsync();
        return errors;
    }

    public async Task<RuleViolations> ArchiveObjectiveAsync(ClaimsPrincipal user, int workspaceId, int objectiveId)
    {
        if (!await CanEditAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Objectives.Where(o => o.Id == objectiveId && o.WorkspaceId == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsArchived, true));
        return [];
    }

    /// <summary>The workspace's archived objectives and archived KPIs of its active objectives; nothing for a non-member.</summary>
    public async Task<ArchivedItems> ArchivedAsync(ClaimsPrincipal user, int workspaceId)
    {
        if (await access.RoleAsync(user, workspaceId) is null)
        {
            return ArchivedItems.None;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var objectives = await db.Objectives.AsNoTracking()
            .Where(o => o.WorkspaceId == workspaceId && o.IsArchived)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new ArchivedObjective(o.Id, o.Name, o.Category, o.CustomCategory, o.StartDate, o.EndDate, o.Kpis.Count(k => !k.IsArchived)))
            .ToListAsync();
        var kpis = await (from k in db.Kpis.AsNoTracking()
                          join o in db.Objectives on k.ObjectiveId equals o.Id
                          where o.WorkspaceId == workspaceId && !o.IsArchived && k.IsArchived
                          orderby o.Name, k.Name, k.Id
                          select new ArchivedKpi(k.Id, k.Name, o.Id, o.Name, k.Target, k.Unit)).ToListAsync();
        return new ArchivedItems(objectives, kpis);
    }

    /// <summary>Brings an archived objective back, with the KPIs it had when it was archived.</summary>
    public async Task<RuleViolations> RestoreObjectiveAsync(ClaimsPrincipal user, int workspaceId, int objectiveId)
    {
        if (!await CanEditAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var restored = await db.Objectives.Where(o => o.Id == objectiveId && o.WorkspaceId == workspaceId && o.IsArchived)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsArchived, false));
        return restored == 0 ? [new RuleViolation("", "RuleObjectiveUnknown")] : [];
    }

    /// <summary>Brings an archived KPI back on its objective.</summary>
    public async Task<RuleViolations> RestoreKpiAsync(ClaimsPrincipal user, int workspaceId, int kpiId)
    {
        if (!await CanEditAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var kpi = await FindKpiAsync(db, workspaceId, kpiId);
        if (kpi is null)
        {
            return [new RuleViolation("", "RuleKpiUnknown")];
        }

        kpi.IsArchived = false;
        await db.SaveChangesAsync();
        return [];
    }

    public async Task<KpiChoices> ChoicesAsync(int workspaceId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var metrics = (await CatalogueAsync(db, workspaceId)).Values.ToList();
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync();
        return new KpiChoices(metrics, channels);
    }

    /// <summary>The KPI as a draft for its form, with its metric's key; null when the workspace has no such KPI.</summary>
    public async Task<KpiDraft?> KpiDraftAsync(int workspaceId, int kpiId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var kpi = await FindKpiAsync(db, workspaceId, kpiId);
        if (kpi is null)
        {
            return null;
        }

        var key = kpi.MetricId is { } metricId ? await db.Metrics.Where(m => m.Id == metricId).Select(m => m.Key).SingleAsync() : null;
        return KpiDraft.From(kpi, key);
    }

    /// <summary>Creates a KPI (when <paramref name="kpiId"/> is null) on the draft's objective, or changes one.</summary>
    public async Task<RuleViolations> SaveKpiAsync(ClaimsPrincipal user, int workspaceId, int? kpiId, KpiDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!await CanEditAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var kpi = kpiId is { } id ? await FindKpiAsync(db, workspaceId, id) : new Kpi { Name = string.Empty };
        if (kpi is null)
        {
            return [new RuleViolation("", "RuleKpiUnknown")];
        }

        var errors = KpiRules.ValidateAndApply(draft, await ContextAsync(db, workspaceId, draft), kpi, isNew: kpiId is null);
        if (errors.Count > 0)
        {
            return errors;
        }

        if (kpiId is null)
        {
            db.Kpis.Add(kpi);
        }

        await db.SaveChangesAsync();
        return errors;
    }

    public async Task<RuleViolations> ArchiveKpiAsync(ClaimsPrincipal user, int workspaceId, int kpiId)
    {
        if (!await CanEditAsync(user, workspaceId))
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var kpi = await FindKpiAsync(db, workspaceId, kpiId);
        if (kpi is not null)
        {
            kpi.IsArchived = true;
            await db.SaveChangesAsync();
        }

        return [];
    }

    /// <summary>
    /// What the KPI would show if saved as it is: its trajectory from the objective's start to the deadline, week by
    /// week, and its current value as of the last complete week, computed by the domain as the dashboard does.
    /// Null while the draft is too incomplete to say (no objective, target or measure).
    /// </summary>
    public async Task<KpiPreview?> PreviewAsync(int workspaceId, KpiDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await dbFactory.CreateDbContextAsync();
        var kpi = new Kpi { Name = draft.Name ?? "" };
        var context = await ContextAsync(db, workspaceId, draft);
        // The rules fill in the defaults (deadline, unit, aggregation) the preview needs; the KPI is not saved.
        if (KpiRules.ValidateAndApply(draft, context, kpi, isNew: true).Count > 0 || context.Objective is not { } objective)
        {
            return null;
        }

        var plan = KpiPlan.FromKpi(kpi, objective.StartDate);
        var asOf = IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(clock.GetLocalNow().Date));
        var trajectory = IsoWeek.Range(plan.StartWeek, plan.DeadlineWeek)
            .Select(week => new WeeklyPoint(week, plan.Trajectory.ValueAt(week))).ToList();
        var points = await WeeklyValuesAsync(db, workspaceId, kpi, context.Metric, plan.StartWeek, asOf);
        return new KpiPreview(trajectory, KpiProgress.Evaluate(plan, points, asOf).Current, asOf);
    }

    private static async Task<List<WeeklyPoint>> WeeklyValuesAsync(
        SocialKpiDbContext db, int workspaceId, Kpi kpi, Metric? metric, IsoWeek from, IsoWeek asOf)
    {
        if (from > asOf)
        {
            return [];
        }

        if (metric is not null)
        {
            var totals = await db.MetricWeekTotalsAsync(workspaceId, [metric.Id], kpi.ChannelIds, from.Key, asOf.Key);
            return totals.OrderBy(t => t.Week)
                .Select(t => new WeeklyPoint(IsoWeek.FromKey(t.Week), (decimal)(metric.Aggregation == Aggregation.Average ? t.Average : t.Sum)))
                .ToList();
        }

        // A formula is evaluated week by week on its inputs, as ObjectiveProgressQuery does for the dashboard.
        var definition = FormulaCatalog.Get(kpi.Formula!.Value);
        var catalogue = await CatalogueAsync(db, workspaceId);
        var inputs = definition.MetricKeys.Where(catalogue.ContainsKey).Select(k => catalogue[k]).ToList();
        var values = (await db.MetricWeekTotalsAsync(workspaceId, inputs.Select(m => m.Id).ToList(), kpi.ChannelIds, from.AddWeeks(-1).Key, asOf.Key))
            .ToDictionary(t => (t.MetricId, t.Week), t => t);
        var costs = definition.NeedsCost
            ? (await db.CostWeekTotalsAsync(workspaceId, kpi.ChannelIds, from.Key, asOf.Key)).ToDictionary(c => c.Week, c => (decimal?)c.Amount)
            : [];
        var valuesPerUnit = await db.MetricBusinessValues.AsNoTracking().Where(v => v.WorkspaceId == workspaceId)
            .Join(db.Metrics, v => v.MetricId, m => m.Id, (v, m) => new { m.Key, v.ValuePerUnit })
            .ToDictionaryAsync(v => v.Key, v => (decimal?)v.ValuePerUnit);

        decimal? ValueOf(Metric m, IsoWeek week) => values.TryGetValue((m.Id, week.Key), out var t)
            ? (decimal)(m.Aggregation == Aggregation.Average ? t.Average : t.Sum)
            : null;

        var points = new List<WeeklyPoint>();
        foreach (var week in IsoWeek.Range(from, asOf))
        {
            var result = definition.Compute(new FormulaInputs
            {
                Values = inputs.ToDictionary(m => m.Key, m => ValueOf(m, week)),
                StartValues = definition.NeedsStartValue ? inputs.ToDictionary(m => m.Key, m => ValueOf(m, week.AddWeeks(-1))) : [],
                Cost = costs.GetValueOrDefault(week.Key),
                ValuesPerUnit = valuesPerUnit,
            });
            if (result.Value is { } value)
            {
                points.Add(new WeeklyPoint(week, value));
            }
        }

        return points;
    }

    private static async Task<KpiContext> ContextAsync(SocialKpiDbContext db, int workspaceId, KpiDraft draft)
    {
        var objective = draft.ObjectiveId is { } objectiveId
            ? await db.Objectives.AsNoTracking().SingleOrDefaultAsync(o => o.Id == objectiveId && o.WorkspaceId == workspaceId)
            : null;
        var metric = draft.TrimmedMetricKey is { } key ? (await CatalogueAsync(db, workspaceId)).GetValueOrDefault(key) : null;
        var channelIds = draft.ChannelIds.Distinct().ToList();
        var known = channelIds.Count == 0
            ? []
            : await db.Channels.Where(c => c.WorkspaceId == workspaceId && channelIds.Contains(c.Id)).Select(c => c.Id).ToListAsync();
        return new KpiContext(objective, metric, known.ToHashSet());
    }

    private static Task<Kpi?> FindKpiAsync(SocialKpiDbContext db, int workspaceId, int kpiId) =>
        (from k in db.Kpis
         join o in db.Objectives on k.ObjectiveId equals o.Id
         where k.Id == kpiId && o.WorkspaceId == workspaceId
         select k).SingleOrDefaultAsync();

    /// <summary>Standard metrics, then the workspace's own; a custom key never shadows a standard one (as the API).</summary>
    private static async Task<Dictionary<string, Metric>> CatalogueAsync(SocialKpiDbContext db, int workspaceId)
    {
        var all = await db.Metrics.AsNoTracking()
            .Where(m => m.WorkspaceId == null || m.WorkspaceId == workspaceId)
            .OrderBy(m => m.WorkspaceId != null).ThenBy(m => m.Id)
            .ToListAsync();
        var byKey = new Dictionary<string, Metric>(StringComparer.Ordinal);
        foreach (var metric in all)
        {
            byKey.TryAdd(metric.Key, metric);
        }

        return byKey;
    }
}
