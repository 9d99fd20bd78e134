using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Api;

/// <summary>The workspaces the caller may open, with their role; settings for owners.</summary>
public static class WorkspacesApi
{
    private const string Tag = "Workspaces";

    /// <summary>GET /api/v1/workspaces: outside the per-workspace group, since it lists them.</summary>
    public static void MapWorkspacesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/workspaces", ListAsync)
            .WithTags(Tag)
            .WithName("ListWorkspaces")
            .WithSummary("The workspaces you are a member of, with your role in each (administrators see all, as owners)");
    }

    /// <summary>GET and PUT /api/v1/workspaces/{workspaceId}.</summary>
    public static void MapWorkspaceApi(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("", GetAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithTags(Tag)
            .WithName("GetWorkspace")
            .WithSummary("One workspace and your role in it");

        workspace.MapPut("", UpdateAsync)
            .RequireWorkspaceRole(WorkspaceRole.Owner)
            .WithTags(Tag)
            .WithName("UpdateWorkspace")
            .WithSummary("Change the workspace's settings (owners)")
            .WithDescription("Name, currency (ISO 4217), locale (fr-FR or en-US) and the default variants of ROA, ROE and engagement rate. " +
                "Variants left out keep their value.");
    }

    private static async Task<Ok<List<WorkspaceDto>>> ListAsync(ClaimsPrincipal user, WorkspaceAccess access, CancellationToken cancellationToken)
    {
        var grants = await access.VisibleAsync(user, cancellationToken);
        return TypedResults.Ok(grants.Select(g => WorkspaceDto.From(g.Workspace, g.Role)).ToList());
    }

    private static async Task<Ok<WorkspaceDto>> GetAsync(int workspaceId, HttpContext context, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, cancellationToken);
        return TypedResults.Ok(WorkspaceDto.From(workspace, WorkspaceAccessFilter.RoleOf(context)));
    }

    private static async Task<Results<Ok<WorkspaceDto>, ValidationProblem>> UpdateAsync(
        int workspaceId, WorkspaceSettingsInput input, HttpContext context, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = errors.RequiredText("name", input.Name, 200);
        var currency = errors.RequiredText("currency", input.Currency, 3)?.ToUpperInvariant();
        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            errors.Add("currency", "An ISO 4217 code of three letters, e.g. EUR, USD, CHF.");
        }

        var locale = errors.RequiredText("locale", input.Locale, 10);
        if (locale is not null && !SupportedLocales.All.Contains(locale))
        {
            errors.Add("locale", $"Use one of: {string.Join(", ", SupportedLocales.All)}.");
        }

        if (name is not null && await db.Workspaces.AnyAsync(w => w.Name == name && w.Id != workspaceId, cancellationToken))
        {
            errors.Add("name", "This name cannot be used: choose another.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == workspaceId, cancellationToken);
        workspace.Name = name!;
        workspace.Currency = currency!;
        workspace.Locale = locale!;
        workspace.DefaultRoaVariant = input.DefaultRoaVariant ?? workspace.DefaultRoaVariant;
        workspace.DefaultRoeVariant = input.DefaultRoeVariant ?? workspace.DefaultRoeVariant;
        workspace.DefaultEngagementRate = input.DefaultEngagementRate ?? workspace.DefaultEngagementRate;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(WorkspaceDto.From(workspace, WorkspaceAccessFilter.RoleOf(context)));
    }
}

/// <summary>A workspace and the caller's role in it.</summary>
public sealed record WorkspaceDto(
    int Id,
    string Name,
    string Currency,
    string Locale,
    WorkspaceRole Role,
    RoaVariant DefaultRoaVariant,
    RoeVariant DefaultRoeVariant,
    EngagementRateVariant DefaultEngagementRate,
    DateTimeOffset CreatedAt)
{
    public static WorkspaceDto From(Workspace workspace, WorkspaceRole role)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return new(workspace.Id, workspace.Name, workspace.Currency, workspace.Locale, role,
            workspace.DefaultRoaVariant, workspace.DefaultRoeVariant, workspace.DefaultEngagementRate, workspace.CreatedAt);
    }
}

/// <summary>A workspace's settings, as an owner sets them.</summary>
public sealed record WorkspaceSettingsInput(
    string? Name,
    string? Currency,
    string? Locale,
    RoaVariant? DefaultRoaVariant,
    RoeVariant? DefaultRoeVariant,
    EngagementRateVariant? DefaultEngagementRate);
