using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Annotations;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Annotations;

namespace SocialKpi.Web.Api;

/// <summary>Dated notes (campaign launch, crisis) shown as markers on charts and in reports.</summary>
public static class AnnotationsApi
{
    public static void MapAnnotationsApi(this RouteGroupBuilder workspace)
    {
        var annotations = workspace.MapGroup("/annotations").WithTags("Annotations");

        annotations.MapGet("", ListAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithName("ListAnnotations")
            .WithSummary("Annotations by date, optionally between ?from=2026-01-01 and ?to=2026-03-31 (both included)");

        annotations.MapPost("", CreateAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("CreateAnnotation")
            .WithSummary("Add an annotation (editors); no channelIds means the whole brand");

        annotations.MapDelete("/{annotationId:int}", DeleteAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("DeleteAnnotation")
            .WithSummary("Delete an annotation (editors)");
    }

    private static async Task<Results<Ok<List<AnnotationDto>>, ValidationProblem>> ListAsync(
        int workspaceId, DateOnly? from, DateOnly? to, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        if (from > to)
        {
            var errors = new ValidationErrors();
            errors.Add("from", $"The period starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd}).");
            return errors.ToProblem();
        }

        var query = db.Annotations.AsNoTracking().Where(a => a.WorkspaceId == workspaceId);
        if (from is not null)
        {
            query = query.Where(a => a.Date >= from);
        }

        if (to is not null)
        {
            query = query.Where(a => a.Date <= to);
        }

        var list = await query.OrderBy(a => a.Date).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(AnnotationDto.From).ToList());
    }

    private static async Task<Results<Created<AnnotationDto>, ValidationProblem>> CreateAsync(
        int workspaceId, AnnotationInput input, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var date = errors.Required("date", input.Date);
        var text = errors.RequiredText("text", input.Text, AnnotationRules.MaxTextLength);
        var channelIds = input.ChannelIds ?? [];
        if (channelIds.Count > 0)
        {
            var known = await db.Channels.Where(c => c.WorkspaceId == workspaceId).Select(c => c.Id).ToListAsync(cancellationToken);
            for (var i = 0; i < channelIds.Count; i++)
            {
                if (!known.Contains(channelIds[i]))
                {
                    errors.Add($"channelIds[{i}]", $"The workspace has no channel {channelIds[i]}.");
                }
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var annotation = new Annotation { WorkspaceId = workspaceId, Date = date!.Value, Text = text!, ChannelIds = channelIds.Distinct().ToList() };
        db.Annotations.Add(annotation);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/annotations/{annotation.Id}", AnnotationDto.From(annotation));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        int workspaceId, int annotationId, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.Annotations.Where(a => a.Id == annotationId && a.WorkspaceId == workspaceId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ApiProblems.NotFound("The workspace has no annotation with this id.") : TypedResults.NoContent();
    }
}

/// <summary>An annotation; <paramref name="ChannelIds"/> empty means the whole brand.</summary>
public sealed record AnnotationDto(int Id, DateOnly Date, string Text, IReadOnlyList<int> ChannelIds)
{
    public static AnnotationDto From(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        return new(annotation.Id, annotation.Date, annotation.Text, annotation.ChannelIds);
    }
}

/// <summary>An annotation to add.</summary>
public sealed record AnnotationInput(DateOnly? Date, string? Text, IReadOnlyList<int>? ChannelIds);
