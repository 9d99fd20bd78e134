using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace SocialKpi.Web.Api;

/// <summary>
/// The REST API under /api/v1: its services, its error handling and its endpoint groups, one file per resource.
/// docs/api.md is the user's guide; /openapi/v1.json the contract.
/// </summary>
public static class SocialKpiApi
{
    public const string Prefix = "/api";
    public const string DocumentName = "v1";

    public static IServiceCollection AddSocialKpiApi(this IServiceCollection services)
    {
        // Every API error is an RFC 9457 problem details document; it carries the request's traceId, also in the log.
        services.AddProblemDetails();

        // Enums travel by name ("OnTrack", "Instagram"), as they are stored: readable, and stable when an enum is reordered.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        services.AddOpenApi(DocumentName, options =>
        {
            // The API only: pages, health and the language switch are not part of the contract.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<AnonymousOperationTransformer>();
        });
        return services;
    }

    /// <summary>
    /// For /api requests only: an unhandled exception, an empty error status (401 from a challenge, 429 from the rate
    /// limiter, 400 from a body that is not JSON, 404 from an unknown route) becomes problem details instead of the
    /// HTML error pages the rest of the app shows. Goes right after the app's own status-code pages, so it wraps
    /// authentication, authorization, rate limiting and the endpoints.
    /// </summary>
    public static IApplicationBuilder UseSocialKpiApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Prefix), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages(context => WriteStatusProblemAsync(context.HttpContext));
        });

    /// <summary>An error status that arrived without a body, explained in a problem details document.</summary>
    private static async Task WriteStatusProblemAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status400BadRequest => "The request could not be read: the body is not valid JSON, or a field or query parameter " +
                "has the wrong type (see /openapi/v1.json).",
            StatusCodes.Status401Unauthorized => "Sign in, or send a personal access token: Authorization: Bearer skpi_… (POST /api/v1/tokens issues one).",
            StatusCodes.Status403Forbidden => "You may not do this.",
            StatusCodes.Status404NotFound => "There is nothing at this address: see /openapi/v1.json for the API's paths.",
            StatusCodes.Status405MethodNotAllowed => "This address does not take this method: see /openapi/v1.json.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with Content-Type: application/json.",
            StatusCodes.Status429TooManyRequests => "Too many attempts from your address: wait a minute, then try again.",
            _ => null,
        };
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status, Detail = detail } });
    }

    public static WebApplication MapSocialKpiApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The contract and its reference page are for signed-in users (cookie or token), like the API itself.
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization();
        app.MapScalarApiReference(options => options
                .WithTitle("SocialKpi API")
                .AddPreferredSecuritySchemes(ApiDocumentTransformer.BearerScheme)
                .DisableDefaultFonts()
                .DisableTelemetry())
            .RequireAuthorization();

        var api = app.MapGroup($"{Prefix}/{DocumentName}")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapTokensApi();
        api.MapWorkspacesApi();

        // Everything under a workspace goes through the one access check (WorkspaceAccessFilter).
        var workspace = api.MapGroup("/workspaces/{workspaceId:int}")
            .WithWorkspaceAccess()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspace.MapWorkspaceApi();
        workspace.MapChannelsApi();
        workspace.MapMetricsApi();
        workspace.MapObjectivesApi();
        workspace.MapKpisApi();
        workspace.MapMetricValuesApi();
        workspace.MapCostsApi();
        workspace.MapAnnotationsApi();
        workspace.MapCompetitorsApi();
        workspace.MapReportsApi();
        workspace.MapExportsApi();
        workspace.MapImportsApi();
        return app;
    }
}
