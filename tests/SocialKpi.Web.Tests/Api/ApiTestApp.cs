using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Data.Identity;
using SocialKpi.Data.Seeding;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Account;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Tests.Api;

/// <summary>An account made for a test, with the password it was created with.</summary>
public sealed record TestUser(string Id, string Email, string Password);

/// <summary>A workspace made for a test, with its channels' ids in the order they were named.</summary>
public sealed record TestWorkspace(int Id, IReadOnlyList<int> ChannelIds);

/// <summary>
/// The app with the demo workspace and a first administrator (so the API is past first-run setup), and builders that
/// go through the app's own services: users by invitation (AccountService), memberships, workspaces, tokens.
/// One per test class; tests that write make their own workspace, so they do not see each other's figures.
/// </summary>
public sealed class ApiTestApp : IAsyncLifetime
{
    public const string AdminEmail = "admin@socialkpi.test";
    public const string AdminPassword = "admin-password-1";

    private int counter;

    public ApiTestApp()
        : this(signInPermitPerMinute: 10_000)
    {
    }

    private ApiTestApp(int signInPermitPerMinute)
    {
        Factory = new SocialKpiAppFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["SocialKpi:BootstrapAdmin:Email"] = AdminEmail,
                ["SocialKpi:BootstrapAdmin:Password"] = AdminPassword,
                ["SocialKpi:SignInRateLimit:PermitPerMinute"] = signInPermitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
    }

    public SocialKpiAppFactory Factory { get; }

    /// <summary>An app whose sign-in rate limit (also for issuing tokens) is <paramref name="permit"/> a minute.</summary>
    public static ApiTestApp WithSignInPermitPerMinute(int permit) => new(permit);

    public Task InitializeAsync()
    {
        _ = Factory.Services; // starts the app: migrations, demo seed, first administrator
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public HttpClient AnonymousClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>A client that sends <paramref name="token"/> as "Authorization: Bearer …".</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client acting as <paramref name="user"/> through a personal access token made for it.</summary>
    public async Task<HttpClient> ClientAsync(TestUser user)
    {
        var (_, secret) = await Factory.Services.GetRequiredService<PersonalAccessTokens>().CreateAsync(user.Id, "tests");
        return ClientWithToken(secret);
    }

    /// <summary>A client acting as a new user who holds <paramref name="role"/> in <paramref name="workspaceId"/>.</summary>
    public async Task<HttpClient> MemberClientAsync(int workspaceId, WorkspaceRole role)
    {
        var user = await CreateUserAsync();
        await AddMemberAsync(workspaceId, user, role);
        return await ClientAsync(user);
    }

    public async Task<HttpClient> AdminClientAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(AdminEmail);
        return await ClientAsync(new TestUser(admin!.Id, AdminEmail, AdminPassword));
    }

    /// <summary>A new account, invited by the administrator and accepted, as a person would.</summary>
    public async Task<TestUser> CreateUserAsync()
    {
        var email = $"user{Interlocked.Increment(ref counter)}@socialkpi.test";
        const string password = "a-long-enough-password";
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var admin = await users.FindByEmailAsync(AdminEmail);
        var secret = await accounts.InviteAsync(admin!.Id, email, workspaceId: null, WorkspaceRole.Viewer);
        var result = await accounts.AcceptInvitationAsync(secret, password, displayName: null);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        var user = await users.FindByEmailAsync(email);
        return new TestUser(user!.Id, email, password);
    }

    public Task AddMemberAsync(int workspaceId, TestUser user, WorkspaceRole role) => WithDbAsync(async db =>
    {
        ArgumentNullException.ThrowIfNull(user);
        db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = user.Id, Role = role });
        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>A new, empty workspace with the named channels (default: Instagram and Facebook).</summary>
    public Task<TestWorkspace> CreateWorkspaceAsync(params string[] channelNames) => WithDbAsync(async db =>
    {
        var workspace = new Workspace { Name = $"Test workspace {Interlocked.Increment(ref counter)}", Locale = SupportedLocales.English };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        var names = channelNames.Length > 0 ? channelNames : ["Instagram", "Facebook"];
        var channels = names.Select((name, i) => new Channel { WorkspaceId = workspace.Id, Name = name, Kind = ChannelKind.Custom, SortOrder = i }).ToList();
        db.Channels.AddRange(channels);
        await db.SaveChangesAsync();
        return new TestWorkspace(workspace.Id, channels.Select(c => c.Id).ToList());
    });

    public Task<int> DemoWorkspaceIdAsync() =>
        WithDbAsync(db => db.Workspaces.Where(w => w.Name == DemoSeeder.WorkspaceName).Select(w => w.Id).SingleAsync());

    public async Task<T> WithDbAsync<T>(Func<SocialKpiDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>().CreateDbContextAsync();
        return await action(db);
    }
}

/// <summary>Small helpers for reading API answers in tests.</summary>
public static class ApiResponses
{
    /// <summary>The API's JSON: camelCase, enums by name.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerOptions.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The "errors" of a validation problem: field → messages.</summary>
    public static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemBody>();
        return problem?.Errors ?? [];
    }

    public static async Task AssertProblemAsync(this HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private sealed record ValidationProblemBody(Dictionary<string, string[]>? Errors);
}
