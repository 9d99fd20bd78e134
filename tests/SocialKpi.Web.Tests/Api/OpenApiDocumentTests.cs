using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SocialKpi.Web.Tests.Api;

public class OpenApiDocumentTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    [Fact]
    public async Task The_document_lists_every_api_endpoint_with_a_name_and_a_summary()
    {
        using var client = await app.ClientAsync(await app.CreateUserAsync());

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Path: OpenApiPath(e.RoutePattern.RawText!))))
            .ToList();
        Assert.True(endpoints.Count >= 30, $"Only {endpoints.Count} API endpoints found.");
        foreach (var (method, path) in endpoints)
        {
            Assert.True(paths.TryGetProperty(path, out var operations), $"{path} is not in the document.");
            Assert.True(operations.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not in the document.");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()), $"{method} {path} has no name.");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary.");
        }
    }

    [Fact]
    public async Task The_document_says_an_import_is_a_multipart_upload_of_a_file()
    {
        using var client = await app.ClientAsync(await app.CreateUserAsync());

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var body = document.RootElement.GetProperty("paths").GetProperty("/api/v1/workspaces/{workspaceId}/imports").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal("binary", body.GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
    }

    [Fact]
    public async Task The_document_describes_the_bearer_token_and_only_the_token_request_is_anonymous()
    {
        using var client = await app.ClientAsync(await app.CreateUserAsync());

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        Assert.True(root.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        var createToken = root.GetProperty("paths").GetProperty("/api/v1/tokens").GetProperty("post");
        Assert.Equal(0, createToken.GetProperty("security").GetArrayLength());
        Assert.DoesNotContain("/health", root.GetProperty("paths").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_document_and_the_reference_page_are_for_signed_in_users()
    {
        using var anonymous = app.AnonymousClient();
        using var client = await app.ClientAsync(await app.CreateUserAsync());

        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/scalar/")).StatusCode);
        var page = await client.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>"/api/v1/workspaces/{workspaceId:int}/kpis" as the document writes it: "/api/v1/workspaces/{workspaceId}/kpis".</summary>
    private static string OpenApiPath(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/');
}
