using System.Globalization;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Api;

/// <summary>The least role an endpoint under /api/v1/workspaces/{workspaceId} requires.</summary>
public sealed record WorkspaceRoleRequirement(WorkspaceRole Role);

/// <summary>
/// The API's one access check for everything under /api/v1/workspaces/{workspaceId}, asking
/// <see cref="WorkspaceAccess"/> for the caller's role: no role (not a member, or no such workspace) answers 404, so
/// nobody learns that a workspace exists; a role below the endpoint's <see cref="WorkspaceRoleRequirement"/> answers 403.
/// An endpoint of the group without a requirement makes routing fail as soon as the endpoints are built (the first
/// request, so every test) rather than being open by omission.
/// </summary>
public static class WorkspaceAccessFilter
{
    private static readonly object RoleKey = new();

    /// <summary>Declares the least role the endpoint requires in its workspace.</summary>
    public static TBuilder RequireWorkspaceRole<TBuilder>(this TBuilder builder, WorkspaceRole role)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new WorkspaceRoleRequirement(role));

    /// <summary>The caller's role in the request's workspace, once the filter has let the request through.</summary>
    public static WorkspaceRole RoleOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[RoleKey] is WorkspaceRole role
            ? role
            : throw new InvalidOperationException("The workspace access filter has not run for this request.");
    }

    /// <summary>Puts every endpoint of the group behind the access check, and refuses to start if one has no role rule.</summary>
    internal static RouteGroupBuilder WithWorkspaceAccess(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(CheckAsync);
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<WorkspaceRoleRequirement>().Any())
            {
                throw new InvalidOperationException(
                    $"{endpoint.DisplayName} is mapped under a workspace without RequireWorkspaceRole(…): say which role it needs.");
            }
        });
        return group;
    }

    private static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var required = http.GetEndpoint()?.Metadata.GetMetadata<WorkspaceRoleRequirement>()?.Role ?? WorkspaceRole.Owner;
        var access = http.RequestServices.GetRequiredService<WorkspaceAccess>();
        var role = int.TryParse(http.Request.RouteValues["workspaceId"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var workspaceId)
            ? await access.RoleAsync(http.User, workspaceId, http.RequestAborted)
            : null;
        if (role is null)
        {
            return ApiProblems.NotFound("No workspace with this id is visible to you.");
        }

        if (role < required)
        {
            return ApiProblems.Forbidden($"This needs the {required} role in the workspace; you are {role}.");
        }

        http.Items[RoleKey] = role.Value;
        return await next(invocation);
    }
}
