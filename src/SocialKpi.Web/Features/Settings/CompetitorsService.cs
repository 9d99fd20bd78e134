using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Objectives;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Settings;

/// <summary>The rivals of a workspace, as the settings page manages them (editors), with the API's rules.</summary>
public sealed class CompetitorsService(IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access, TimeProvider clock)
{
    private static readonly RuleViolations EditorsOnly = [new RuleViolation("", "RuleEditorsOnly")];

    public async Task<List<Competitor>> ListAsync(int workspaceId, bool includeArchived)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Competitors.AsNoTracking().Include(c => c.Accounts)
            .Where(c => c.WorkspaceId == workspaceId && (includeArchived || !c.IsArchived))
            .OrderBy(c => c.IsArchived).ThenBy(c => c.Name).ToListAsync();
    }

    /// <summary>
    /// Adds a rival (when <paramref name="competitorId"/> is null) or changes one read at <paramref name="version"/>:
    /// a change made in between is reported, not overwritten.
    /// </summary>
    public async Task<RuleViolations> SaveAsync(ClaimsPrincipal user, int workspaceId, int? competitorId, int version, CompetitorDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await access.RoleAsync(user, workspaceId) < WorkspaceRole.Editor)
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var otherNames = await db.Competitors.Where(c => c.WorkspaceId == workspaceId && c.Id != competitorId).Select(c => c.Name).ToListAsync();
        var channels = await db.Channels.Where(c => c.WorkspaceId == workspaceId).Select(c => c.Id).ToListAsync();
        var errors = CompetitorRules.Validate(draft, otherNames.Contains, channels.Contains);
        if (errors.Count > 0)
        {
            return errors;
        }

        var competitor = competitorId is { } id
            ? await db.Competitors.Include(c => c.Accounts).SingleOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId)
            : null;
        if (competitorId is not null && (competitor is null || competitor.Version != version))
        {
            return [new RuleViolation("", "RuleCompetitorChangedMeanwhile")];
        }

        if (competitor is null)
        {
            competitor = new Competitor
            {
                WorkspaceId = workspaceId,
                Name = string.Empty,
                TrackedFromWeek = Domain.Calendar.IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(clock.GetLocalNow().Date)).Key,
            };
            db.Competitors.Add(competitor);
        }

        CompetitorRules.Apply(draft, competitor);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return [new RuleViolation("", "RuleCompetitorChangedMeanwhile")];
        }

        return errors;
    }

    public async Task<RuleViolations> SetArchivedAsync(ClaimsPrincipal user, int workspaceId, int competitorId, bool archived)
    {
        if (await access.RoleAsync(user, workspaceId) < WorkspaceRole.Editor)
        {
            return EditorsOnly;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Competitors.Where(c => c.Id == competitorId && c.WorkspaceId == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsArchived, archived).SetProperty(c => c.Version, c => c.Version + 1));
        return [];
    }
}
