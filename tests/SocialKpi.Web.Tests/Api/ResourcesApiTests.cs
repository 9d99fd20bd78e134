using System.Net;
using System.Net.Http.Json;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Api;

namespace SocialKpi.Web.Tests.Api;

/// <summary>Channels, the metric catalogue and annotations through the API.</summary>
public class ResourcesApiTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    [Fact]
    public async Task An_editor_creates_changes_and_archives_a_channel()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        var channels = $"/api/v1/workspaces/{workspace.Id}/channels";

        var created = await editor.PostAsJsonAsync(channels, new { name = "TikTok", kind = "TikTok", account = "@brand" });
        var duplicate = await editor.PostAsJsonAsync(channels, new { name = "TikTok", kind = "TikTok" });
        var channel = (await created.Content.ReadFromJsonAsync<ChannelDto>(ApiResponses.Json))!;
        var updated = await editor.PutAsJsonAsync($"{channels}/{channel.Id}", new { name = "TikTok FR", kind = "TikTok", mediaType = "Earned" });
        var archived = await editor.PostAsync($"{channels}/{channel.Id}/archive", null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((2, MediaType.Owned), (channel.SortOrder, channel.MediaType));
        Assert.Equal(["name"], (await duplicate.ValidationErrorsAsync()).Keys);
        Assert.Equal(MediaType.Earned, (await updated.Content.ReadFromJsonAsync<ChannelDto>(ApiResponses.Json))!.MediaType);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.DoesNotContain((await editor.GetFromJsonAsync<List<ChannelDto>>(channels, ApiResponses.Json))!, c => c.Id == channel.Id);
        Assert.Contains((await editor.GetFromJsonAsync<List<ChannelDto>>($"{channels}?includeArchived=true", ApiResponses.Json))!, c => c.Id == channel.Id);
    }

    [Fact]
    public async Task A_figure_for_an_archived_channel_is_refused()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        await editor.PostAsync($"/api/v1/workspaces/{workspace.Id}/channels/{workspace.ChannelIds[1]}/archive", null);

        var response = await editor.PutAsJsonAsync($"/api/v1/workspaces/{workspace.Id}/metric-values",
            new { items = new[] { new { channelId = workspace.ChannelIds[1], metric = "reach", week = "2026-W05", value = 1 } } });

        Assert.Equal(["items[0].channelId"], (await response.ValidationErrorsAsync()).Keys);
    }

    [Fact]
    public async Task The_catalogue_lists_standard_and_custom_metrics_and_a_custom_key_cannot_take_a_standard_one()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        var metrics = $"/api/v1/workspaces/{workspace.Id}/metrics";

        var custom = await editor.PostAsJsonAsync(metrics, new { key = "store_visits", nameFr = "Visites en boutique", nameEn = "Store visits", unit = "Count" });
        var clash = await editor.PostAsJsonAsync(metrics, new { key = "reach", nameFr = "Portée", nameEn = "Reach", unit = "Count" });
        var badKey = await editor.PostAsJsonAsync(metrics, new { key = "Store Visits", nameFr = "x", nameEn = "x", unit = "Count" });
        var catalogue = await editor.GetFromJsonAsync<List<MetricDto>>($"{metrics}?lang=fr", ApiResponses.Json);

        Assert.Equal(HttpStatusCode.Created, custom.StatusCode);
        Assert.Contains("standard", (await clash.ValidationErrorsAsync())["key"][0], StringComparison.Ordinal);
        Assert.Equal(["key"], (await badKey.ValidationErrorsAsync()).Keys);
        Assert.Contains(catalogue!, m => m is { Key: "reach", IsStandard: true, Name: "Portée" });
        Assert.Contains(catalogue!, m => m is { Key: "store_visits", IsStandard: false, Name: "Visites en boutique" });

        var push = await editor.PutAsJsonAsync($"/api/v1/workspaces/{workspace.Id}/metric-values",
            new { items = new[] { new { channelId = workspace.ChannelIds[0], metric = "store_visits", week = "2026-W05", value = 12 } } });
        Assert.Equal(HttpStatusCode.OK, push.StatusCode);
    }

    [Fact]
    public async Task A_custom_metric_of_one_workspace_is_unknown_to_another()
    {
        var mine = await app.CreateWorkspaceAsync();
        var other = await app.CreateWorkspaceAsync();
        var user = await app.CreateUserAsync();
        await app.AddMemberAsync(mine.Id, user, WorkspaceRole.Editor);
        await app.AddMemberAsync(other.Id, user, WorkspaceRole.Editor);
        using var editor = await app.ClientAsync(user);
        await editor.PostAsJsonAsync($"/api/v1/workspaces/{mine.Id}/metrics", new { key = "secret_metric", nameFr = "x", nameEn = "x", unit = "Count" });

        var response = await editor.PutAsJsonAsync($"/api/v1/workspaces/{other.Id}/metric-values",
            new { items = new[] { new { channelId = other.ChannelIds[0], metric = "secret_metric", week = "2026-W05", value = 1 } } });

        Assert.Equal(["items[0].metric"], (await response.ValidationErrorsAsync()).Keys);
    }

    [Fact]
    public async Task Annotations_are_created_listed_by_date_and_deleted()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        var annotations = $"/api/v1/workspaces/{workspace.Id}/annotations";

        var launch = await editor.PostAsJsonAsync(annotations, new { date = "2026-03-02", text = "Campaign launch", channelIds = new[] { workspace.ChannelIds[0] } });
        await editor.PostAsJsonAsync(annotations, new { date = "2026-05-11", text = "Press article" });
        var invalid = await editor.PostAsJsonAsync(annotations, new { text = "", channelIds = new[] { 999_999 } });
        var created = (await launch.Content.ReadFromJsonAsync<AnnotationDto>(ApiResponses.Json))!;

        var march = await editor.GetFromJsonAsync<List<AnnotationDto>>($"{annotations}?from=2026-03-01&to=2026-03-31", ApiResponses.Json);
        Assert.Equal("Campaign launch", Assert.Single(march!).Text);
        Assert.Equal(["channelIds[0]", "date", "text"], (await invalid.ValidationErrorsAsync()).Keys.Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"{annotations}/{created.Id}")).StatusCode);
        Assert.Equal("Press article", Assert.Single((await editor.GetFromJsonAsync<List<AnnotationDto>>(annotations, ApiResponses.Json))!).Text);
        await (await editor.DeleteAsync($"{annotations}/{created.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_nested_id_of_another_workspace_is_not_found()
    {
        var mine = await app.CreateWorkspaceAsync();
        var theirs = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(mine.Id, WorkspaceRole.Editor);

        var response = await editor.PutAsJsonAsync($"/api/v1/workspaces/{mine.Id}/channels/{theirs.ChannelIds[0]}", new { name = "Mine now", kind = "Custom" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
