using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Progress;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Objectives;

namespace SocialKpi.Web.Api;

/// <summary>
/// KPIs with their computed progress as of a week: current value, attainment, status with its reason, trajectory and
/// forecast — computed by <see cref="ObjectiveProgressQuery"/> in a fixed number of queries, as the dashboard does.
/// </summary>
public static class KpisApi
{
    public static void MapKpisApi(this RouteGroupBuilder workspace)
    {
        var kpis = workspace.MapGroup("/kpis").WithTags("KPIs");

        kpis.MapGet("", ListAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithName("ListKpis")
            .WithSummary("The active KPIs of the active objectives (or of ?objective=id) with their computed progress")
            .WithDescription("Computed as of ?asOf=2026-W10 (default: the last complete week); reasons in ?lang=fr|en (default: the workspace's language).");

        kpis.MapGet("/{kpiId:int}", GetAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithName("GetKpi")
            .WithSummary("One KPI with its computed progress (none for an archived KPI or objective)");

        kpis.MapPost("", CreateAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("CreateKpi")
            .WithSummary("Add a KPI to an objective (editors)")
            .WithDescription("Give exactly one of metric (a metric key) or formula. Unit, aggregation and direction default to the metric's " +
                "or the formula's; the deadline to the objective's end; weight to 1; thresholds to 10 % and 25 %.");

        kpis.MapPut("/{kpiId:int}", UpdateAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("UpdateKpi")
            .WithSummary("Change a KPI (editors)");

        kpis.MapPost("/{kpiId:int}/archive", ArchiveAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("ArchiveKpi")
            .WithSummary("Archive a KPI (editors): it leaves its objective's progress");
    }

    /// <summary>The language and the week progress is computed for, from ?lang and ?asOf.</summary>
    internal static async Task<(string Locale, IsoWeek AsOf)> ReadViewOptionsAsync(
        SocialKpiDbContext db, int workspaceId, string? lang, string? asOf, TimeProvider clock, ValidationErrors errors,
        CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, cancellationToken);
        var locale = errors.Language(lang, workspace);
        var week = errors.Week("asOf", asOf, required: false) ?? LastCompleteWeek(clock);
        return (locale, week);
    }

    internal static IsoWeek LastCompleteWeek(TimeProvider clock) =>
        IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(clock.GetLocalNow().Date));

    internal static async Task<Dictionary<int, string>> MetricKeysAsync(SocialKpiDbContext db, int workspaceId, CancellationToken cancellationToken) =>
        await db.Metrics.AsNoTracking()
            .Where(m => m.WorkspaceId == null || m.WorkspaceId == workspaceId)
            .ToDictionaryAsync(m => m.Id, m => m.Key, cancellationToken);

    private static async Task<Results<Ok<List<KpiDto>>, ValidationProblem>> ListAsync(
        int workspaceId, int? objective, string? lang, string? asOf, SocialKpiDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (locale, week) = await ReadViewOptionsAsync(db, workspaceId, lang, asOf, clock, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var progress = await db.ObjectiveProgressAsync(workspaceId, week, objective, cancellationToken);
        var metricKeys = await MetricKeysAsync(db, workspaceId, cancellationToken);
        return TypedResults.Ok(progress.SelectMany(o => o.Kpis).Select(v => KpiDto.From(v.Kpi, v, metricKeys, locale)).ToList());
    }

    private static async Task<Results<Ok<KpiDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        int workspaceId, int kpiId, string? lang, string? asOf, SocialKpiDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (locale, week) = await ReadViewOptionsAsync(db, workspaceId, lang, asOf, clock, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var kpi = await LoadAsync(db, workspaceId, kpiId, week, locale, cancellationToken);
        return kpi is null ? NotFound() : TypedResults.Ok(kpi);
    }

    private static async Task<Results<Created<KpiDto>, ValidationProblem>> CreateAsync(
        int workspaceId, KpiInput input, SocialKpiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var kpi = new Kpi { Name = string.Empty };
        await ValidateAndApplyAsync(workspaceId, input, kpi, isNew: true, db, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        db.Kpis.Add(kpi);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/kpis/{kpi.Id}", await LoadAfterWriteAsync(db, workspaceId, kpi.Id, clock, cancellationToken));
    }

    private static async Task<Results<Ok<KpiDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int workspaceId, int kpiId, KpiInput input, SocialKpiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var kpi = await FindAsync(db, workspaceId, kpiId, cancellationToken);
        if (kpi is null)
        {
            return NotFound();
        }

        var errors = new ValidationErrors();
        await ValidateAndApplyAsync(workspaceId, input, kpi, isNew: false, db, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await LoadAfterWriteAsync(db, workspaceId, kpiId, clock, cancellationToken));
    }

    private static async Task<Results<Ok<KpiDto>, ProblemHttpResult>> ArchiveAsync(
        int workspaceId, int kpiId, SocialKpiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var kpi = await FindAsync(db, workspaceId, kpiId, cancellationToken);
        if (kpi is null)
        {
            return NotFound();
        }

        kpi.IsArchived = true;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await LoadAfterWriteAsync(db, workspaceId, kpiId, clock, cancellationToken));
    }

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound("The workspace has no KPI with this id.");

    private static Task<Kpi?> FindAsync(SocialKpiDbContext db, int workspaceId, int kpiId, CancellationToken cancellationToken) =>
        (from k in db.Kpis
         join o in db.Objectives on k.ObjectiveId equals o.Id
         where k.Id == kpiId && o.WorkspaceId == workspaceId
         select k).SingleOrDefaultAsync(cancellationToken);

    /// <summary>A KPI just written, with its progress as of the last complete week, in the workspace's language.</summary>
    private static async Task<KpiDto> LoadAfterWriteAsync(
        SocialKpiDbContext db, int workspaceId, int kpiId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, cancellationToken);
        return (await LoadAsync(db, workspaceId, kpiId, LastCompleteWeek(clock), workspace.Locale, cancellationToken))!;
    }

    /// <summary>One KPI of the workspace with its progress as of <paramref name="asOf"/> (none when it or its objective is archived).</summary>
    private static async Task<KpiDto?> LoadAsync(
        SocialKpiDbContext db, int workspaceId, int kpiId, IsoWeek asOf, string locale, CancellationToken cancellationToken)
    {
        var found = await (from k in db.Kpis.AsNoTracking()
                           join o in db.Objectives on k.ObjectiveId equals o.Id
                           where k.Id == kpiId && o.WorkspaceId == workspaceId
                           select new { Kpi = k, ObjectiveArchived = o.IsArchived }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var view = found.Kpi.IsArchived || found.ObjectiveArchived
            ? null
            : (await db.ObjectiveProgressAsync(workspaceId, asOf, found.Kpi.ObjectiveId, cancellationToken))
                .SelectMany(o => o.Kpis).FirstOrDefault(v => v.Kpi.Id == kpiId);
        return KpiDto.From(found.Kpi, view, await MetricKeysAsync(db, workspaceId, cancellationToken), locale);
    }

    /// <summary>Looks up what <see cref="KpiRules"/> needs in the workspace, then applies them.</summary>
    private static async Task ValidateAndApplyAsync(
        int workspaceId, KpiInput input, Kpi kpi, bool isNew, SocialKpiDbContext db, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var draft = input.ToDraft();
        var objective = draft.ObjectiveId is { } objectiveId
            ? await db.Objectives.AsNoTracking().SingleOrDefaultAsync(o => o.Id == objectiveId && o.WorkspaceId == workspaceId, cancellationToken)
            : null;
        var metric = draft.TrimmedMetricKey is { } key
            ? (await MetricsApi.CatalogueAsync(db, workspaceId, cancellationToken)).GetValueOrDefault(key)
            : null;
        var channelIds = draft.ChannelIds.Distinct().ToList();
        var known = channelIds.Count == 0
            ? []
            : await db.Channels.Where(c => c.WorkspaceId == workspaceId && channelIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        errors.AddAll(KpiRules.ValidateAndApply(draft, new KpiContext(objective, metric, known.ToHashSet()), kpi, isNew));
    }
}

/// <summary>
/// A KPI: its definition, then its progress as of <paramref name="AsOf"/> (null for an archived KPI or objective).
/// </summary>
/// <param name="Id">The KPI's id.</param>
/// <param name="ObjectiveId">The objective it measures.</param>
/// <param name="Name">Its name, as the reasons quote it.</param>
/// <param name="Weight">Relative weight in the objective's progress.</param>
/// <param name="Metric">The measured metric's key, when the KPI measures one metric.</param>
/// <param name="Formula">The formula, when the KPI measures a formula over metrics.</param>
/// <param name="FormulaKey">The named formula variant, e.g. "engagement-rate.by-reach".</param>
/// <param name="Baseline">The value at the objective's start (0 for a cumulative KPI, usually).</param>
/// <param name="Target">The value to reach by the deadline.</param>
/// <param name="Deadline">When the target must be reached.</param>
/// <param name="Direction">Whether more is better or less.</param>
/// <param name="Unit">The unit of its values.</param>
/// <param name="Aggregation">How weeks combine: Sum (cumulative), Last (a stock), Average (a rate, over 4 weeks).</param>
/// <param name="FunnelStage">Where it sits in the purchase funnel.</param>
/// <param name="ChannelIds">The channels it counts; empty means all.</param>
/// <param name="AmberThresholdPercent">Shortfall against the trajectory, in %, from which it is at risk.</param>
/// <param name="RedThresholdPercent">Shortfall against the trajectory, in %, from which it is off track.</param>
/// <param name="IsArchived">Archived KPIs have no progress.</param>
/// <param name="AsOf">The week the progress is computed for, e.g. "2026-W10".</param>
/// <param name="CurrentValue">The value as of that week: cumulative for sums, the latest for stocks, a 4-week mean for rates; null without data.</param>
/// <param name="Attainment">How far from baseline to target, capped to [0, 1].</param>
/// <param name="AttainmentUncapped">The same, uncapped (1.4 = 140 %).</param>
/// <param name="Status">OnTrack, AtRisk, OffTrack or NotComputable.</param>
/// <param name="Reason">The status in words, in the language asked for.</param>
/// <param name="Trajectory">Where the KPI should be at the end of the week, on the straight line from baseline to target.</param>
/// <param name="DeviationPercent">(current − trajectory) ÷ |trajectory| × 100.</param>
/// <param name="Forecast">The value expected at the deadline if the recent trend goes on; null when not computable.</param>
/// <param name="ForecastNote">Why there is no forecast, in the language asked for.</param>
public sealed record KpiDto(
    int Id,
    int ObjectiveId,
    string Name,
    decimal Weight,
    string? Metric,
    FormulaId? Formula,
    string? FormulaKey,
    decimal Baseline,
    decimal Target,
    DateOnly Deadline,
    Direction Direction,
    KpiUnit Unit,
    Aggregation Aggregation,
    FunnelStage? FunnelStage,
    IReadOnlyList<int> ChannelIds,
    decimal AmberThresholdPercent,
    decimal RedThresholdPercent,
    bool IsArchived,
    string? AsOf,
    decimal? CurrentValue,
    decimal? Attainment,
    decimal? AttainmentUncapped,
    KpiStatus? Status,
    string? Reason,
    decimal? Trajectory,
    decimal? DeviationPercent,
    decimal? Forecast,
    string? ForecastNote)
{
    public static KpiDto From(Kpi kpi, KpiProgressView? view, IReadOnlyDictionary<int, string> metricKeys, string locale)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(metricKeys);
        var progress = view?.Progress;
        return new KpiDto(
            kpi.Id,
            kpi.ObjectiveId,
            kpi.Name,
            kpi.Weight,
            kpi.MetricId is { } metricId ? metricKeys.GetValueOrDefault(metricId) : null,
            kpi.Formula,
            kpi.Formula is { } formula ? FormulaCatalog.Get(formula).Key : null,
            kpi.Baseline,
            kpi.Target,
            kpi.Deadline,
            kpi.Direction,
            kpi.Unit,
            kpi.Aggregation,
            kpi.FunnelStage,
            kpi.ChannelIds,
            kpi.AmberThresholdPercent,
            kpi.RedThresholdPercent,
            kpi.IsArchived,
            progress?.AsOf.ToString(),
            progress?.Current,
            progress?.Attainment?.Value,
            progress?.Attainment?.Uncapped,
            progress?.Status.Status,
            progress?.Status.Reason(locale),
            progress?.Status.Expected,
            progress?.Status.DeviationPercent,
            progress?.Forecast.Value,
            progress?.Forecast.NotComputable?.Describe(locale));
    }
}

/// <summary>
/// A KPI as created or changed. Give exactly one of <paramref name="Metric"/> (a metric key) or <paramref name="Formula"/>.
/// </summary>
public sealed record KpiInput(
    int? ObjectiveId,
    string? Name,
    decimal? Weight,
    string? Metric,
    FormulaId? Formula,
    decimal? Baseline,
    decimal? Target,
    DateOnly? Deadline,
    Direction? Direction,
    KpiUnit? Unit,
    Aggregation? Aggregation,
    FunnelStage? FunnelStage,
    IReadOnlyList<int>? ChannelIds,
    decimal? AmberThresholdPercent,
    decimal? RedThresholdPercent)
{
    internal KpiDraft ToDraft() => new()
    {
        ObjectiveId = ObjectiveId,
        Name = Name,
        Weight = Weight,
        MetricKey = Metric,
        Formula = Formula,
        Baseline = Baseline,
        Target = Target,
        Deadline = Deadline,
        Direction = Direction,
        Unit = Unit,
        Aggregation = Aggregation,
        FunnelStage = FunnelStage,
        ChannelIds = ChannelIds ?? [],
        AmberThresholdPercent = AmberThresholdPercent,
        RedThresholdPercent = RedThresholdPercent,
    };
}
