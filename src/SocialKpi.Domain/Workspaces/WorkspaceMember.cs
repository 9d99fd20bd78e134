namespace SocialKpi.Domain.Workspaces;

/// <summary>A user's membership of a workspace, with one role.</summary>
public class WorkspaceMember
{
    public int WorkspaceId { get; set; }

    /// <summary>The account's identifier (an ASP.NET Core Identity user id).</summary>
    public required string UserId { get; set; }

    public WorkspaceRole Role { get; set; } = WorkspaceRole.Viewer;
}

/// <summary>What a member may do in a workspace. Each role includes the ones before it.</summary>
public enum WorkspaceRole
{
    /// <summary>Managers: dashboards, reports, comments.</summary>
    Viewer = 1,
    /// <summary>Community managers: objectives, KPIs, weekly figures, costs, annotations, imports.</summary>
    Editor = 2,
    /// <summary>Members and workspace settings.</summary>
    Owner = 3,
}
