using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Web.Features.Admin;

/// <summary>One account as the administrator's list shows it.</summary>
public sealed record UserRow(
    string Id, string Email, string? DisplayName, bool IsAdministrator, bool IsActive, bool IsLockedOut,
    DateTimeOffset CreatedAt, IReadOnlyList<(string Name, WorkspaceRole Role)> Workspaces);

/// <summary>A pending invitation.</summary>
public sealed record InvitationRow(int Id, string Email, string? Workspace, WorkspaceRole Role, DateTimeOffset ExpiresAt);

public sealed class UsersAdminService(IDbContextFactory<SocialKpiDbContext> dbFactory, TimeProvider clock)
{
    public async Task<List<UserRow>> ListAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var memberships = (await (from m in db.WorkspaceMembers
                                  join w in db.Workspaces on m.WorkspaceId equals w.Id
                                  select new { m.UserId, w.Name, m.Role }).ToListAsync())
            .ToLookup(m => m.UserId);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.DisplayName, u.IsAdministrator, u.IsActive, u.LockoutEnd > now, u.CreatedAt,
            memberships[u.Id].Select(m => (m.Name, m.Role)).ToList())).ToList();
    }

    public async Task<List<InvitationRow>> PendingInvitationsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var rows = await (from i in db.Invitations
                          where i.UsedAt == null
                          join w in db.Workspaces on i.WorkspaceId equals w.Id into ws
                          from w in ws.DefaultIfEmpty()
                          select new { i.Id, i.Email, Workspace = w == null ? null : w.Name, i.Role, i.ExpiresAt }).AsNoTracking().ToListAsync();
        // Expiry is compared in memory: SQLite stores DateTimeOffset as text, which does not order across offsets.
        return rows.Where(r => r.ExpiresAt > now).OrderBy(r => r.Email)
            .Select(r => new InvitationRow(r.Id, r.Email, r.Workspace, r.Role, r.ExpiresAt)).ToList();
    }

    public async Task<bool> EmailTakenAsync(string email)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var normalized = email.Trim().ToUpperInvariant();
        return await db.Users.AnyAsync(u => u.NormalizedEmail == normalized);
    }

    public async Task<List<Workspace>> WorkspacesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Workspaces.AsNoTracking().OrderBy(w => w.Name).ToListAsync();
    }

    public async Task CancelInvitationAsync(int invitationId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Invitations.Where(i => i.Id == invitationId).ExecuteDeleteAsync();
    }
}
