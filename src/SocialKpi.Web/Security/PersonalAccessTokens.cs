using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Identity;

namespace SocialKpi.Web.Security;

/// <summary>Creates, checks and revokes personal access tokens. Secrets are shown once and stored only as hashes.</summary>
public sealed class PersonalAccessTokens(IDbContextFactory<SocialKpiDbContext> dbFactory, TimeProvider clock)
{
    public const string SecretPrefix = "skpi_";
    public const int MaxNameLength = 100;

    /// <summary>Creates a token for <paramref name="userId"/>; the returned secret is never retrievable again.</summary>
    public async Task<(PersonalAccessToken Token, string Secret)> CreateAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = SecretPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = name.Trim(),
            Hash = Hash(secret),
            Prefix = secret[..(SecretPrefix.Length + 6)],
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The active owner of a valid, unrevoked token; null otherwise.</summary>
    public async Task<ApplicationUser?> FindOwnerAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var hash = Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var match = await (from t in db.PersonalAccessTokens
                           join u in db.Users on t.UserId equals u.Id
                           where t.Hash == hash && t.RevokedAt == null && u.IsActive
                           select new { Token = t, User = u }).SingleOrDefaultAsync(cancellationToken);
        if (match is null)
        {
            return null;
        }

        // "Last used" to the minute is enough, and spares a write on every call of a busy script.
        var now = clock.GetUtcNow();
        if (match.Token.LastUsedAt is null || now - match.Token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            match.Token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return match.User;
    }

    public async Task<List<PersonalAccessToken>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one of <paramref name="userId"/>'s tokens; false when it is not theirs or already revoked.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revoked = await db.PersonalAccessTokens
            .Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetUtcNow()), cancellationToken);
        return revoked == 1;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
