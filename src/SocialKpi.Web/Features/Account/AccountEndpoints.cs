using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using SocialKpi.Data.Identity;

namespace SocialKpi.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post (with its antiforgery token) from the header's "sign out" button.
        app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn) =>
        {
            // No form parameter is bound here, so nothing else checks the token: a page of another site must not sign people out.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).DisableAntiforgery();

        // After a change to the account (name, language, password): re-issue the cookie with the new claims and
        // security stamp, so this browser stays signed in. It only ever refreshes the caller's own session.
        app.MapGet("/account/refresh", async (string? returnUrl, HttpContext context, SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) =>
        {
            var user = await users.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.LocalRedirect("/account/login");
            }

            await signIn.RefreshSignInAsync(user);
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        });
        return app;
    }
}

/// <summary>Where to go after signing in: a local path only, so a crafted link cannot send the user elsewhere.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
