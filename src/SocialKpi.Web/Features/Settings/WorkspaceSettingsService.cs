using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Settings;

public sealed record MemberRow(string UserId, string Email, string? DisplayName, WorkspaceRole Role);

/// <summary>What an outcome of a settings change was, as a resource key to show; null when it succeeded.</summary>
public sealed record SettingsResult(string? ErrorKey)
{
    public static readonly SettingsResult Ok = new((string?)null);

    public bool Succeeded => ErrorKey is null;
}

/// <summary>Workspace settings and members, for the workspace's owners (and administrators).</summary>
public sealed class WorkspaceSettingsService(IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access)
{
    public async Task<bool> IsOwnerAsync(ClaimsPrincipal user, int workspaceId) =>
        await access.RoleAsync(user, workspaceId) == WorkspaceRole.Owner;

    public async Task<List<MemberRow>> MembersAsync(ClaimsPrincipal user, int workspaceId)
    {
        if (await access.RoleAsync(user, workspaceId) is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await (from m in db.WorkspaceMembers
                          join u in db.Users on m.UserId equals u.Id
                          where m.WorkspaceId == workspaceId
                          orderby u.Email
                          select new { m.UserId, u.Email, u.DisplayName, m.Role }).AsNoTracking().ToListAsync();
        return rows.Select(r => new MemberRow(r.UserId, r.Email ?? "", r.DisplayName, r.Role)).ToList();
    }

    public async Task<SettingsResult> SaveWorkspaceAsync(ClaimsPrincipal user, int workspaceId, string name, string currency, string locale)
    {
        if (!await IsOwnerAsync(user, workspaceId))
        {
            return new("SettingsNotOwner");
        }

        name = name.Trim();
        currency = currency.Trim().ToUpperInvariant();
        if (name.Length is 0 or > 200)
        {
            return new("SettingsNameRequired");
        }

        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            return new("SettingsCurrencyInvalid");
        }

        if (!SupportedLocales.All.Contains(locale))
        {
            return new("SettingsLocaleInvalid");
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.Workspaces.AnyAsync(w => w.Name == name && w.Id != workspaceId))
        {
            return new("SettingsNameTaken");
        }

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == workspaceId);
        workspace.Name = name;
        workspace.Currency = currency;
        workspace.Locale = locale;
        await db.SaveChangesAsync();
        return SettingsResult.Ok;
    }

    /// <summary>Adds an existing account to the workspace, or changes its role if it is already a member.</summary>
    public async Task<SettingsResult> SetMemberAsync(ClaimsPrincipal user, int workspaceId, string email, WorkspaceRole role)
    {
        if (!await IsOwnerAsync(user, workspaceId))
        {
            return new("SettingsNotOwner");
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var normalized = email.Trim().ToUpperInvariant();
        var target = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized);
        if (target is null)
        {
            return new("MemberUnknownEmail");
        }

        var member = await db.WorkspaceMembers.SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == target.Id);
        if (member is null)
        {
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = target.Id, Role = role });
        }
        else
        {
            if (member.Role == WorkspaceRole.Owner && role != WorkspaceRole.Owner && await OwnersAsync(db, workspaceId) == 1)
            {
                return new("MemberLastOwner");
            }

            member.Role = role;
        }

        await db.SaveChangesAsync();
        return SettingsResult.Ok;
    }

    public async Task<SettingsResult> RemoveMemberAsync(ClaimsPrincipal user, int workspaceId, string userId)
    {
        if (!await IsOwnerAsync(user, workspaceId))
        {
            return new("SettingsNotOwner");
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var member = await db.WorkspaceMembers.SingleOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId);
        if (member is null)
        {
            return SettingsResult.Ok;
        }

        if (member.Role == WorkspaceRole.Owner && await OwnersAsync(db, workspaceId) == 1)
        {
            return new("MemberLastOwner");
        }

        db.WorkspaceMembers.Remove(member);
        await db.SaveChangesAsync();
        return SettingsResult.Ok;
    }

    private static async Task<int> OwnersAsync(SocialKpiDbContext db, int workspaceId) =>
        (await db.WorkspaceMembers.Where(m => m.WorkspaceId == workspaceId).Select(m => m.Role).ToListAsync())
            .Count(r => r == WorkspaceRole.Owner);
}
