using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Objectives;
using SocialKpi.Domain.Progress;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Objectives;

namespace SocialKpi.Web.Api;

/// <summary>Objectives, each with its KPIs and its weighted progress as of a week.</summary>
public static class ObjectivesApi
{
    public static void MapObjectivesApi(this RouteGroupBuilder workspace)
    {
        var objectives = workspace.MapGroup("/objectives").WithTags("Objectives");

        objectives.MapGet("", ListAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithName("ListObjectives")
            .WithSummary("The active objectives with their KPIs and computed progress")
            .WithDescription("Computed as of ?asOf=2026-W10 (default: the last complete week); reasons in ?lang=fr|en (default: the workspace's language).");

        objectives.MapGet("/{objectiveId:int}", GetAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithName("GetObjective")
            .WithSummary("One objective with its KPIs and computed progress (none when archived)");

        objectives.MapPost("", CreateAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("CreateObjective")
            .WithSummary("Add an objective (editors); then add its KPIs with POST …/kpis");

        objectives.MapPut("/{objectiveId:int}", UpdateAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("UpdateObjective")
            .WithSummary("Change an objective (editors); its KPIs are changed through …/kpis");

        objectives.MapPost("/{objectiveId:int}/archive", ArchiveAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("ArchiveObjective")
            .WithSummary("Archive an objective (editors): it leaves the dashboard, its KPIs are kept");
    }

    private static async Task<Results<Ok<List<ObjectiveDto>>, ValidationProblem>> ListAsync(
        int workspaceId, string? lang, string? asOf, SocialKpiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (locale, week) = await KpisApi.ReadViewOptionsAsync(db, workspaceId, lang, asOf, clock, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var progress = await db.ObjectiveProgressAsync(workspaceId, week, cancellationToken: cancellationToken);
        var metricKeys = await KpisApi.MetricKeysAsync(db, workspaceId, cancellationToken);
        return TypedResults.Ok(progress.Select(view => ObjectiveDto.From(view.Objective, view, week, metricKeys, locale)).ToList());
    }

    private static async Task<Results<Ok<ObjectiveDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        int workspaceId, int objectiveId, string? lang, string? asOf, SocialKpiDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (locale, week) = await KpisApi.ReadViewOptionsAsync(db, workspaceId, lang, asOf, clock, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var objective = await LoadAsync(db, workspaceId, objectiveId, week, locale, cancellationToken);
        return objective is null ? NotFound() : TypedResults.Ok(objective);
    }

    private static async Task<Results<Created<ObjectiveDto>, ValidationProblem>> CreateAsync(
        int workspaceId, ObjectiveInput input, SocialKpiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var objective = new Objective { WorkspaceId = workspaceId, Name = string.Empty };
        input.ValidateAndApply(objective, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        db.Objectives.Add(objective);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/objectives/{objective.Id}",
            await LoadAfterWriteAsync(db, workspaceId, objective.Id, clock, cancellationToken));
    }

    private static async Task<Results<Ok<ObjectiveDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int workspaceId, int objectiveId, ObjectiveInput input, SocialKpiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Id == objectiveId && o.WorkspaceId == workspaceId, cancellationToken);
        if (objective is null)
        {
            return NotFound();
        }

        var errors = new ValidationErrors();
        input.ValidateAndApply(objective, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await LoadAfterWriteAsync(db, workspaceId, objectiveId, clock, cancellationToken));
    }

    private static async Task<Results<Ok<ObjectiveDto>, ProblemHttpResult>> ArchiveAsync(
        int workspaceId, int objectiveId, SocialKpiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var archived = await db.Objectives.Where(o => o.Id == objectiveId && o.WorkspaceId == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsArchived, true), cancellationToken);
        return archived == 0 ? NotFound() : TypedResults.Ok(await LoadAfterWriteAsync(db, workspaceId, objectiveId, clock, cancellationToken));
    }

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound("The workspace has no objective with this id.");

    private static async Task<ObjectiveDto> LoadAfterWriteAsync(
        SocialKpiDbContext db, int workspaceId, int objectiveId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, cancellationToken);
        return (await LoadAsync(db, workspaceId, objectiveId, KpisApi.LastCompleteWeek(clock), workspace.Locale, cancellationToken))!;
    }

    /// <summary>One objective with its KPIs; with their progress unless the objective is archived.</summary>
    private static async Task<ObjectiveDto?> LoadAsync(
        SocialKpiDbContext db, int workspaceId, int objectiveId, IsoWeek asOf, string locale, CancellationToken cancellationToken)
    {
        var metricKeys = await KpisApi.MetricKeysAsync(db, workspaceId, cancellationToken);
        var view = (await db.ObjectiveProgressAsync(workspaceId, asOf, objectiveId, cancellationToken)).SingleOrDefault();
        if (view is not null)
        {
            return ObjectiveDto.From(view.Objective, view, asOf, metricKeys, locale);
        }

        var objective = await db.Objectives.AsNoTracking()
            .Include(o => o.Kpis.Where(k => !k.IsArchived).OrderBy(k => k.Id))
            .SingleOrDefaultAsync(o => o.Id == objectiveId && o.WorkspaceId == workspaceId, cancellationToken);
        return objective is null ? null : ObjectiveDto.From(objective, null, asOf, metricKeys, locale);
    }
}

/// <summary>
/// An objective and its active KPIs. The progress fields (as of <paramref name="AsOf"/>) are null for an archived objective.
/// </summary>
/// <param name="Id">The objective's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Category">Trafic, Visibilite, Image, Notoriete or Custom.</param>
/// <param name="CustomCategory">The category's name when it is Custom.</param>
/// <param name="Family">Social or Financial, optional.</param>
/// <param name="Description">What it is about.</param>
/// <param name="StartDate">When its KPIs' trajectories start.</param>
/// <param name="EndDate">When it ends (the KPIs' default deadline).</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="IsArchived">Archived objectives have no progress.</param>
/// <param name="AsOf">The week the progress is computed for, e.g. "2026-W10".</param>
/// <param name="Attainment">Weighted mean of the KPIs' capped attainments, in [0, 1]; null when no KPI has data.</param>
/// <param name="Status">OnTrack, AtRisk, OffTrack or NotComputable.</param>
/// <param name="OnTrackCount">KPIs on track.</param>
/// <param name="AtRiskCount">KPIs at risk.</param>
/// <param name="OffTrackCount">KPIs off track.</param>
/// <param name="NotComputableCount">KPIs without data, left out of the attainment.</param>
/// <param name="Kpis">Its active KPIs.</param>
public sealed record ObjectiveDto(
    int Id,
    string Name,
    ObjectiveCategory Category,
    string? CustomCategory,
    ObjectiveFamily? Family,
    string? Description,
    DateOnly StartDate,
    DateOnly EndDate,
    string? Owner,
    bool IsArchived,
    string? AsOf,
    decimal? Attainment,
    KpiStatus? Status,
    int? OnTrackCount,
    int? AtRiskCount,
    int? OffTrackCount,
    int? NotComputableCount,
    IReadOnlyList<KpiDto> Kpis)
{
    public static ObjectiveDto From(
        Objective objective, ObjectiveProgressView? view, IsoWeek asOf, IReadOnlyDictionary<int, string> metricKeys, string locale)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var progress = view?.Progress;
        var kpis = view is not null
            ? view.Kpis.Select(k => KpiDto.From(k.Kpi, k, metricKeys, locale)).ToList()
            : objective.Kpis.Select(k => KpiDto.From(k, null, metricKeys, locale)).ToList();
        return new ObjectiveDto(
            objective.Id,
            objective.Name,
            objective.Category,
            objective.CustomCategory,
            objective.Family,
            objective.Description,
            objective.StartDate,
            objective.EndDate,
            objective.Owner,
            objective.IsArchived,
            view is null ? null : asOf.ToString(),
            progress?.Attainment,
            progress?.Status,
            progress?.OnTrackCount,
            progress?.AtRiskCount,
            progress?.OffTrackCount,
            progress?.NotComputableCount,
            kpis);
    }
}

/// <summary>An objective as created or changed. A custom category needs its name in <paramref name="CustomCategory"/>.</summary>
public sealed record ObjectiveInput(
    string? Name,
    ObjectiveCategory? Category,
    string? CustomCategory,
    ObjectiveFamily? Family,
    string? Description,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Owner)
{
    internal void ValidateAndApply(Objective objective, ValidationErrors errors) =>
        errors.AddAll(ObjectiveRules.ValidateAndApply(
            new ObjectiveDraft
            {
                Name = Name,
                Category = Category,
                CustomCategory = CustomCategory,
                Family = Family,
                Description = Description,
                StartDate = StartDate,
                EndDate = EndDate,
                Owner = Owner,
            },
            objective));
}

/// <summary>The shared rules' violations as the API's validation errors, in English.</summary>
internal static class RuleViolationsInApi
{
    public static void AddAll(this ValidationErrors errors, IEnumerable<RuleViolation> violations)
    {
        foreach (var violation in violations)
        {
            errors.Add(violation.Field, violation.EnglishMessage());
        }
    }
}
