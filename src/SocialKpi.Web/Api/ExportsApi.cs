using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Reports;

namespace SocialKpi.Web.Api;

/// <summary>CSV and XLSX exports of a period's weekly figures, KPI results per week, costs and rivals' figures.</summary>
public static class ExportsApi
{
    private const string Query = "?from=2026-W01&to=2026-W13 (default: the last 13 complete weeks), format=csv|xlsx (default csv), " +
        "form=local|invariant (default invariant: English keys, 1234.5, ISO weeks; local: the workspace's language and number format)";

    public static void MapExportsApi(this RouteGroupBuilder workspace)
    {
        var exports = workspace.MapGroup("/exports").WithTags("Exports");
        exports.MapGet("/metric-values", (int workspaceId, string? from, string? to, string? format, string? form, SocialKpiDbContext db,
                DataExports data, TimeProvider clock, CancellationToken cancellationToken) =>
                ExportAsync(ExportDataset.MetricValues, workspaceId, from, to, format, form, db, data, clock, cancellationToken))
            .RequireWorkspaceRole(WorkspaceRole.Viewer).WithName("ExportMetricValues")
            .WithSummary("Weekly figures per channel and metric: " + Query);
        exports.MapGet("/kpi-results", (int workspaceId, string? from, string? to, string? format, string? form, SocialKpiDbContext db,
                DataExports data, TimeProvider clock, CancellationToken cancellationToken) =>
                ExportAsync(ExportDataset.KpiResults, workspaceId, from, to, format, form, db, data, clock, cancellationToken))
            .RequireWorkspaceRole(WorkspaceRole.Viewer).WithName("ExportKpiResults")
            .WithSummary("Each active KPI week by week: its value, its value to date, its trajectory and its status: " + Query);
        exports.MapGet("/costs", (int workspaceId, string? from, string? to, string? format, string? form, SocialKpiDbContext db,
                DataExports data, TimeProvider clock, CancellationToken cancellationToken) =>
                ExportAsync(ExportDataset.Costs, workspaceId, from, to, format, form, db, data, clock, cancellationToken))
            .RequireWorkspaceRole(WorkspaceRole.Viewer).WithName("ExportCosts")
            .WithSummary("Costs per week, channel and category: " + Query);
        exports.MapGet("/rival-figures", (int workspaceId, string? from, string? to, string? format, string? form, SocialKpiDbContext db,
                DataExports data, TimeProvider clock, CancellationToken cancellationToken) =>
                ExportAsync(ExportDataset.RivalFigures, workspaceId, from, to, format, form, db, data, clock, cancellationToken))
            .RequireWorkspaceRole(WorkspaceRole.Viewer).WithName("ExportRivalFigures")
            .WithSummary("The rivals' public figures per rival, channel, week and metric, archived rivals included: " + Query);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        ExportDataset dataset, int workspaceId, string? from, string? to, string? format, string? form,
        SocialKpiDbContext db, DataExports data, TimeProvider clock, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, cancellationToken);
        var errors = new ValidationErrors();
        var (first, last) = errors.WeekRange(from, to, KpisApi.LastCompleteWeek(clock), 13);
        var xlsx = format?.Trim().ToUpperInvariant() switch
        {
            null or "" or "CSV" => false,
            "XLSX" => true,
            _ => Invalid(errors, "format", $"'{format}' is not a format: use csv or xlsx."),
        };
        var exportForm = form?.Trim().ToUpperInvariant() switch
        {
            null or "" or "INVARIANT" => ExportForm.Invariant,
            "LOCAL" => ExportForm.Local,
            _ => Invalid(errors, "form", $"'{form}' is not a form: use local or invariant.") ? ExportForm.Invariant : ExportForm.Invariant,
        };
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var table = await data.TableAsync(workspace, dataset, first, last, exportForm, cancellationToken);
        return xlsx
            ? TypedResults.File(DataExports.Xlsx(table, dataset.ToString()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                DataExports.FileName(workspace.Name, dataset, first, last, "xlsx"))
            : TypedResults.File(DataExports.Csv(table, exportForm, workspace.Locale), "text/csv; charset=utf-8",
                DataExports.FileName(workspace.Name, dataset, first, last, "csv"));
    }

    private static bool Invalid(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return false;
    }
}
