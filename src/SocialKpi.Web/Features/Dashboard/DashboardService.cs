using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Dashboard;

/// <summary>What the dashboard shows: a workspace, the last complete week and its objectives' progress.</summary>
public sealed record DashboardData(
    Workspace Workspace,
    WorkspaceRole Role,
    IReadOnlyList<WorkspaceGrant> Workspaces,
    IsoWeek AsOf,
    IReadOnlyList<ObjectiveProgressView> Objectives,
    IReadOnlyDictionary<int, string> ChannelNames,
    IReadOnlyDictionary<int, Metric> Metrics);

public sealed class DashboardService(IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access, TimeProvider clock)
{
    public IsoWeek LastCompleteWeek => IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(clock.GetLocalNow().Date));

    /// <summary>
    /// The dashboard of <paramref name="workspaceId"/> if the user may see it, else of the first workspace they may
    /// see; null when they may see none.
    /// </summary>
    public async Task<DashboardData?> LoadAsync(ClaimsPrincipal user, int? workspaceId, int? objectiveId = null, CancellationToken cancellationToken = default)
    {
        var workspaces = await access.VisibleAsync(user, cancellationToken);
        var grant = workspaces.Find(g => g.Workspace.Id == workspaceId) ?? workspaces.FirstOrDefault();
        if (grant is null)
        {
            return null;
        }

        var workspace = grant.Workspace;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var asOf = LastCompleteWeek;
        var objectives = await db.ObjectiveProgressAsync(workspace.Id, asOf, objectiveId, cancellationToken);
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspace.Id)
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var metrics = await db.Metrics.AsNoTracking().Where(m => m.WorkspaceId == null || m.WorkspaceId == workspace.Id)
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        return new DashboardData(workspace, grant.Role, workspaces, asOf, objectives, channels, metrics);
    }
}
