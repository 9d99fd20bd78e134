namespace SocialKpi.Data.Identity;

/// <summary>
/// A named secret that lets a script act as its owner on the API (Bearer). Only a SHA-256 hash is stored:
/// the secret is shown once, when it is created.
/// </summary>
public class PersonalAccessToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Hex SHA-256 of the whole secret.</summary>
    public required string Hash { get; set; }

    /// <summary>The secret's first characters, so the owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
