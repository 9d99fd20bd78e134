using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Web.Api;
using SocialKpi.Web.Features.Account;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Tests.Api;

public class TokensApiTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    [Fact]
    public async Task A_token_issued_with_a_password_works_is_listed_without_its_secret_and_stops_working_once_revoked()
    {
        var user = await app.CreateUserAsync();
        using var anonymous = app.AnonymousClient();

        var issued = await anonymous.PostAsJsonAsync("/api/v1/tokens", new { email = user.Email, password = user.Password, name = "n8n weekly import" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var token = (await issued.Content.ReadFromJsonAsync<CreatedToken>())!;
        Assert.StartsWith(PersonalAccessTokens.SecretPrefix, token.Token);
        Assert.Equal("n8n weekly import", token.Name);
        Assert.StartsWith(token.Prefix, token.Token);

        using var client = app.ClientWithToken(token.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/workspaces")).StatusCode);

        var listed = await client.GetStringAsync("/api/v1/tokens");
        var tokens = JsonSerializer.Deserialize<List<TokenSummary>>(listed, JsonSerializerOptions.Web)!;
        Assert.Equal(token.Id, Assert.Single(tokens).Id);
        Assert.DoesNotContain(token.Token, listed, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/tokens/{token.Id}")).StatusCode);

        var afterRevoke = await client.GetAsync("/api/v1/workspaces");
        await afterRevoke.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_password_gets_401_and_no_token()
    {
        var user = await app.CreateUserAsync();
        using var anonymous = app.AnonymousClient();

        var response = await anonymous.PostAsJsonAsync("/api/v1/tokens", new { email = user.Email, password = "not-the-password", name = "script" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("\"token\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await app.Factory.Services.GetRequiredService<PersonalAccessTokens>().ListAsync(user.Id));
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_401_as_a_wrong_password()
    {
        using var anonymous = app.AnonymousClient();

        var response = await anonymous.PostAsJsonAsync("/api/v1/tokens", new { email = "nobody@socialkpi.test", password = "whatever-password", name = "script" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_deactivated_user_gets_no_token_and_their_tokens_stop_working()
    {
        var user = await app.CreateUserAsync();
        using var client = await app.ClientAsync(user);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().SetActiveAsync(user.Id, active: false);
        }

        using var anonymous = app.AnonymousClient();
        var issued = await anonymous.PostAsJsonAsync("/api/v1/tokens", new { email = user.Email, password = user.Password, name = "script" });

        await issued.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/v1/workspaces")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_request_without_its_fields_names_each_missing_one()
    {
        using var anonymous = app.AnonymousClient();

        var response = await anonymous.PostAsJsonAsync("/api/v1/tokens", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["email", "name", "password"], errors.Keys.Order());
    }

    [Fact]
    public async Task Someone_cannot_revoke_another_users_token()
    {
        var owner = await app.CreateUserAsync();
        var (token, _) = await app.Factory.Services.GetRequiredService<PersonalAccessTokens>().CreateAsync(owner.Id, "mine");
        using var other = await app.ClientAsync(await app.CreateUserAsync());

        var response = await other.DeleteAsync($"/api/v1/tokens/{token.Id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(Assert.Single(await app.Factory.Services.GetRequiredService<PersonalAccessTokens>().ListAsync(owner.Id)).RevokedAt);
    }

    [Fact]
    public async Task Issuing_tokens_is_rate_limited_like_signing_in()
    {
        var limited = ApiTestApp.WithSignInPermitPerMinute(2);
        await limited.InitializeAsync();
        try
        {
            using var anonymous = limited.AnonymousClient();
            var body = new { email = ApiTestApp.AdminEmail, password = "wrong-password", name = "script" };

            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                statuses.Add((await anonymous.PostAsJsonAsync("/api/v1/tokens", body)).StatusCode);
            }

            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
            await (await anonymous.PostAsJsonAsync("/api/v1/tokens", body)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        }
        finally
        {
            await limited.DisposeAsync();
        }
    }
}
