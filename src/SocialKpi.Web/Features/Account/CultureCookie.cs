using Microsoft.AspNetCore.Localization;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Web.Features.Account;

/// <summary>The standard culture cookie that request localization reads: the interface language.</summary>
public static class CultureCookie
{
    public static void Write(HttpContext context, string culture)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!SupportedLocales.All.Contains(culture))
        {
            return;
        }

        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
    }
}
