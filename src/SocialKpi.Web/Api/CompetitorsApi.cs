using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Workspaces;

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

    /// <summary>Checks every field (each mistake named) and, when all are right, writes them on the rival.</summary>
    private static async Task ValidateAndApplyAsync(
        int workspaceId, int? competitorId, CompetitorInput input, Competitor competitor, IsoWeek defaultTrackedFrom,
        SocialKpiDbContext db, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var name = errors.RequiredText("name", input.Name, 100);
        if (name is not null && await db.Competitors.AnyAsync(
                c => c.WorkspaceId == workspaceId && c.Id != competitorId && c.Name == name, cancellationToken))
        {
            errors.Add("name", $"The workspace already tracks a rival named '{name}'.");
        }

        var logo = errors.OptionalText("logoUrl", input.LogoUrl, 500);
        if (logo is not null && !(Uri.TryCreate(logo, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add("logoUrl", $"'{logo}' is not a web address: write it in full, e.g. https://example.fr/logo.png.");
        }

        var notes = errors.OptionalText("notes", input.Notes, 2000);
        var trackedFrom = errors.Week("trackedFrom", input.TrackedFrom, required: false) ?? defaultTrackedFrom;
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).Select(c => c.Id).ToListAsync(cancellationToken);
        var accounts = new List<CompetitorAccount>();
        var accountInputs = input.Accounts ?? [];
        for (var i = 0; i < accountInputs.Count; i++)
        {
            var at = $"accounts[{i}]";
            var account = accountInputs[i];
            if (account is null)
            {
                errors.Add(at, "An account is an object: {\"channelId\": 1, \"handle\": \"@rival\"}.");
                continue;
            }

            var handle = errors.RequiredText($"{at}.handle", account.Handle, 300);
            if (errors.Required($"{at}.channelId", account.ChannelId) is not { } channelId)
            {
                continue;
            }

            if (!channels.Contains(channelId))
            {
                errors.Add($"{at}.channelId", $"The workspace has no channel {channelId}.");
            }
            else if (accounts.Exists(a => a.ChannelId == channelId))
            {
                errors.Add($"{at}.channelId", $"Channel {channelId} is given twice: one account per channel.");
            }
            else if (handle is not null)
            {
                accounts.Add(new CompetitorAccount { ChannelId = channelId, Handle = handle });
            }
        }

        if (errors.Any)
        {
            return;
        }

        competitor.Name = name!;
        competitor.LogoUrl = logo;
        competitor.Notes = notes;
        competitor.TrackedFromWeek = trackedFrom.Key;

        // Accounts are replaced as a whole, keeping the rows of the channels that stay.
        competitor.Accounts.RemoveAll(a => !accounts.Exists(n => n.ChannelId == a.ChannelId));
        foreach (var account in accounts)
        {
            if (competitor.Accounts.Find(a => a.ChannelId == account.ChannelId) is { } kept)
            {
                kept.Handle = account.Handle;
            }
            else
            {
                competitor.Accounts.Add(account);
            }
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
