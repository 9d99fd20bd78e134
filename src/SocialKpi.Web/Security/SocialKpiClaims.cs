using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialKpi.Data.Identity;

namespace SocialKpi.Web.Security;

/// <summary>The claims SocialKpi adds to Identity's: administrator, display name, language.</summary>
public static class SocialKpiClaims
{
    public const string Administrator = "socialkpi:admin";
    public const string DisplayName = "socialkpi:name";
    public const string Language = "socialkpi:lang";

    public const string AdministratorPolicy = "Administrator";

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.HasClaim(Administrator, "true");

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string Name(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "?";
}

internal sealed class SocialKpiClaimsPrincipalFactory(UserManager<ApplicationUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SocialKpiClaims.Language, user.Language));
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(SocialKpiClaims.DisplayName, user.DisplayName));
        }

        if (user.IsAdministrator)
        {
            identity.AddClaim(new Claim(SocialKpiClaims.Administrator, "true"));
        }

        return identity;
    }
}
