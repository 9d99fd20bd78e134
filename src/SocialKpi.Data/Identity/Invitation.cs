using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Identity;

/// <summary>
/// A one-time link an administrator gives to a new user (no mail server needed). Only the hash of its secret is
/// stored; it expires and can be used once.
/// </summary>
public class Invitation
{
    public int Id { get; set; }

    public required string Email { get; set; }

    public required string Hash { get; set; }

    /// <summary>The workspace the new user joins, if any, and with which role.</summary>
    public int? WorkspaceId { get; set; }

    public WorkspaceRole Role { get; set; } = WorkspaceRole.Viewer;

    public required string InvitedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
