using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Workspaces;
using UglyToad.PdfPig;

namespace SocialKpi.Web.Tests.Api;

public sealed class ReportsApiTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    [Fact]
    public async Task A_viewer_downloads_the_default_report_of_the_last_13_complete_weeks_in_the_workspace_language()
    {
        var demo = await app.DemoWorkspaceIdAsync();
        using var viewer = await app.MemberClientAsync(demo, WorkspaceRole.Viewer);

        using var response = await viewer.GetAsync($"/api/v1/workspaces/{demo}/reports/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var last = IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(DateTime.Now));
        Assert.Equal($"maison-lumiere-{last.AddWeeks(-12)}-{last}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Synthèse", string.Concat(document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_takes_a_period_and_a_language()
    {
        var demo = await app.DemoWorkspaceIdAsync();
        using var viewer = await app.MemberClientAsync(demo, WorkspaceRole.Viewer);
        var last = IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(DateTime.Now));

        using var response = await viewer.GetAsync($"/api/v1/workspaces/{demo}/reports/pdf?from={last.AddWeeks(-3)}&to={last}&lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("Executive", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_period_or_language_is_a_validation_problem_naming_the_field()
    {
        var demo = await app.DemoWorkspaceIdAsync();
        using var viewer = await app.MemberClientAsync(demo, WorkspaceRole.Viewer);

        using var response = await viewer.GetAsync($"/api/v1/workspaces/{demo}/reports/pdf?from=2026-W40&to=2026-W30&lang=de");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("lang", out _));
    }

    [Theory]
    [InlineData("metric-values", "csv", "text/csv")]
    [InlineData("kpi-results", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("costs", "csv", "text/csv")]
    [InlineData("rival-figures", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("rival-figures", "csv", "text/csv")]
    public async Task A_viewer_exports_figures_results_costs_and_rival_figures(string dataset, string format, string mediaType)
    {
        var demo = await app.DemoWorkspaceIdAsync();
        using var viewer = await app.MemberClientAsync(demo, WorkspaceRole.Viewer);

        using var response = await viewer.GetAsync($"/api/v1/workspaces/{demo}/exports/{dataset}?format={format}&form=local");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task The_report_and_exports_are_in_the_OpenAPI_document()
    {
        using var admin = await app.AdminClientAsync();

        var document = await admin.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/workspaces/{workspaceId}/reports/pdf", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/workspaces/{workspaceId}/exports/kpi-results", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/workspaces/{workspaceId}/exports/rival-figures", document, StringComparison.Ordinal);
    }
}
