using Microsoft.AspNetCore.Identity;

namespace SocialKpi.Data.Identity;

/// <summary>An account: ASP.NET Core Identity's user plus what SocialKpi needs to know about it.</summary>
public class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>"fr-FR" or "en-US": the language of the interface for this user.</summary>
    public string Language { get; set; } = "fr-FR";

    /// <summary>Administrators manage users and every workspace.</summary>
    public bool IsAdministrator { get; set; }

    /// <summary>A deactivated account can neither sign in nor use its tokens; its history stays.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
