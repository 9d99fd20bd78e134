using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Reporting;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Reports;

namespace SocialKpi.Web.Api;

/// <summary>The PDF report of a workspace, as the Reports page makes it.</summary>
public static class ReportsApi
{
    public static void MapReportsApi(this RouteGroupBuilder workspace)
    {
        var reports = workspace.MapGroup("/reports").WithTags("Reports");
        reports.MapGet("/pdf", PdfAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithName("GetReportPdf")
            .WithSummary("The PDF report: ?from=2026-W27&to=2026-W39&lang=fr (default: the last 13 complete weeks, every active objective, the workspace's language)")
            .WithDescription("Optional: compare=previous (default, the same number of weeks just before) or year (the same weeks a year before); " +
                "objectives=3,5 to report on some objectives only. Answers application/pdf.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> PdfAsync(
        int workspaceId, string? from, string? to, string? lang, string? compare, string? objectives,
        SocialKpiDbContext db, ReportRunner runner, TimeProvider clock, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, cancellationToken);
        var errors = new ValidationErrors();
        var (first, last) = errors.WeekRange(from, to, KpisApi.LastCompleteWeek(clock), ReportDefinition.DefaultWeeks);
        var language = errors.Language(lang, workspace);
        var comparison = compare?.Trim().ToUpperInvariant() switch
        {
            null or "" or "PREVIOUS" => ReportComparison.PreviousPeriod,
            "YEAR" => ReportComparison.YearBefore,
            _ => Invalid(errors, "compare", $"'{compare}' is not a comparison: use previous or year."),
        };
        var objectiveIds = new List<int>();
        foreach (var part in (objectives ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                objectiveIds.Add(id);
            }
            else
            {
                errors.Add("objectives", $"'{part}' is not an objective id: write ids separated by commas, e.g. objectives=3,5.");
            }
        }

        if (objectiveIds.Count > 0)
        {
            var known = await db.Objectives.Where(o => o.WorkspaceId == workspaceId && objectiveIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
            foreach (var unknown in objectiveIds.Except(known))
            {
                errors.Add("objectives", $"The workspace has no objective {unknown}.");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var definition = new ReportDefinition(workspaceId, first, last, comparison, objectiveIds, ReportSections.All, language, null);
        var pdf = await runner.RenderAsync(definition, cancellationToken: cancellationToken);
        return TypedResults.File(pdf, "application/pdf", ReportRunner.FileName(workspace.Name, definition));
    }

    private static ReportComparison Invalid(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return ReportComparison.PreviousPeriod;
    }
}
