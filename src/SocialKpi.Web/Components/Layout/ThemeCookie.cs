namespace SocialKpi.Web.Components.Layout;

/// <summary>How the user wants the app to look: like the device (the default), always light or always dark.</summary>
public enum ThemeChoice
{
    System,
    Light,
    Dark,
}

/// <summary>
/// The theme choice lives in a cookie (not the database) so the very first server render of any page, the sign-in page
/// included, already carries the right stylesheets: no flash of the wrong theme. theme.js writes the same cookie when the
/// switch is used on a live page, so the value is a plain lower-case word readable by script.
/// </summary>
public static class ThemeCookie
{
    public const string Name = "SocialKpi.Theme";

    public static ThemeChoice Read(IRequestCookieCollection cookies)
    {
        ArgumentNullException.ThrowIfNull(cookies);
        return Parse(cookies[Name]) ?? ThemeChoice.System;
    }

    /// <summary>The choice a cookie or URL word names, or null when it names none (the word is case-insensitive).</summary>
    public static ThemeChoice? Parse(string? value) =>
        Enum.TryParse<ThemeChoice>(value, ignoreCase: true, out var choice) && Enum.IsDefined(choice) && !int.TryParse(value, out _)
            ? choice
            : null;

    /// <summary>The word a choice is written as, in the cookie, the URL and the page's data-theme attribute.</summary>
    public static string Word(ThemeChoice choice) => choice.ToString().ToLowerInvariant();

    public static void Write(HttpContext context, ThemeChoice choice)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(Name, Word(choice),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false, Path = "/" });
    }
}
