using System.Net;
using System.Net.Http.Json;
using SocialKpi.Domain.Progress;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Api;

namespace SocialKpi.Web.Tests.Api;

public class KpisApiTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    [Fact]
    public async Task Every_demo_KPI_comes_with_its_computed_value_attainment_status_reason_trajectory_and_forecast()
    {
        var demo = await app.DemoWorkspaceIdAsync();
        using var viewer = await app.MemberClientAsync(demo, WorkspaceRole.Viewer);

        var kpis = await viewer.GetFromJsonAsync<List<KpiDto>>($"/api/v1/workspaces/{demo}/kpis", ApiResponses.Json);

        Assert.Equal(16, kpis!.Count);
        Assert.All(kpis, kpi =>
        {
            Assert.NotNull(kpi.Status);
            Assert.False(string.IsNullOrWhiteSpace(kpi.Reason));
            Assert.NotNull(kpi.CurrentValue);
            Assert.NotNull(kpi.Attainment);
            Assert.NotNull(kpi.Trajectory);
            Assert.NotNull(kpi.AsOf);
        });
        Assert.Contains(kpis, k => k.Forecast is not null);
        Assert.Contains(kpis, k => k.Status == KpiStatus.OnTrack);
        Assert.Contains(kpis, k => k.Status == KpiStatus.OffTrack);
        Assert.Contains(kpis, k => k.FormulaKey == "engagement-rate.by-reach");
    }

    [Fact]
    public async Task Reasons_are_in_the_workspace_language_unless_lang_asks_otherwise()
    {
        var demo = await app.DemoWorkspaceIdAsync();
        using var viewer = await app.MemberClientAsync(demo, WorkspaceRole.Viewer);

        var byDefault = await viewer.GetFromJsonAsync<List<KpiDto>>($"/api/v1/workspaces/{demo}/kpis", ApiResponses.Json);
        var english = await viewer.GetFromJsonAsync<List<KpiDto>>($"/api/v1/workspaces/{demo}/kpis?lang=en", ApiResponses.Json);
        var unknown = await viewer.GetAsync($"/api/v1/workspaces/{demo}/kpis?lang=de");

        Assert.All(byDefault!, k => Assert.Contains("semaine", k.Reason, StringComparison.Ordinal));
        Assert.All(english!, k => Assert.Contains("week", k.Reason, StringComparison.Ordinal));
        Assert.Equal(["lang"], (await unknown.ValidationErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Objectives_come_with_their_KPIs_and_their_weighted_progress()
    {
        var demo = await app.DemoWorkspaceIdAsync();
        using var viewer = await app.MemberClientAsync(demo, WorkspaceRole.Viewer);

        var objectives = await viewer.GetFromJsonAsync<List<ObjectiveDto>>($"/api/v1/workspaces/{demo}/objectives?lang=en", ApiResponses.Json);

        Assert.Equal(4, objectives!.Count);
        Assert.Equal(16, objectives.Sum(o => o.Kpis.Count));
        Assert.All(objectives, o =>
        {
            Assert.NotNull(o.Status);
            Assert.NotNull(o.Attainment);
            Assert.All(o.Kpis, k => Assert.NotNull(k.Status));
        });
        var one = await viewer.GetFromJsonAsync<ObjectiveDto>($"/api/v1/workspaces/{demo}/objectives/{objectives[0].Id}", ApiResponses.Json);
        Assert.Equal(objectives[0].Kpis.Select(k => k.Id), one!.Kpis.Select(k => k.Id));
    }

    [Fact]
    public async Task An_editor_creates_an_objective_and_its_KPIs_which_are_computed_from_the_figures_pushed()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        var basePath = $"/api/v1/workspaces/{workspace.Id}";

        var objective = await editor.PostAsJsonAsync($"{basePath}/objectives", new
        {
            name = "Be seen", category = "Visibilite", startDate = "2026-01-05", endDate = "2026-12-27",
        });
        Assert.Equal(HttpStatusCode.Created, objective.StatusCode);
        var objectiveId = (await objective.Content.ReadFromJsonAsync<ObjectiveDto>(ApiResponses.Json))!.Id;

        var kpi = await editor.PostAsJsonAsync($"{basePath}/kpis", new { objectiveId, name = "Reach", metric = "reach", baseline = 0, target = 40_000 });
        var formulaKpi = await editor.PostAsJsonAsync($"{basePath}/kpis", new { objectiveId, name = "Engagement", formula = "EngagementRateByReach", baseline = 2, target = 3 });
        Assert.Equal(HttpStatusCode.Created, kpi.StatusCode);
        Assert.Equal(HttpStatusCode.Created, formulaKpi.StatusCode);
        var created = (await kpi.Content.ReadFromJsonAsync<KpiDto>(ApiResponses.Json))!;
        Assert.Equal(("reach", new DateOnly(2026, 12, 27)), (created.Metric, created.Deadline));
        Assert.Equal("engagement-rate.by-reach", (await formulaKpi.Content.ReadFromJsonAsync<KpiDto>(ApiResponses.Json))!.FormulaKey);

        var push = await editor.PutAsJsonAsync($"{basePath}/metric-values", new
        {
            items = Enumerable.Range(2, 9).Select(week => new { channelId = workspace.ChannelIds[0], metric = "reach", week = $"2026-W{week:D2}", value = 1000 }),
        });
        Assert.Equal(HttpStatusCode.OK, push.StatusCode);

        var computed = await editor.GetFromJsonAsync<KpiDto>($"{basePath}/kpis/{created.Id}?asOf=2026-W10&lang=en", ApiResponses.Json);
        Assert.Equal((9000m, KpiStatus.OnTrack), (computed!.CurrentValue, computed.Status));
        Assert.Contains("above the trajectory for week 10", computed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_KPI_needs_exactly_one_of_metric_or_formula_and_known_references()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);

        var response = await editor.PostAsJsonAsync($"/api/v1/workspaces/{workspace.Id}/kpis", new
        {
            objectiveId = 999_999, name = "", metric = "reach", formula = "Ctr", baseline = 0, channelIds = new[] { 999_999 },
        });

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["channelIds[0]", "formula", "name", "objectiveId", "target"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_archived_KPI_leaves_the_list_and_keeps_no_progress()
    {
        var demo = await app.DemoWorkspaceIdAsync();
        using var viewer = await app.MemberClientAsync(demo, WorkspaceRole.Viewer);
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        var basePath = $"/api/v1/workspaces/{workspace.Id}";
        var objective = await (await editor.PostAsJsonAsync($"{basePath}/objectives", new
        {
            name = "Be liked", category = "Custom", customCategory = "Love", startDate = "2026-01-05", endDate = "2026-06-28",
        })).Content.ReadFromJsonAsync<ObjectiveDto>(ApiResponses.Json);
        var kpi = await (await editor.PostAsJsonAsync($"{basePath}/kpis", new { objectiveId = objective!.Id, name = "Likes", metric = "reactions", baseline = 0, target = 100 }))
            .Content.ReadFromJsonAsync<KpiDto>(ApiResponses.Json);

        var archived = await editor.PostAsync($"{basePath}/kpis/{kpi!.Id}/archive", null);

        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.Empty((await editor.GetFromJsonAsync<List<KpiDto>>($"{basePath}/kpis", ApiResponses.Json))!);
        var alone = await editor.GetFromJsonAsync<KpiDto>($"{basePath}/kpis/{kpi.Id}", ApiResponses.Json);
        Assert.True(alone!.IsArchived);
        Assert.Null(alone.Status);
        await (await viewer.GetAsync($"/api/v1/workspaces/{demo}/kpis/{kpi.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
