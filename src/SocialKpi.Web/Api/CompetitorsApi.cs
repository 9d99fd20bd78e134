using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Settings;

namespace SocialKpi.Web.Api;

/// <summary>A workspace's rivals: the brands it benchmarks itself against (issue 9, social proof).</summary>
public static class CompetitorsApi
{
    public static void MapCompetitorsApi(this RouteGroupBuilder workspace)
    {
        var competitors = workspace.MapGroup("/competitors").WithTags("Competitors");

        competitors.MapGet("", ListAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithName("ListCompetitors")
            .WithSummary("The workspace's rivals with their accounts; archived ones only with ?includeArchived=true");

        competitors.MapPost("", CreateAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("CreateCompetitor")
            .WithSummary("Add a rival (editors); trackedFrom defaults to the last complete week");

        competitors.MapPut("/{competitorId:int}", UpdateAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("UpdateCompetitor")
            .WithSummary("Change a rival (editors); send the version read to be refused with 409 if someone changed it in between")
            .ProducesProblem(StatusCodes.Status409Conflict);

        competitors.MapPost("/{competitorId:int}/archive", (int workspaceId, int competitorId, SocialKpiDbContext db, CancellationToken ct) =>
                SetArchivedAsync(workspaceId, competitorId, archived: true, db, ct))
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("ArchiveCompetitor")
            .WithSummary("Archive a rival (editors): left out of benchmarks and entry, its figures are kept");

        competitors.MapPost("/{competitorId:int}/restore", (int workspaceId, int competitorId, SocialKpiDbContext db, CancellationToken ct) =>
                SetArchivedAsync(workspaceId, competitorId, archived: false, db, ct))
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("RestoreCompetitor")
            .WithSummary("Bring an archived rival back (editors)");

        competitors.MapCompetitorFiguresApi();
    }

    private static async Task<Ok<List<CompetitorDto>>> ListAsync(
        int workspaceId, bool? includeArchived, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Competitors.AsNoTracking().Include(c => c.Accounts).Where(c => c.WorkspaceId == workspaceId);
        if (includeArchived != true)
        {
            query = query.Where(c => !c.IsArchived);
        }

        var list = await query.OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(CompetitorDto.From).ToList());
    }

    private static async Task<Results<Created<CompetitorDto>, ValidationProblem>> CreateAsync(
        int workspaceId, CompetitorInput input, SocialKpiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var competitor = new Competitor { WorkspaceId = workspaceId, Name = string.Empty };
        await ValidateAndApplyAsync(workspaceId, null, input, competitor, KpisApi.LastCompleteWeek(clock), db, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        db.Competitors.Add(competitor);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/competitors/{competitor.Id}", CompetitorDto.From(competitor));
    }

    private static async Task<Results<Ok<CompetitorDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int workspaceId, int competitorId, CompetitorInput input, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var competitor = await FindAsync(db, workspaceId, competitorId, cancellationToken);
        if (competitor is null)
        {
            return NotFound();
        }

        if (input.Version is { } sent && sent != competitor.Version)
        {
            return ApiProblems.Conflict(
                $"The rival changed since you read it (version {competitor.Version}, you sent {sent}); nothing was written.",
                new Dictionary<string, object?> { ["stored"] = CompetitorDto.From(competitor), ["sent"] = input });
        }

        var errors = new ValidationErrors();
        await ValidateAndApplyAsync(workspaceId, competitorId, input, competitor, IsoWeek.FromKey(competitor.TrackedFromWeek), db, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return BulkUpsert.ChangedWhileWriting();
        }

        return TypedResults.Ok(CompetitorDto.From(competitor));
    }

    private static async Task<Results<Ok<CompetitorDto>, ProblemHttpResult>> SetArchivedAsync(
        int workspaceId, int competitorId, bool archived, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var competitor = await FindAsync(db, workspaceId, competitorId, cancellationToken);
        if (competitor is null)
        {
            return NotFound();
        }

        competitor.IsArchived = archived;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CompetitorDto.From(competitor));
    }

    private static Task<Competitor?> FindAsync(SocialKpiDbContext db, int workspaceId, int competitorId, CancellationToken cancellationToken) =>
        db.Competitors.Include(c => c.Accounts).SingleOrDefaultAsync(c => c.Id == competitorId && c.WorkspaceId == workspaceId, cancellationToken);

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound("The workspace has no rival with this id.");

    /// <summary>Checks every field (each mistake named, with the settings page's rules) and, when all are right, writes them on the rival.</summary>
    private static async Task ValidateAndApplyAsync(
        int workspaceId, int? competitorId, CompetitorInput input, Competitor competitor, IsoWeek defaultTrackedFrom,
        SocialKpiDbContext db, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var otherNames = await db.Competitors.Where(c => c.WorkspaceId == workspaceId && c.Id != competitorId).Select(c => c.Name).ToListAsync(cancellationToken);
        var channels = await db.Channels.Where(c => c.WorkspaceId == workspaceId).Select(c => c.Id).ToListAsync(cancellationToken);
        var draft = new CompetitorDraft
        {
            Name = input.Name,
            LogoUrl = input.LogoUrl,
            Notes = input.Notes,
            TrackedFrom = errors.Week("trackedFrom", input.TrackedFrom, required: false) ?? defaultTrackedFrom,
            Accounts = (input.Accounts ?? []).Select(a => new CompetitorAccountDraft(a?.ChannelId, a?.Handle)).ToList(),
        };
        errors.AddAll(CompetitorRules.Validate(draft, otherNames.Contains, channels.Contains));
        if (!errors.Any)
        {
            CompetitorRules.Apply(draft, competitor);
        }
    }
}

/// <summary>A rival with its accounts. <paramref name="Version"/> goes back with a change.</summary>
public sealed record CompetitorDto(
    int Id, string Name, string? LogoUrl, string? Notes, string TrackedFrom, bool IsArchived, IReadOnlyList<CompetitorAccountDto> Accounts, int Version)
{
    public static CompetitorDto From(Competitor competitor)
    {
        ArgumentNullException.ThrowIfNull(competitor);
        return new(competitor.Id, competitor.Name, competitor.LogoUrl, competitor.Notes, ApiFormat.Week(competitor.TrackedFromWeek),
            competitor.IsArchived, [.. competitor.Accounts.OrderBy(a => a.ChannelId).Select(a => new CompetitorAccountDto(a.ChannelId, a.Handle))],
            competitor.Version);
    }
}

/// <summary>A rival's account on one channel of the workspace: a handle (@rival) or a URL.</summary>
public sealed record CompetitorAccountDto(int? ChannelId, string? Handle);

/// <summary>
/// A rival as created or changed. <paramref name="TrackedFrom"/> (2026-W05): the first week it is compared, by default the
/// last complete week at creation. <paramref name="Accounts"/> replaces the rival's accounts. <paramref name="Version"/>: the
/// version read, to be refused with 409 if it changed in between (leave it out to overwrite).
/// </summary>
public sealed record CompetitorInput(
    string? Name, string? LogoUrl, string? Notes, string? TrackedFrom, IReadOnlyList<CompetitorAccountDto?>? Accounts, int? Version);
