using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Components.Shared;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Dashboard;

/// <summary>What the dashboard shows: a workspace, the week evaluated and its objectives' progress.</summary>
public sealed record DashboardData(
    Workspace Workspace,
    WorkspaceRole Role,
    IReadOnlyList<WorkspaceGrant> Workspaces,
    IsoWeek AsOf,
    IReadOnlyList<ObjectiveProgressView> Objectives,
    IReadOnlyDictionary<int, string> ChannelNames,
    IReadOnlyDictionary<int, Metric> Metrics)
{
    /// <summary>The period chosen on the dashboard; null on pages that show the last complete week.</summary>
    public WeekRange? Period { get; init; }

    /// <summary>The headline figures, on the home dashboard only.</summary>
    public HeadlineFiguresView? Headlines { get; init; }

    /// <summary>KPIs that turned red since the previous period, on the home dashboard only.</summary>
    public IReadOnlyList<KpiAlert> Alerts { get; init; } = [];

    /// <summary>The workspace's channels in their list order (archived ones included, for past figures).</summary>
    public IReadOnlyList<Channel> Channels { get; init; } = [];

    /// <summary>Each channel's colour, the same on every chart (<see cref="ChannelColors"/>).</summary>
    public IReadOnlyDictionary<int, string> ChannelColours => ChannelColors.OnScreen(Channels);
}

/// <summary>Which data a page needs on top of the workspace.</summary>
/// <param name="ObjectiveId">Only this objective.</param>
/// <param name="Period">Evaluate objectives at the end of this period (else the last complete week).</param>
/// <param name="Home">Also load the headline figures and alerts of <paramref name="Period"/>.</param>
/// <param name="WithObjectives">False on pages that show no objective (the channel page).</param>
public sealed record DashboardRequest(int? ObjectiveId = null, WeekRange? Period = null, bool Home = false, bool WithObjectives = true);

public sealed class DashboardService(IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public IsoWeek LastCompleteWeek => IsoWeek.LastCompleteWeek(Today);

    /// <summary>
    /// The dashboard of <paramref name="workspaceId"/> if the user may see it, else of the first workspace they may
    /// see; null when they may see none.
    /// </summary>
    public Task<DashboardData?> LoadAsync(ClaimsPrincipal user, int? workspaceId, int? objectiveId = null, CancellationToken cancellationToken = default) =>
        LoadAsync(user, workspaceId, new DashboardRequest(objectiveId), cancellationToken);

    public async Task<DashboardData?> LoadAsync(ClaimsPrincipal user, int? workspaceId, DashboardRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workspaces = await access.VisibleAsync(user, cancellationToken);
        var grant = workspaces.Find(g => g.Workspace.Id == workspaceId) ?? workspaces.FirstOrDefault();
        if (grant is null)
        {
            return null;
        }

        var workspace = grant.Workspace;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var asOf = request.Period?.To ?? LastCompleteWeek;
        IReadOnlyList<ObjectiveProgressView> objectives;
        HeadlineFiguresView? headlines = null;
        IReadOnlyList<KpiAlert> alerts = [];
        if (request.Home && request.Period is { } period)
        {
            var home = await db.HomeDashboardAsync(workspace.Id, period, cancellationToken);
            (objectives, headlines, alerts) = (home.Objectives, home.Headlines, home.Alerts);
        }
        else if (!request.WithObjectives)
        {
            objectives = [];
        }
        else
        {
            objectives = await db.ObjectiveProgressAsync(workspace.Id, asOf, request.ObjectiveId, cancellationToken);
        }

        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspace.Id)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var metrics = await db.Metrics.AsNoTracking().Where(m => m.WorkspaceId == null || m.WorkspaceId == workspace.Id)
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        return new DashboardData(workspace, grant.Role, workspaces, asOf, objectives, channels.ToDictionary(c => c.Id, c => c.Name), metrics)
        {
            Period = request.Period,
            Headlines = headlines,
            Alerts = alerts,
            Channels = channels,
        };
    }
}
