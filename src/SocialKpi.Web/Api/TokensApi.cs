using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SocialKpi.Data.Identity;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Api;

/// <summary>Personal access tokens: issue one with a password (for scripts), list yours, revoke one.</summary>
public static class TokensApi
{
    private const string WrongCredentials =
        "The e-mail or the password is wrong, or the account is locked (too many attempts) or deactivated.";

    public static void MapTokensApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");

        tokens.MapPost("", CreateAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AuthenticationSetup.SignInRateLimit)
            .WithName("CreateToken")
            .WithSummary("Issue a personal access token with an e-mail and a password")
            .WithDescription("The secret is in the token field of the answer and is never shown again. Rate-limited like the " +
                "sign-in form (429 when exceeded); repeated wrong passwords lock the account for a few minutes.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        tokens.MapGet("", ListAsync)
            .WithName("ListTokens")
            .WithSummary("Your tokens (never their secrets), newest first, revoked ones included");

        tokens.MapDelete("/{tokenId:int}", RevokeAsync)
            .WithName("RevokeToken")
            .WithSummary("Revoke one of your tokens: it stops working at once")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<CreatedToken>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TokenRequest request, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
        PersonalAccessTokens tokens, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var email = errors.RequiredText("email", request.Email, 256);
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "Required.");
        }

        var name = errors.RequiredText("name", request.Name, PersonalAccessTokens.MaxNameLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // One answer for every failure, so the endpoint does not tell which e-mails have an account.
        var user = await users.FindByEmailAsync(email!);
        if (user is null)
        {
            return ApiProblems.Unauthorized(WrongCredentials);
        }

        // Counts failures towards Identity's lockout, and refuses deactivated accounts (SocialKpiSignInManager).
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return ApiProblems.Unauthorized(WrongCredentials);
        }

        var (token, secret) = await tokens.CreateAsync(user.Id, name!, cancellationToken);
        return TypedResults.Created((string?)null, new CreatedToken(secret, token.Id, token.Name, token.Prefix, token.CreatedAt));
    }

    private static async Task<Ok<List<TokenSummary>>> ListAsync(ClaimsPrincipal user, PersonalAccessTokens tokens, CancellationToken cancellationToken)
    {
        var list = await tokens.ListAsync(user.UserId()!, cancellationToken);
        return TypedResults.Ok(list.Select(t => new TokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        int tokenId, ClaimsPrincipal user, PersonalAccessTokens tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(user.UserId()!, tokenId, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("You have no active token with this id.");
}

/// <summary>What POST /api/v1/tokens needs: the account's credentials and a name for the token ("n8n weekly import").</summary>
public sealed record TokenRequest(string? Email, string? Password, string? Name);

/// <summary>A new token. <paramref name="Token"/> is the secret: store it now, it is never shown again.</summary>
public sealed record CreatedToken(string Token, int Id, string Name, string Prefix, DateTimeOffset CreatedAt);

/// <summary>A token as listed: its prefix tells it apart, the secret is never listed.</summary>
public sealed record TokenSummary(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
