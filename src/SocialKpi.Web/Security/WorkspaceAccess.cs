using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Web.Security;

/// <summary>A workspace a user may open, with the role they hold there.</summary>
public sealed record WorkspaceGrant(Workspace Workspace, WorkspaceRole Role);

/// <summary>
/// The one place that decides who sees which workspace. Members see theirs with their role; administrators
/// see every workspace as owners; nobody else learns that a workspace exists.
/// </summary>
public sealed class WorkspaceAccess(IDbContextFactory<SocialKpiDbContext> dbFactory)
{
    public async Task<List<WorkspaceGrant>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId();
        if (userId is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (user.IsAdministrator())
        {
            return (await db.Workspaces.AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken))
                .Select(w => new WorkspaceGrant(w, WorkspaceRole.Owner)).ToList();
        }

        var grants = await (from m in db.WorkspaceMembers
                            join w in db.Workspaces on m.WorkspaceId equals w.Id
                            where m.UserId == userId
                            orderby w.Name
                            select new { Workspace = w, m.Role }).AsNoTracking().ToListAsync(cancellationToken);
        return grants.Select(g => new WorkspaceGrant(g.Workspace, g.Role)).ToList();
    }

    /// <summary>The user's role in the workspace; null when the workspace does not exist or is not theirs.</summary>
    public async Task<WorkspaceRole?> RoleAsync(ClaimsPrincipal user, int workspaceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId();
        if (userId is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (user.IsAdministrator())
        {
            return await db.Workspaces.AnyAsync(w => w.Id == workspaceId, cancellationToken) ? WorkspaceRole.Owner : null;
        }

        var member = await db.WorkspaceMembers.AsNoTracking()
            .SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken);
        return member?.Role;
    }
}
