using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SocialKpi.Web.Resources;

namespace SocialKpi.Web.Features.Account;

/// <summary>The fields of the forms that choose a password (setup, invitation, reset).</summary>
public sealed class PasswordForm
{
    public string? DisplayName { get; set; }

    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";

    /// <summary>A form sent back with an error never carries the passwords in the page.</summary>
    public void ClearPasswords()
    {
        Password = "";
        ConfirmPassword = "";
    }

    /// <summary>What is wrong with the form, in the user's language; empty when it can be submitted.</summary>
    public List<string> Validate(IStringLocalizer<Strings> text, bool needsEmail)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<string>();
        if (needsEmail && (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal) || Email.Trim().Length > 256))
        {
            errors.Add(text["ErrorEmail"]);
        }

        if (Password.Length < 10)
        {
            errors.Add(text["ErrorPasswordLength"]);
        }
        else if (Password != ConfirmPassword)
        {
            errors.Add(text["ErrorPasswordsDiffer"]);
        }

        return errors;
    }
}

/// <summary>Identity's errors in the user's language, for the codes a user can meet.</summary>
public static class IdentityErrorText
{
    public static string Describe(IdentityError error, IStringLocalizer<Strings> text)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(text);
        var localized = text["Identity" + error.Code];
        return localized.ResourceNotFound ? error.Description : localized.Value;
    }
}
