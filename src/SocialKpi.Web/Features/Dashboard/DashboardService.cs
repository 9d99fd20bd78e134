using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Web.Features.Dashboard;

/// <summary>What the dashboard shows: a workspace, the last complete week and its objectives' progress.</summary>
public sealed record DashboardData(
    Workspace Workspace,
    IReadOnlyList<Workspace> Workspaces,
    IsoWeek AsOf,
    IReadOnlyList<ObjectiveProgressView> Objectives,
    IReadOnlyDictionary<int, string> ChannelNames,
    IReadOnlyDictionary<int, Metric> Metrics);

public sealed class DashboardService(IDbContextFactory<SocialKpiDbContext> dbFactory, TimeProvider clock)
{
    public IsoWeek LastCompleteWeek => IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(clock.GetLocalNow().Date));

    /// <summary>The dashboard of <paramref name="workspaceId"/>, or of the first workspace; null when there is none.</summary>
    public async Task<DashboardData?> LoadAsync(int? workspaceId, int? objectiveId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var workspaces = await db.Workspaces.AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
        var workspace = workspaces.Find(w => w.Id == workspaceId) ?? workspaces.FirstOrDefault();
        if (workspace is null)
        {
            return null;
        }

        var asOf = LastCompleteWeek;
        var objectives = await db.ObjectiveProgressAsync(workspace.Id, asOf, objectiveId, cancellationToken);
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspace.Id)
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var metrics = await db.Metrics.AsNoTracking().Where(m => m.WorkspaceId == null || m.WorkspaceId == workspace.Id)
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        return new DashboardData(workspace, workspaces, asOf, objectives, channels, metrics);
    }
}
