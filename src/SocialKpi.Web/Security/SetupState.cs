using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data.Identity;

namespace SocialKpi.Web.Security;

/// <summary>
/// Whether the first administrator exists. Once true it stays true, so the check costs one query per process
/// rather than one per request.
/// </summary>
public sealed class SetupState
{
    private volatile bool done;

    public void MarkDone() => done = true;

    public async Task<bool> IsDoneAsync(IServiceProvider services)
    {
        if (done)
        {
            return true;
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        done = await users.Users.AnyAsync();
        return done;
    }
}

/// <summary>Until the first administrator exists, every page leads to /setup (as Gitea and Metabase do).</summary>
public static class FirstRunRedirect
{
    private static readonly string[] AllowedPrefixes = ["/setup", "/health", "/_framework", "/_content", "/_blazor", "/culture", "/favicon", "/Error", "/not-found"];

    public static IApplicationBuilder UseFirstRunRedirect(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var isAsset = Path.HasExtension(path.Value);
            if (!isAsset && !AllowedPrefixes.Any(p => path.StartsWithSegments(p))
                && !await context.RequestServices.GetRequiredService<SetupState>().IsDoneAsync(context.RequestServices))
            {
                if (path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    await context.Response.WriteAsJsonAsync(new { title = "SocialKpi is not set up yet: create the first administrator at /setup." });
                    return;
                }

                context.Response.Redirect("/setup");
                return;
            }

            await next();
        });
}
