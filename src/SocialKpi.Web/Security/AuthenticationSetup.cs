using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using SocialKpi.Data;
using SocialKpi.Data.Identity;
using SocialKpi.Web.Features.Account;

namespace SocialKpi.Web.Security;

public static class AuthenticationSetup
{
    public const string SignInRateLimit = "sign-in";
    private const string CookieOrToken = "CookieOrToken";

    /// <summary>
    /// ASP.NET Core Identity on the app's database, a cookie for the browser and personal access tokens (Bearer)
    /// for scripts; every page and endpoint requires a signed-in user unless it says otherwise.
    /// </summary>
    public static IServiceCollection AddSocialKpiAuthentication(this IServiceCollection services)
    {
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B); Identity's default hasher (PBKDF2) stores them.
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<SocialKpiDbContext>()
            .AddSignInManager<SocialKpiSignInManager>()
            .AddClaimsPrincipalFactory<SocialKpiClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrToken;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(CookieOrToken, CookieOrToken, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "SocialKpi.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/denied";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            // The API answers 401/403; only pages redirect to the sign-in form.
            options.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
        });
        // A deactivated user or a reset password ends existing sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(SocialKpiClaims.AdministratorPolicy, policy => policy.RequireClaim(SocialKpiClaims.Administrator, "true"));
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in attempts per client address: slows password guessing on top of Identity's account lockout.
            // SocialKpi:SignInRateLimit:PermitPerMinute changes the 10 a minute (tests raise it).
            // Only submissions count (POST): showing the sign-in page is free.
            options.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("SocialKpi:SignInRateLimit:PermitPerMinute", 10),
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("page"));
        });

        services.AddSingleton<SetupState>();
        services.AddSingleton<PersonalAccessTokens>();
        services.AddSingleton<WorkspaceAccess>();
        services.AddScoped<AccountService>();
        return services;
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
