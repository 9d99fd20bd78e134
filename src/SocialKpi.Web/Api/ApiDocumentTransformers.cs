using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SocialKpi.Web.Api;

/// <summary>
/// Names the document and declares how to authenticate: a personal access token sent as "Authorization: Bearer skpi_…",
/// required by every operation unless the operation says otherwise (<see cref="AnonymousOperationTransformer"/>).
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "SocialKpi API",
            Version = SocialKpiApi.DocumentName,
            Description = "Workspaces, channels, metrics, objectives, KPIs with their computed progress, weekly figures, costs and " +
                "annotations. Authenticate with a personal access token (POST /api/v1/tokens, or your profile page). " +
                "Errors are RFC 9457 problem details. Weeks are ISO weeks written 2026-W05. See docs/api.md.",
        };
        document.AddComponent<IOpenApiSecurityScheme>(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "skpi_ personal access token",
            Description = "A personal access token: \"Authorization: Bearer skpi_…\". It acts with its owner's roles.",
        });
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
        return Task.CompletedTask;
    }
}

/// <summary>Operations open to anonymous callers (issuing a token with a password) say that they need no token.</summary>
internal sealed class AnonymousOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
        }

        return Task.CompletedTask;
    }
}
