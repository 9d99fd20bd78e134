using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Api;
using SocialKpi.Web.Tests.Api;

namespace SocialKpi.Web.Tests;

/// <summary>
/// Every endpoint of the app (pages, API, the rest) × every kind of caller, against the rule it must follow.
/// The list comes from the app itself: an endpoint added without a rule here (or, under a workspace, without
/// its declared role) fails the first test.
/// </summary>
public partial class AuthorizationMatrixTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    private enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,
        /// <summary>Any signed-in user.</summary>
        SignedIn,
        /// <summary>Administrators only.</summary>
        Administrator,
        /// <summary>A workspace endpoint: its declared role (WorkspaceRoleRequirement) in that workspace.</summary>
        Workspace,
        /// <summary>Framework plumbing (the Blazor circuit hub): not called directly, but never open to anonymous callers.</summary>
        Circuit,
    }

    /// <summary>The rule of every endpoint outside /api/v1/workspaces/{id}, whose rules are the roles they declare.</summary>
    private static readonly Dictionary<string, Access> Rules = new(StringComparer.Ordinal)
    {
        // Pages
        ["GET /"] = Access.SignedIn,
        ["GET /objectives"] = Access.SignedIn,
        ["GET /dashboard/objectives/{Id}"] = Access.SignedIn,
        ["GET /dashboard/channels/{Id}"] = Access.SignedIn,
        ["GET /missing"] = Access.SignedIn,
        ["GET /social-proof"] = Access.SignedIn,
        ["GET /entry"] = Access.SignedIn,
        ["GET /import"] = Access.SignedIn,
        ["GET /metrics"] = Access.SignedIn,
        ["GET /formulas"] = Access.SignedIn,
        ["GET /settings"] = Access.SignedIn,
        ["GET /reports"] = Access.SignedIn,
        ["GET /account/profile"] = Access.SignedIn,
        ["GET /account/denied"] = Access.SignedIn,
        ["GET /not-found"] = Access.SignedIn,
        ["GET /admin/users"] = Access.Administrator,
        ["GET /setup"] = Access.Public,
        ["GET /account/login"] = Access.Public,
        ["GET /account/reset"] = Access.Public,
        ["GET /invite/{Secret}"] = Access.Public,
        ["GET /Error"] = Access.Public,
        // Plain endpoints
        ["GET /health"] = Access.Public,
        ["GET /culture/{culture}"] = Access.Public,
        ["GET /theme/{choice}"] = Access.Public,
        ["POST /account/logout"] = Access.SignedIn,
        ["GET /account/refresh"] = Access.SignedIn,
        ["GET /openapi/{documentName}.json"] = Access.SignedIn,
        ["GET /scalar/{documentName?}"] = Access.SignedIn,
        // Scalar's own script and icon are static files: nothing in them is ours.
        ["GET /scalar/scalar.js"] = Access.Public,
        ["GET /scalar/scalar.aspnetcore.js"] = Access.Public,
        ["GET /scalar/favicon.svg"] = Access.Public,
        // API outside a workspace
        ["POST /api/v1/tokens"] = Access.Public,
        ["GET /api/v1/tokens"] = Access.SignedIn,
        ["DELETE /api/v1/tokens/{tokenId}"] = Access.SignedIn,
        ["GET /api/v1/workspaces"] = Access.SignedIn,
        // The Blazor circuit
        ["POST /_blazor/negotiate"] = Access.Circuit,
        ["GET /_blazor/negotiate"] = Access.Circuit,
        ["GET /_blazor"] = Access.Circuit,
        ["POST /_blazor"] = Access.Circuit,
        ["GET /_blazor/disconnect"] = Access.Circuit,
        ["POST /_blazor/disconnect"] = Access.Circuit,
        ["GET /_blazor/initializers"] = Access.Circuit,
    };

    private sealed record Caller(string Name, HttpClient Client, WorkspaceRole? RoleInDemo, bool IsAdministrator, bool IsSignedIn);

    private sealed record Endpoint(string Method, string Pattern, bool IsPage, Access Access, WorkspaceRole? Role)
    {
        public string Key => $"{Method} {Pattern}";
    }

    [Fact]
    public void Every_endpoint_has_a_rule()
    {
        var missing = AllEndpoints().Where(e => e.Access == (Access)(-1)).Select(e => e.Key).ToList();

        Assert.True(missing.Count == 0, "Endpoints without an authorization rule: " + string.Join(", ", missing));
        Assert.Contains(AllEndpoints(), e => e.Access == Access.Workspace);
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_its_rule_says_and_never_leaks_a_workspace()
    {
        var demo = await app.DemoWorkspaceIdAsync();
        var demoName = await app.WithDbAsync(db => db.Workspaces.Where(w => w.Id == demo).Select(w => w.Name).SingleAsync());
        var ids = await ExistingIdsAsync(demo);
        var callers = await CallersAsync(demo);
        var failures = new List<string>();

        foreach (var endpoint in AllEndpoints().Where(e => e.Access != Access.Circuit || e.Method == "POST"))
        {
            foreach (var caller in callers)
            {
                using var request = Request(endpoint, demo, ids);
                using var response = await caller.Client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var expected = Expected(endpoint, caller);
                if (!expected.Accepts(response))
                {
                    failures.Add($"{caller.Name,-10} {endpoint.Key}: {(int)response.StatusCode} {response.Headers.Location}, expected {expected}");
                }

                // Whatever it answers, a caller outside the workspace never reads its name.
                if (caller.RoleInDemo is null && !caller.IsAdministrator && WebUtility.HtmlDecode(body).Contains(demoName, StringComparison.Ordinal))
                {
                    failures.Add($"{caller.Name,-10} {endpoint.Key}: the answer names the workspace {demoName}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_form_posted_from_another_site_without_the_antiforgery_token_is_refused()
    {
        using var client = await app.AdminClientAsync();
        using var form = new FormUrlEncodedContent([]);

        var response = await client.PostAsync("/account/logout", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>What a caller must get from an endpoint.</summary>
    private sealed record Expectation(string Description, Func<HttpResponseMessage, bool> Accepts)
    {
        public override string ToString() => Description;
    }

    private static Expectation Expected(Endpoint endpoint, Caller caller)
    {
        var isApi = endpoint.Pattern.StartsWith("/api/", StringComparison.Ordinal);
        Expectation challenged = isApi
            ? new("401", r => r.StatusCode == HttpStatusCode.Unauthorized)
            : new("redirect to sign-in", r => r.StatusCode == HttpStatusCode.Redirect
                                              && r.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true);
        Expectation forbidden = new("403", r => r.StatusCode == HttpStatusCode.Forbidden);
        Expectation hidden = new("404", r => r.StatusCode == HttpStatusCode.NotFound);
        // Allowed: a read answers (or sends on elsewhere than the sign-in page); a write is anything but a refusal —
        // with an empty body it may answer 400, for an item that is not there 404, without an antiforgery token 400.
        static bool ToSignIn(HttpResponseMessage r) =>
            r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true;
        Expectation allowed = endpoint.Method == "GET"
            ? new("200 or a redirect", r => r.StatusCode == HttpStatusCode.OK || (r.StatusCode == HttpStatusCode.Redirect && !ToSignIn(r)))
            : new("not refused", r => r.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && !ToSignIn(r));

        if (endpoint.Key == "POST /account/logout")
        {
            // Signing out is a form of the app's own pages: without their antiforgery token it is refused (the browser
            // test signs out for real); a stranger is challenged before that.
            allowed = new("400 without the antiforgery token", r => r.StatusCode == HttpStatusCode.BadRequest);
        }

        return endpoint.Access switch
        {
            Access.Public => allowed,
            Access.SignedIn or Access.Circuit => caller.IsSignedIn ? allowed : challenged,
            Access.Administrator => !caller.IsSignedIn ? challenged : caller.IsAdministrator ? allowed : forbidden,
            Access.Workspace => !caller.IsSignedIn ? challenged
                : caller.IsAdministrator || caller.RoleInDemo >= endpoint.Role ? allowed
                : caller.RoleInDemo is null ? hidden
                : forbidden,
            _ => throw new InvalidOperationException(endpoint.Key),
        };
    }

    private List<Endpoint> AllEndpoints() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e))
            .SelectMany(e =>
            {
                var isPage = e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                var pattern = Normalized(e.RoutePattern.RawText ?? "");
                var role = e.Metadata.GetMetadata<WorkspaceRoleRequirement>()?.Role;
                // Pages also accept the POST of their forms; those are covered by antiforgery, not by this matrix.
                return methods.Where(m => !isPage || m == "GET").Select(m =>
                {
                    var key = $"{m} {pattern}";
                    var access = role is not null ? Access.Workspace : Rules.TryGetValue(key, out var rule) ? rule : (Access)(-1);
                    return new Endpoint(m, pattern, isPage, access, role);
                });
            })
            .DistinctBy(e => e.Key)
            .ToList();

    /// <summary>"/api/v1/tokens/{tokenId:int}/" → "/api/v1/tokens/{tokenId}": constraints and trailing slashes do not change the rule.</summary>
    private static string Normalized(string pattern)
    {
        var withoutConstraints = Constraint().Replace(pattern, "}");
        return withoutConstraints.Length > 1 ? withoutConstraints.TrimEnd('/') : withoutConstraints;
    }

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))
        || endpoint.RoutePattern.RawText?.StartsWith("/_framework/", StringComparison.Ordinal) == true
        || endpoint.RoutePattern.RawText?.Contains("{**path:file}", StringComparison.Ordinal) == true;

    private async Task<List<Caller>> CallersAsync(int demo)
    {
        var outsiderWorkspace = await app.CreateWorkspaceAsync();
        var callers = new List<Caller>
        {
            new("anonymous", app.AnonymousClient(), null, false, false),
            new("outsider", await app.MemberClientAsync(outsiderWorkspace.Id, WorkspaceRole.Owner), null, false, true),
        };
        foreach (var role in Enum.GetValues<WorkspaceRole>())
        {
            callers.Add(new(role.ToString().ToLowerInvariant(), await app.MemberClientAsync(demo, role), role, false, true));
        }

        callers.Add(new("admin", await app.AdminClientAsync(), WorkspaceRole.Owner, true, true));
        return callers;
    }

    /// <summary>Real ids of the demo workspace's rows, so reads by allowed callers find something.</summary>
    private Task<Dictionary<string, int>> ExistingIdsAsync(int demo) => app.WithDbAsync(async db => new Dictionary<string, int>
    {
        ["channelId"] = await db.Channels.Where(c => c.WorkspaceId == demo).MinAsync(c => c.Id),
        ["objectiveId"] = await db.Objectives.Where(o => o.WorkspaceId == demo).MinAsync(o => o.Id),
        ["kpiId"] = await db.Kpis.Where(k => db.Objectives.Any(o => o.Id == k.ObjectiveId && o.WorkspaceId == demo)).MinAsync(k => k.Id),
        ["annotationId"] = await db.Annotations.Where(a => a.WorkspaceId == demo).MaxAsync(a => a.Id),
        ["competitorId"] = await db.Competitors.Where(c => c.WorkspaceId == demo).MinAsync(c => c.Id),
    });

    private static HttpRequestMessage Request(Endpoint endpoint, int demo, Dictionary<string, int> ids)
    {
        var path = RouteParameter().Replace(endpoint.Pattern, match =>
        {
            var name = match.Groups["name"].Value;
            return name switch
            {
                "workspaceId" => demo.ToString(CultureInfo.InvariantCulture),
                "culture" => "fr-FR",
                "choice" => "dark",
                "documentName" => "v1",
                "Secret" => "not-a-real-invitation",
                _ when ids.TryGetValue(name, out var id) => id.ToString(CultureInfo.InvariantCulture),
                _ => "999999",
            };
        });
        // Pages are asked about the demo workspace explicitly: an outsider must not be shown it.
        if (endpoint.IsPage)
        {
            path += $"?workspace={demo}";
        }

        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\??\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@":(int|long|guid|alpha)\}")]
    private static partial Regex Constraint();
}
