using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Identity;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Account;

/// <summary>Accounts' life: the first administrator, invitations, password resets, deactivation.</summary>
public sealed partial class AccountService(
    UserManager<ApplicationUser> users,
    IDbContextFactory<SocialKpiDbContext> dbFactory,
    SetupState setup,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    private static readonly SemaphoreSlim FirstAdministratorLock = new(1, 1);

    /// <summary>
    /// Creates the first administrator, only while no account exists, and gives them every workspace that has
    /// no member yet (the demo workspace on a fresh install).
    /// </summary>
    public async Task<IdentityResult> CreateFirstAdministratorAsync(string email, string password, string? displayName, bool fromConfiguration = false)
    {
        await FirstAdministratorLock.WaitAsync();
        try
        {
            if (await users.Users.AnyAsync())
            {
                return IdentityResult.Failed(new IdentityError { Code = "SetupDone", Description = "An administrator already exists." });
            }

            var admin = new ApplicationUser
            {
                UserName = email.Trim(),
                Email = email.Trim(),
                DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
                IsAdministrator = true,
                EmailConfirmed = true,
            };
            var result = await users.CreateAsync(admin, password);
            if (!result.Succeeded)
            {
                return result;
            }

            await using var db = await dbFactory.CreateDbContextAsync();
            var unowned = await db.Workspaces.Where(w => !db.WorkspaceMembers.Any(m => m.WorkspaceId == w.Id)).Select(w => w.Id).ToListAsync();
            db.WorkspaceMembers.AddRange(unowned.Select(id => new WorkspaceMember { WorkspaceId = id, UserId = admin.Id, Role = WorkspaceRole.Owner }));
            await db.SaveChangesAsync();
            setup.MarkDone();
            if (!fromConfiguration)
            {
                LogSetUp(logger, admin.Email);
            }

            return result;
        }
        finally
        {
            FirstAdministratorLock.Release();
        }
    }

    /// <summary>
    /// For unattended installs: when no account exists and SocialKpi:BootstrapAdmin:Email and :Password are set,
    /// creates the first administrator from them. Says in the log which way the install went.
    /// </summary>
    public async Task BootstrapAsync(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (await users.Users.AnyAsync())
        {
            setup.MarkDone();
            return;
        }

        var email = configuration["SocialKpi:BootstrapAdmin:Email"];
        var password = configuration["SocialKpi:BootstrapAdmin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            LogAwaitingSetup(logger);
            return;
        }

        var result = await CreateFirstAdministratorAsync(email, password, configuration["SocialKpi:BootstrapAdmin:DisplayName"], fromConfiguration: true);
        if (result.Succeeded)
        {
            LogBootstrapped(logger, email);
        }
        else
        {
            LogBootstrapFailed(logger, email, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Creates a one-time invitation and returns its secret, to be put in the link shown to the administrator.</summary>
    public async Task<string> InviteAsync(string invitedBy, string email, int? workspaceId, WorkspaceRole role)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Invitations.Add(new Invitation
        {
            Email = email.Trim(),
            Hash = PersonalAccessTokens.Hash(secret),
            WorkspaceId = workspaceId,
            Role = role,
            InvitedBy = invitedBy,
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = clock.GetUtcNow() + InvitationLifetime,
        });
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>The pending invitation behind a link; null when unknown, used or expired.</summary>
    public async Task<Invitation?> FindInvitationAsync(string secret)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var hash = PersonalAccessTokens.Hash(secret);
        var now = clock.GetUtcNow();
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Hash == hash && i.UsedAt == null);
        return invitation is not null && invitation.ExpiresAt > now ? invitation : null;
    }

    /// <summary>Creates the invited account (and its membership); the invitation cannot be used again.</summary>
    public async Task<IdentityResult> AcceptInvitationAsync(string secret, string password, string? displayName)
    {
        var invitation = await FindInvitationAsync(secret);
        if (invitation is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvitationInvalid", Description = "This invitation link is unknown, already used or expired." });
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        // Claim the invitation first: a second submission of the same link finds nothing to claim.
        var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, clock.GetUtcNow()));
        if (claimed == 0)
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvitationInvalid", Description = "This invitation link is unknown, already used or expired." });
        }

        var user = new ApplicationUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            // Give the link back so the invited person can try again with a valid password.
            await db.Invitations.Where(i => i.Id == invitation.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, (DateTimeOffset?)null));
            return result;
        }

        if (invitation.WorkspaceId is { } workspaceId)
        {
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = user.Id, Role = invitation.Role });
            await db.SaveChangesAsync();
        }

        return result;
    }

    /// <summary>A password-reset token for the link an administrator gives to a user who forgot their password.</summary>
    public async Task<string?> CreatePasswordResetAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null ? null : await users.GeneratePasswordResetTokenAsync(user);
    }

    public async Task<IdentityResult> ResetPasswordAsync(string userId, string token, string password)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "This reset link is invalid or has expired." })
            : await users.ResetPasswordAsync(user, token, password);
    }

    /// <summary>Deactivates or reactivates an account; a deactivated one is signed out within a minute and its tokens stop working.</summary>
    public async Task<bool> SetActiveAsync(string userId, bool active)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        user.IsActive = active;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No account exists yet: open /setup in a browser to create the first administrator, or set SocialKpi:BootstrapAdmin:Email and :Password")]
    private static partial void LogAwaitingSetup(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator {Email} through the /setup page")]
    private static partial void LogSetUp(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator {Email} from configuration (SocialKpi:BootstrapAdmin)")]
    private static partial void LogBootstrapped(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not create the administrator {Email} from configuration: {Errors}")]
    private static partial void LogBootstrapFailed(ILogger logger, string email, string errors);
}
