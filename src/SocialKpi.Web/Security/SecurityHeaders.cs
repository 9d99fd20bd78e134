namespace SocialKpi.Web.Security;

/// <summary>
/// Headers every response carries. The CSP allows what Blazor Server and Radzen need: their own scripts, inline
/// styles (Radzen sets style attributes), the circuit's WebSocket, and data: images. No inline script at all,
/// which is why App.razor renders no import map.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSocialKpiSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // Scalar's API reference page loads its own script and styles from the same origin only.
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar")
                    ? ContentSecurityPolicy.Replace("script-src 'self'", "script-src 'self' 'unsafe-inline'", StringComparison.Ordinal)
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            await next();
        });
}
