using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Settings;

namespace SocialKpi.Web.Api;

/// <summary>The metric catalogue: the standard metrics every workspace shares, plus the workspace's custom ones.</summary>
public static class MetricsApi
{
    public static void MapMetricsApi(this RouteGroupBuilder workspace)
    {
        var metrics = workspace.MapGroup("/metrics").WithTags("Metrics");

        metrics.MapGet("", ListAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithName("ListMetrics")
            .WithSummary("The catalogue: standard metrics, then the workspace's custom ones; name in ?lang=fr|en (default: the workspace's)");

        metrics.MapPost("", CreateAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("CreateMetric")
            .WithSummary("Add a custom metric to the workspace (editors)")
            .WithDescription("The key (lower-case letters, digits and _, starting with a letter) is how figures refer to the metric; " +
                "it cannot be one of the standard keys nor another custom metric's.");
    }

    /// <summary>The metrics a workspace can record figures for; a custom key never shadows a standard one.</summary>
    internal static async Task<Dictionary<string, Metric>> CatalogueAsync(SocialKpiDbContext db, int workspaceId, CancellationToken cancellationToken)
    {
        var all = await db.Metrics.AsNoTracking()
            .Where(m => m.WorkspaceId == null || m.WorkspaceId == workspaceId)
            .OrderBy(m => m.WorkspaceId != null).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, Metric>(StringComparer.Ordinal);
        foreach (var metric in all)
        {
            byKey.TryAdd(metric.Key, metric);
        }

        return byKey;
    }

    private static async Task<Results<Ok<List<MetricDto>>, ValidationProblem>> ListAsync(
        int workspaceId, string? lang, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, cancellationToken);
        var errors = new ValidationErrors();
        var locale = errors.Language(lang, workspace);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var catalogue = await CatalogueAsync(db, workspaceId, cancellationToken);
        return TypedResults.Ok(catalogue.Values.Select(m => MetricDto.From(m, locale)).ToList());
    }

    private static async Task<Results<Created<MetricDto>, ValidationProblem>> CreateAsync(
        int workspaceId, MetricInput input, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var draft = new MetricDraft
        {
            Key = input.Key,
            NameFr = input.NameFr,
            NameEn = input.NameEn,
            Unit = input.Unit,
            Aggregation = input.Aggregation,
            ActionKind = input.ActionKind,
            FunnelStage = input.FunnelStage,
        };
        var keys = await db.Metrics.Where(m => m.WorkspaceId == null || m.WorkspaceId == workspaceId)
            .Select(m => new { m.Key, IsStandard = m.WorkspaceId == null }).ToListAsync(cancellationToken);
        var errors = new ValidationErrors();
        errors.AddAll(MetricRules.Validate(draft, key => keys.Exists(k => k.IsStandard && k.Key == key), key => keys.Exists(k => !k.IsStandard && k.Key == key)));
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var metric = MetricRules.ToMetric(draft, workspaceId);
        db.Metrics.Add(metric);
        await db.SaveChangesAsync(cancellationToken);
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, cancellationToken);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/metrics", MetricDto.From(metric, workspace.Locale));
    }
}

/// <summary>A metric of the catalogue. <paramref name="Name"/> is in the language asked for.</summary>
public sealed record MetricDto(
    int Id,
    string Key,
    string Name,
    string NameFr,
    string NameEn,
    MetricUnit Unit,
    Aggregation Aggregation,
    ActionKind ActionKind,
    FunnelStage? FunnelStage,
    bool IsStandard)
{
    public static MetricDto From(Metric metric, string locale)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return new(metric.Id, metric.Key, metric.Name(locale), metric.NameFr, metric.NameEn, metric.Unit, metric.Aggregation,
            metric.ActionKind, metric.FunnelStage, metric.WorkspaceId is null);
    }
}

/// <summary>
/// A custom metric. Aggregation defaults to Sum for counts and money, Average for percentages and durations;
/// action kind to Micro.
/// </summary>
public sealed record MetricInput(
    string? Key,
    string? NameFr,
    string? NameEn,
    MetricUnit? Unit,
    Aggregation? Aggregation,
    ActionKind? ActionKind,
    FunnelStage? FunnelStage);
