using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Api;

namespace SocialKpi.Web.Tests.Api;

public partial class AccessApiTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    /// <summary>Every API endpoint under a workspace, from the app's own endpoint list: (method, route pattern, least role).</summary>
    private List<(string Method, string Pattern, WorkspaceRole Role)> WorkspaceEndpoints() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/workspaces/{workspaceId", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => (m, e.RoutePattern.RawText!, e.Metadata.GetMetadata<WorkspaceRoleRequirement>()!.Role)))
            .ToList();

    /// <summary>A request to <paramref name="pattern"/> in <paramref name="workspaceId"/>, other ids set to 1, with an empty JSON body.</summary>
    private static HttpRequestMessage RequestTo(string method, string pattern, int workspaceId)
    {
        var path = RouteParameter().Replace(pattern.Replace("{workspaceId:int}", workspaceId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), "1");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public void Every_workspace_endpoint_declares_its_role_and_none_that_writes_is_open_to_viewers()
    {
        var endpoints = WorkspaceEndpoints();

        Assert.True(endpoints.Count >= 25, $"Only {endpoints.Count} workspace endpoints found.");
        Assert.All(endpoints.Where(e => e.Method != "GET"), e => Assert.True(e.Role >= WorkspaceRole.Editor, $"{e.Method} {e.Pattern} is open to viewers."));
    }

    [Fact]
    public async Task A_non_member_gets_404_on_every_workspace_path_whether_or_not_the_workspace_exists()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var outsider = await app.MemberClientAsync((await app.CreateWorkspaceAsync()).Id, WorkspaceRole.Owner);

        foreach (var (method, pattern, _) in WorkspaceEndpoints())
        {
            foreach (var workspaceId in new[] { workspace.Id, 987_654 })
            {
                using var request = RequestTo(method, pattern, workspaceId);
                var response = await outsider.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {request.RequestUri}: {(int)response.StatusCode}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("Test workspace", body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_viewer_reads_every_workspace_path_but_gets_403_on_every_write()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var viewer = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Viewer);

        foreach (var (method, pattern, role) in WorkspaceEndpoints())
        {
            using var request = RequestTo(method, pattern, workspace.Id);
            var response = await viewer.SendAsync(request);

            if (role == WorkspaceRole.Viewer)
            {
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{method} {request.RequestUri}: {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {request.RequestUri}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task Writes_need_the_editor_role_and_workspace_settings_the_owner_role()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var editor = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Editor);
        using var owner = await app.MemberClientAsync(workspace.Id, WorkspaceRole.Owner);
        var settings = new { name = "Renamed brand", currency = "CHF", locale = "fr-FR" };

        var editorWrites = await editor.PutAsJsonAsync($"/api/v1/workspaces/{workspace.Id}/metric-values",
            new { items = new[] { new { channelId = workspace.ChannelIds[0], metric = "reach", week = "2026-W05", value = 10 } } });
        var editorSettings = await editor.PutAsJsonAsync($"/api/v1/workspaces/{workspace.Id}", settings);
        var ownerSettings = await owner.PutAsJsonAsync($"/api/v1/workspaces/{workspace.Id}", settings);

        Assert.Equal(HttpStatusCode.OK, editorWrites.StatusCode);
        await editorSettings.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, ownerSettings.StatusCode);
        var changed = await owner.GetFromJsonAsync<WorkspaceDto>($"/api/v1/workspaces/{workspace.Id}", ApiResponses.Json);
        Assert.Equal(("Renamed brand", "CHF", WorkspaceRole.Owner), (changed!.Name, changed.Currency, changed.Role));
    }

    [Fact]
    public async Task The_workspace_list_holds_only_the_callers_workspaces_with_their_role()
    {
        var mine = await app.CreateWorkspaceAsync();
        await app.CreateWorkspaceAsync();
        using var viewer = await app.MemberClientAsync(mine.Id, WorkspaceRole.Viewer);

        var workspaces = await viewer.GetFromJsonAsync<List<WorkspaceDto>>("/api/v1/workspaces", ApiResponses.Json);

        var only = Assert.Single(workspaces!);
        Assert.Equal((mine.Id, WorkspaceRole.Viewer), (only.Id, only.Role));
    }

    [Theory]
    [InlineData("/api/v1/workspaces")]
    [InlineData("/api/v1/workspaces/1/kpis")]
    [InlineData("/api/v1/tokens")]
    [InlineData("/api/v1/no-such-thing")]
    public async Task Anonymous_callers_and_unknown_tokens_get_a_401_problem(string path)
    {
        using var anonymous = app.AnonymousClient();
        using var forged = app.ClientWithToken("skpi_not-a-real-token");

        await (await anonymous.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await forged.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_administrator_sees_every_workspace_as_owner()
    {
        var workspace = await app.CreateWorkspaceAsync();
        using var admin = await app.AdminClientAsync();

        var response = await admin.GetFromJsonAsync<WorkspaceDto>($"/api/v1/workspaces/{workspace.Id}", ApiResponses.Json);

        Assert.Equal(WorkspaceRole.Owner, response!.Role);
    }

}
