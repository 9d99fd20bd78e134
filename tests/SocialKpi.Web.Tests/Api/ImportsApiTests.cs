using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Api;

namespace SocialKpi.Web.Tests.Api;

public class ImportsApiTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    private const string File = """
        week;channel;metric;value
        2030-W10;Instagram;reach;1 000
        2030-W10;Instagram;comments;12
        2030-W11;Facebook;reach;2 500,5
        """;

    private static string ImportsOf(TestWorkspace workspace) => $"/api/v1/workspaces/{workspace.Id}/imports";

    private static MultipartFormDataContent Upload(string text, string fileName = "export.csv", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private Task<int> StoredAsync(TestWorkspace workspace) => app.WithDbAsync(db => db.MetricValues.CountAsync(v => v.WorkspaceId == workspace.Id));

    [Fact]
    public async Task A_dry_run_lists_the_added_figures_and_the_rejected_rows_and_writes_nothing()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        using var upload = Upload(File + "\n2030-W12;TikTok;reach;5\n");

        var response = await editor.PostAsync($"{ImportsOf(workspace)}?dryRun=true", upload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = (await response.Content.ReadFromJsonAsync<ImportPlanDto>(ApiResponses.Json))!;
        Assert.Equal(
            [("2030-W10", "Instagram", StandardMetrics.Comments, 12d), ("2030-W10", "Instagram", StandardMetrics.Reach, 1000d), ("2030-W11", "Facebook", StandardMetrics.Reach, 2500.5)],
            plan.Added.Select(a => (a.Week, a.Channel, a.Metric, a.New)).OrderBy(a => a.Week).ThenBy(a => a.Metric, StringComparer.Ordinal).ToList());
        var rejected = Assert.Single(plan.Rejected);
        Assert.Equal((5, "channel", "UnknownChannel"), (rejected.Line, rejected.Column, rejected.Reason));
        Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
        Assert.Equal(0, await StoredAsync(workspace));
    }

    [Fact]
    public async Task An_import_writes_every_figure_as_one_batch_that_undo_takes_back()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        using var upload = Upload(File);

        var response = await editor.PostAsync(ImportsOf(workspace), upload);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<ImportResultDto>(ApiResponses.Json))!;
        Assert.Equal((3, 0, 0), (result.Added, result.Changed, result.Rejected));
        Assert.Equal($"{ImportsOf(workspace)}/{result.BatchId}", response.Headers.Location?.ToString());
        Assert.Equal(3, await StoredAsync(workspace));

        var undo = await editor.DeleteAsync($"{ImportsOf(workspace)}/{result.BatchId}");

        Assert.Equal(HttpStatusCode.NoContent, undo.StatusCode);
        Assert.Equal(0, await StoredAsync(workspace));
        await (await editor.DeleteAsync($"{ImportsOf(workspace)}/{result.BatchId}")).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_file_with_rejected_rows_writes_nothing_unless_the_caller_leaves_them_out()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        var text = File + "\n2030-W12;Instagram;reach;=cmd|' /C calc'!A0\n";

        using (var first = Upload(text))
        {
            var refused = await editor.PostAsync(ImportsOf(workspace), first);

            await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("Formula", problem.RootElement.GetProperty("rejected")[0].GetProperty("reason").GetString());
            Assert.Equal(0, await StoredAsync(workspace));
        }

        using var second = Upload(text);
        var response = await editor.PostAsync($"{ImportsOf(workspace)}?skipRejected=true", second);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(3, await StoredAsync(workspace));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\u0001\u0002binary\0\0")]
    public async Task A_missing_or_unreadable_file_is_a_problem_that_changes_nothing(string content)
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        using var upload = Upload(content, "export.csv");

        var response = await editor.PostAsync(ImportsOf(workspace), upload);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await StoredAsync(workspace));
    }

    [Fact]
    public async Task An_unknown_preset_or_a_mapping_that_does_not_fit_the_file_is_a_validation_problem()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);

        using (var upload = Upload(File, fields: ("preset", "myspace")))
        {
            var errors = await (await editor.PostAsync(ImportsOf(workspace), upload)).ValidationErrorsAsync();
            Assert.Contains("preset", errors.Keys);
        }

        using (var upload = Upload(File, fields: ("mapping", """{"columns":[{"header":"week","role":"Week"}]}""")))
        {
            var errors = await (await editor.PostAsync(ImportsOf(workspace), upload)).ValidationErrorsAsync();
            Assert.Contains("mapping", errors.Keys);
        }

        Assert.Equal(0, await StoredAsync(workspace));
    }

    [Fact]
    public async Task A_mapping_sent_whole_reads_a_file_whose_headers_are_not_recognised()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        const string Mapping = """
            {"columns":[{"header":"Semaine ISO","role":"Week"},{"header":"Portée","role":"Figure","metricKey":"reach"}],
             "rows":"Weekly","dateFormat":"yyyy-Www","decimalSeparator":","}
            """;
        using var upload = Upload("Semaine ISO;Portée\n2030-W10;1 500\n", fields: [("mapping", Mapping), ("channelId", workspace.ChannelIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        var response = await editor.PostAsync($"{ImportsOf(workspace)}?dryRun=true", upload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var added = Assert.Single((await response.Content.ReadFromJsonAsync<ImportPlanDto>(ApiResponses.Json))!.Added);
        Assert.Equal(("Facebook", StandardMetrics.Reach, 1500d), (added.Channel, added.Metric, added.New));
    }

    [Fact]
    public async Task A_viewer_can_neither_import_nor_undo()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var viewer = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Viewer);
        using var upload = Upload(File);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(ImportsOf(workspace), upload)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"{ImportsOf(workspace)}/1")).StatusCode);
        Assert.Equal(0, await StoredAsync(workspace));
    }

    [Fact]
    public async Task A_dry_run_lists_a_rivals_figures_under_its_name_and_rejects_an_unknown_rival()
    {
        var workspace = await app.CreateWorkspaceAsync();
        var rival = await app.WithDbAsync(async db =>
        {
            var competitor = new SocialKpi.Domain.Competitors.Competitor { WorkspaceId = workspace.Id, Name = "Cire & Flamme", TrackedFromWeek = 203001 };
            db.Competitors.Add(competitor);
            await db.SaveChangesAsync();
            return competitor.Id;
        });
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        using var upload = Upload("""
            week;channel;metric;value;competitor
            2030-W10;Instagram;reach;1 000;
            2030-W10;Instagram;followers;61 000;cire & flamme
            2030-W10;Instagram;followers;9;Nobody
            """);

        var response = await editor.PostAsync($"{ImportsOf(workspace)}?dryRun=true", upload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = (await response.Content.ReadFromJsonAsync<ImportPlanDto>(ApiResponses.Json))!;
        var added = Assert.Single(plan.RivalsAdded);
        Assert.Equal(("2030-W10", rival, "Cire & Flamme", "Instagram", "followers", (double?)null, 61_000d),
            (added.Week, added.CompetitorId, added.Competitor, added.Channel, added.Metric, added.Old, added.New));
        Assert.Single(plan.Added);
        var rejected = Assert.Single(plan.Rejected);
        Assert.Equal((4, "competitor", "UnknownRival"), (rejected.Line, rejected.Column, rejected.Reason));
        Assert.Equal(0, await app.WithDbAsync(db => db.CompetitorFigures.CountAsync(f => f.WorkspaceId == workspace.Id)));
    }
}
