using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Api;

namespace SocialKpi.Web.Tests.Api;

public class CompetitorsApiTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    private static string CompetitorsOf(TestWorkspace workspace) => $"/api/v1/workspaces/{workspace.Id}/competitors";

    private static string FiguresOf(TestWorkspace workspace) => $"{CompetitorsOf(workspace)}/figures";

    private static object Figure(int competitorId, int channelId, string metric, string week, object? value, int? version = null) =>
        new { competitorId, channelId, metric, week, value, version };

    private async Task<(TestWorkspace Workspace, HttpClient Editor, CompetitorDto Rival)> RivalOfNewWorkspaceAsync()
    {
        var workspace = await app.CreateWorkspaceAsync();
        var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        var response = await editor.PostAsJsonAsync(CompetitorsOf(workspace), new
        {
            name = "Cire & Flamme",
            logoUrl = "https://cireetflamme.fr/logo.png",
            notes = "Leader du marché",
            trackedFrom = "2026-W10",
            accounts = new[] { new { channelId = workspace.ChannelIds[0], handle = "@cireetflamme" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (workspace, editor, (await response.Content.ReadFromJsonAsync<CompetitorDto>(ApiResponses.Json))!);
    }

    [Fact]
    public async Task An_editor_adds_a_rival_with_its_accounts_and_a_viewer_lists_it()
    {
        var (workspace, editor, rival) = await RivalOfNewWorkspaceAsync();
        using var _ = editor;
        using var viewer = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Viewer);

        var list = await viewer.GetFromJsonAsync<List<CompetitorDto>>(CompetitorsOf(workspace), ApiResponses.Json);

        var listed = Assert.Single(list!);
        Assert.Equal(("Cire & Flamme", "2026-W10", 1), (listed.Name, listed.TrackedFrom, listed.Version));
        Assert.Equal([new CompetitorAccountDto(workspace.ChannelIds[0], "@cireetflamme")], listed.Accounts);
        Assert.Equal(rival.Id, listed.Id);
    }

    [Fact]
    public async Task A_viewer_cannot_add_a_rival()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var viewer = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Viewer);

        var response = await viewer.PostAsJsonAsync(CompetitorsOf(workspace), new { name = "Rival" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Competitors.CountAsync(c => c.WorkspaceId == workspace.Id)));
    }

    [Fact]
    public async Task A_bad_rival_is_refused_naming_each_field_and_nothing_is_written()
    {
        var (workspace, editor, _) = await RivalOfNewWorkspaceAsync();
        using var _e = editor;

        var response = await editor.PostAsJsonAsync(CompetitorsOf(workspace), new
        {
            name = "Cire & Flamme",
            logoUrl = "logo.png",
            trackedFrom = "2026-W60",
            accounts = new[] { new { channelId = 999999, handle = "@x" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["accounts[0].channelId", "logoUrl", "name", "trackedFrom"], (await response.ValidationErrorsAsync()).Keys.Order());
        Assert.Equal(1, await app.WithDbAsync(db => db.Competitors.CountAsync(c => c.WorkspaceId == workspace.Id)));
    }

    [Fact]
    public async Task Another_workspaces_rival_is_not_found_even_by_one_of_its_editors()
    {
        var (_, editor, rival) = await RivalOfNewWorkspaceAsync();
        using var _e = editor;
        var other = await app.CreateWorkspaceAsync();
        using var otherEditor = await app.MemberClientAsync(other.Id, WorkspaceRole.Editor);

        var update = await otherEditor.PutAsJsonAsync($"{CompetitorsOf(other)}/{rival.Id}", new { name = "Volé" });
        var archive = await otherEditor.PostAsync($"{CompetitorsOf(other)}/{rival.Id}/archive", null);
        var figures = await otherEditor.PutAsJsonAsync(FiguresOf(other), new { items = new[] { Figure(rival.Id, other.ChannelIds[0], "followers", "2026-W10", 10) } });

        await update.AssertProblemAsync(HttpStatusCode.NotFound);
        await archive.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["items[0].competitorId"], (await figures.ValidationErrorsAsync()).Keys);
        Assert.Equal("Cire & Flamme", await app.WithDbAsync(db => db.Competitors.Where(c => c.Id == rival.Id).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_update_with_a_stale_version_gets_409_with_both_sides_and_changes_nothing()
    {
        var (workspace, editor, rival) = await RivalOfNewWorkspaceAsync();
        using var _e = editor;
        var path = $"{CompetitorsOf(workspace)}/{rival.Id}";
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsJsonAsync(path, new { name = "Cire et Flamme", version = 1 })).StatusCode);

        var stale = await editor.PutAsJsonAsync(path, new { name = "Cire & Flammes", version = 1 });

        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        var body = await stale.Content.ReadAsStringAsync();
        Assert.Contains("\"stored\"", body, StringComparison.Ordinal);
        Assert.Contains("Cire & Flammes", body, StringComparison.Ordinal);
        Assert.Equal("Cire et Flamme", await app.WithDbAsync(db => db.Competitors.Where(c => c.Id == rival.Id).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_archived_rival_leaves_the_list_takes_no_figures_and_comes_back_when_restored()
    {
        var (workspace, editor, rival) = await RivalOfNewWorkspaceAsync();
        using var _e = editor;

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"{CompetitorsOf(workspace)}/{rival.Id}/archive", null)).StatusCode);
        var listed = await editor.GetFromJsonAsync<List<CompetitorDto>>(CompetitorsOf(workspace), ApiResponses.Json);
        var figures = await editor.PutAsJsonAsync(FiguresOf(workspace), new { items = new[] { Figure(rival.Id, workspace.ChannelIds[0], "followers", "2026-W10", 10) } });
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"{CompetitorsOf(workspace)}/{rival.Id}/restore", null)).StatusCode);
        var restored = await editor.GetFromJsonAsync<List<CompetitorDto>>(CompetitorsOf(workspace), ApiResponses.Json);

        Assert.Empty(listed!);
        Assert.Contains("archived", (await figures.ValidationErrorsAsync())["items[0].competitorId"][0], StringComparison.Ordinal);
        Assert.Single(restored!);
    }

    [Fact]
    public async Task A_bulk_upsert_of_rival_figures_writes_every_item_and_moves_the_tracking_week_back_for_history()
    {
        var (workspace, editor, rival) = await RivalOfNewWorkspaceAsync();
        using var _e = editor;
        var instagram = workspace.ChannelIds[0];

        var response = await editor.PutAsJsonAsync(FiguresOf(workspace), new
        {
            items = new[]
            {
                Figure(rival.Id, instagram, "followers", "2026-W08", 61000),
                Figure(rival.Id, instagram, "mentions", "2026-W10", 105),
                Figure(rival.Id, instagram, "rating", "2026-W10", 4.4),
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<CompetitorFiguresUpsertResult>(ApiResponses.Json))!;
        Assert.Equal((3, 0, 0), (result.Created, result.Updated, result.Unchanged));
        var stored = await editor.GetFromJsonAsync<List<CompetitorFigureDto>>($"{FiguresOf(workspace)}?from=2026-W01&to=2026-W10", ApiResponses.Json);
        Assert.Equal([61000d, 105d, 4.4d], stored!.Select(f => f.Value));
        var listed = await editor.GetFromJsonAsync<List<CompetitorDto>>(CompetitorsOf(workspace), ApiResponses.Json);
        Assert.Equal("2026-W08", Assert.Single(listed!).TrackedFrom);
    }

    [Fact]
    public async Task One_bad_rival_figure_refuses_the_whole_request_naming_each_field_and_nothing_is_written()
    {
        var (workspace, editor, rival) = await RivalOfNewWorkspaceAsync();
        using var _e = editor;
        var instagram = workspace.ChannelIds[0];

        var response = await editor.PutAsJsonAsync(FiguresOf(workspace), new
        {
            items = new[]
            {
                Figure(rival.Id, instagram, "followers", "2026-W10", 61000),
                Figure(rival.Id, instagram, "likes", "2026-W10", 12.5),
                Figure(rival.Id, instagram, "rating", "2026-W10", 6),
                Figure(rival.Id, instagram, "reach", "2026-W10", 10),
                Figure(rival.Id, 999999, "posts", "2026-W99", 1),
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["items[1].value", "items[2].value", "items[3].metric", "items[4].channelId", "items[4].week"], errors.Keys.Order());
        Assert.Contains("between 0 and 5", errors["items[2].value"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CompetitorFigures.CountAsync(f => f.WorkspaceId == workspace.Id)));
    }

    [Fact]
    public async Task A_rival_figure_written_with_a_stale_version_gets_409_with_both_values_and_nothing_is_written()
    {
        var (workspace, editor, rival) = await RivalOfNewWorkspaceAsync();
        using var _e = editor;
        var instagram = workspace.ChannelIds[0];
        await editor.PutAsJsonAsync(FiguresOf(workspace), new { items = new[] { Figure(rival.Id, instagram, "followers", "2026-W10", 61000) } });
        await editor.PutAsJsonAsync(FiguresOf(workspace), new { items = new[] { Figure(rival.Id, instagram, "followers", "2026-W10", 61500, 1) } });

        var stale = await editor.PutAsJsonAsync(FiguresOf(workspace), new
        {
            items = new[] { Figure(rival.Id, instagram, "posts", "2026-W10", 7), Figure(rival.Id, instagram, "followers", "2026-W10", 62000, 1) },
        });

        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        var conflict = Assert.Single((await stale.Content.ReadFromJsonAsync<ConflictBody>(ApiResponses.Json))!.Conflicts);
        Assert.Equal((1, 61500d, 2, 62000d, 1), (conflict.Index, conflict.StoredValue, conflict.StoredVersion, conflict.SentValue, conflict.SentVersion));
        Assert.Equal(1, await app.WithDbAsync(db => db.CompetitorFigures.CountAsync(f => f.WorkspaceId == workspace.Id)));
    }

    [Fact]
    public async Task A_viewer_reads_rival_figures_but_cannot_write_them()
    {
        var (workspace, editor, rival) = await RivalOfNewWorkspaceAsync();
        using var _e = editor;
        using var viewer = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Viewer);

        var write = await viewer.PutAsJsonAsync(FiguresOf(workspace), new { items = new[] { Figure(rival.Id, workspace.ChannelIds[0], "followers", "2026-W10", 1) } });
        var read = await viewer.GetAsync(FiguresOf(workspace));

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    private sealed record ConflictBody(List<CompetitorFigureConflict> Conflicts);
}
