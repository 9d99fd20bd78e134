using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Api;

namespace SocialKpi.Web.Tests.Api;

public class MetricValuesApiTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    private static string ValuesOf(TestWorkspace workspace) => $"/api/v1/workspaces/{workspace.Id}/metric-values";

    private static object Item(int channelId, string metric, string week, object? value, int? version = null) =>
        new { channelId, metric, week, value, version };

    private async Task<(TestWorkspace Workspace, HttpClient Editor)> EditorOfNewWorkspaceAsync()
    {
        var workspace = await app.CreateWorkspaceAsync();
        return (workspace, await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor));
    }

    private Task<int> StoredValueCountAsync(TestWorkspace workspace) =>
        app.WithDbAsync(db => db.MetricValues.CountAsync(v => v.WorkspaceId == workspace.Id));

    [Fact]
    public async Task A_bulk_upsert_writes_every_item_and_answers_the_outcome_of_each()
    {
        var (workspace, editor) = await EditorOfNewWorkspaceAsync();
        using var _ = editor;
        var (instagram, facebook) = (workspace.ChannelIds[0], workspace.ChannelIds[1]);
        await editor.PutAsJsonAsync(ValuesOf(workspace), new { items = new[] { Item(instagram, "reach", "2026-W05", 1000) } });

        var response = await editor.PutAsJsonAsync(ValuesOf(workspace), new
        {
            items = new[]
            {
                Item(instagram, "reach", "2026-W05", 1000),
                Item(instagram, "reach", "2026-W06", 1200),
                Item(facebook, "bounce_rate", "2026-W06", 48.5),
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<MetricValuesUpsertResult>(ApiResponses.Json))!;
        Assert.Equal((2, 0, 1), (result.Created, result.Updated, result.Unchanged));
        Assert.Equal([UpsertOutcome.Unchanged, UpsertOutcome.Created, UpsertOutcome.Created], result.Items.Select(i => i.Outcome));
        var stored = await editor.GetFromJsonAsync<List<MetricValueDto>>($"{ValuesOf(workspace)}?from=2026-W05&to=2026-W06", ApiResponses.Json);
        Assert.Equal(3, stored!.Count);
        Assert.Equal(48.5, stored.Single(v => v.Metric == "bounce_rate").Value);
    }

    [Fact]
    public async Task One_invalid_item_refuses_the_whole_request_and_nothing_is_written()
    {
        var (workspace, editor) = await EditorOfNewWorkspaceAsync();
        using var _ = editor;
        var channel = workspace.ChannelIds[0];

        var response = await editor.PostAsJsonAsync(ValuesOf(workspace), new
        {
            items = new[]
            {
                Item(channel, "reach", "2026-W05", 1000),
                Item(channel, "reach", "2026-W06", 1100),
                Item(channel, "reach", "2026-W07", -5),
                Item(channel, "reach", "2026-W08", 1300),
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["items[2].value"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, await StoredValueCountAsync(workspace));
    }

    [Fact]
    public async Task The_problem_details_name_every_bad_field_of_every_item()
    {
        var (workspace, editor) = await EditorOfNewWorkspaceAsync();
        using var _ = editor;
        var channel = workspace.ChannelIds[0];

        var response = await editor.PutAsJsonAsync(ValuesOf(workspace), new
        {
            items = new[]
            {
                Item(channel, "reach", "2026-W05", 1000),
                Item(999_999, "reach", "2026-W05", 1),
                Item(channel, "no_such_metric", "2026-W05", 1),
                Item(channel, "reach", "2026-5", 1),
                Item(channel, "bounce_rate", "2026-W05", 130),
                Item(channel, "comments", "2026-W05", "NaN"),
                Item(channel, "reach", "2026-W05", 2000),
                Item(channel, "shares", "2026-W05", null),
            },
        });

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(
            ["items[1].channelId", "items[2].metric", "items[3].week", "items[4].value", "items[5].value", "items[6]", "items[7].value"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("2026-W05", errors["items[3].week"][0], StringComparison.Ordinal);
        Assert.Contains("between 0 and 100", errors["items[4].value"][0], StringComparison.Ordinal);
        Assert.Contains("items[0]", errors["items[6]"][0], StringComparison.Ordinal);
        Assert.Equal(0, await StoredValueCountAsync(workspace));
    }

    [Theory]
    [InlineData("{\"items\": [{\"channelId\": 1, ")]
    [InlineData("{\"items\": [{\"channelId\": \"one\"}]}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    public async Task A_malformed_body_is_a_400_problem_not_a_server_error(string body)
    {
        var (workspace, editor) = await EditorOfNewWorkspaceAsync();
        using var _ = editor;
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await editor.PutAsync(ValuesOf(workspace), content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_writer_with_a_stale_version_gets_409_and_the_first_writers_value_is_kept()
    {
        var (workspace, first) = await EditorOfNewWorkspaceAsync();
        using var _ = first;
        using var second = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        var channel = workspace.ChannelIds[0];
        await first.PutAsJsonAsync(ValuesOf(workspace), new { items = new[] { Item(channel, "reach", "2026-W05", 1000) } });
        var read = (await first.GetFromJsonAsync<List<MetricValueDto>>($"{ValuesOf(workspace)}?from=2026-W05&to=2026-W05", ApiResponses.Json))!.Single();

        var firstWrite = await first.PutAsJsonAsync(ValuesOf(workspace), new { items = new[] { Item(channel, "reach", "2026-W05", 1100, read.Version) } });
        var secondWrite = await second.PutAsJsonAsync(ValuesOf(workspace), new
        {
            items = new[] { Item(channel, "comments", "2026-W05", 7), Item(channel, "reach", "2026-W05", 1500, read.Version) },
        });

        Assert.Equal(HttpStatusCode.OK, firstWrite.StatusCode);
        await secondWrite.AssertProblemAsync(HttpStatusCode.Conflict);
        var conflict = Assert.Single((await secondWrite.Content.ReadFromJsonAsync<ConflictBody>(ApiResponses.Json))!.Conflicts);
        Assert.Equal((1, "reach", "2026-W05", 1100d, read.Version + 1, 1500d, read.Version),
            (conflict.Index, conflict.Metric, conflict.Week, conflict.StoredValue, conflict.StoredVersion, conflict.SentValue, conflict.SentVersion));
        var stored = await first.GetFromJsonAsync<List<MetricValueDto>>($"{ValuesOf(workspace)}?from=2026-W05&to=2026-W05", ApiResponses.Json);
        Assert.Equal(1100, Assert.Single(stored!).Value);
    }

    [Fact]
    public async Task Two_simultaneous_writers_of_the_same_cell_with_the_same_version_one_wins_and_the_other_gets_409()
    {
        var (workspace, first) = await EditorOfNewWorkspaceAsync();
        using var _ = first;
        using var second = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        var channel = workspace.ChannelIds[0];

        // Both believe the cell is empty (version 0): whoever writes first creates it, the other is refused.
        var writes = await Task.WhenAll(
            first.PutAsJsonAsync(ValuesOf(workspace), new { items = new[] { Item(channel, "reach", "2026-W09", 111, 0) } }),
            second.PutAsJsonAsync(ValuesOf(workspace), new { items = new[] { Item(channel, "reach", "2026-W09", 222, 0) } }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], writes.Select(w => w.StatusCode).Order());
        var winner = writes.Single(w => w.StatusCode == HttpStatusCode.OK) == writes[0] ? 111 : 222;
        var stored = await first.GetFromJsonAsync<List<MetricValueDto>>($"{ValuesOf(workspace)}?from=2026-W09&to=2026-W09", ApiResponses.Json);
        Assert.Equal(winner, Assert.Single(stored!).Value);
    }

    [Fact]
    public async Task Without_a_version_the_last_writer_wins_and_each_change_gets_the_next_version_and_the_callers_name()
    {
        var workspace = await app.CreateWorkspaceAsync();
        var user = await app.CreateUserAsync();
        await app.AddMemberAsync(workspace.Id, user, WorkspaceRole.Editor);
        using var editor = await app.ClientAsync(user);
        var channel = workspace.ChannelIds[0];

        await editor.PutAsJsonAsync(ValuesOf(workspace), new { items = new[] { Item(channel, "reach", "2026-W05", 1000) } });
        var response = await editor.PutAsJsonAsync(ValuesOf(workspace), new { items = new[] { Item(channel, "reach", "2026-W05", 900) } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var value = (await editor.GetFromJsonAsync<List<MetricValueDto>>($"{ValuesOf(workspace)}?from=2026-W05&to=2026-W05", ApiResponses.Json))!.Single();
        Assert.Equal((900d, 2, user.Email), (value.Value, value.Version, value.UpdatedBy));
    }

    [Fact]
    public async Task Costs_are_written_all_or_nothing_and_a_stale_version_gets_409()
    {
        var (workspace, editor) = await EditorOfNewWorkspaceAsync();
        using var _ = editor;
        var costs = $"/api/v1/workspaces/{workspace.Id}/costs";
        var channel = workspace.ChannelIds[0];

        var invalid = await editor.PutAsJsonAsync(costs, new
        {
            items = new object[]
            {
                new { channelId = channel, week = "2026-W05", category = "AdSpend", amount = 350m },
                new { channelId = (int?)null, week = "2026-W05", category = "Tools", amount = 79.999m },
            },
        });
        var errors = await invalid.ValidationErrorsAsync();
        Assert.Equal(["items[1].amount"], errors.Keys);
        Assert.Equal(0, await app.WithDbAsync(db => db.Costs.CountAsync(c => c.WorkspaceId == workspace.Id)));

        var created = await editor.PutAsJsonAsync(costs, new { items = new[] { new { channelId = (int?)null, week = "2026-W05", category = "Tools", amount = 79m, version = 0 } } });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var changed = await editor.PutAsJsonAsync(costs, new { items = new[] { new { channelId = (int?)null, week = "2026-W05", category = "Tools", amount = 99m, version = 1 } } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var stale = await editor.PutAsJsonAsync(costs, new { items = new[] { new { channelId = (int?)null, week = "2026-W05", category = "Tools", amount = 59m, version = 1 } } });

        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        var stored = await editor.GetFromJsonAsync<List<CostDto>>($"{costs}?from=2026-W05&to=2026-W05", ApiResponses.Json);
        Assert.Equal((99m, 2), (Assert.Single(stored!).Amount, stored![0].Version));
    }


    private sealed record ConflictBody(List<MetricValueConflict> Conflicts);
}
