namespace SocialKpi.Domain.Reporting;

/// <summary>The logo printed on a workspace's report cover. Kept apart from the workspace so reading a workspace never loads it.</summary>
public class WorkspaceLogo
{
    /// <summary>Largest logo accepted, in bytes.</summary>
    public const int MaxBytes = 512 * 1024;

    public int WorkspaceId { get; set; }

    /// <summary>"image/png" or "image/jpeg".</summary>
    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>
    /// The content type of a PNG or JPEG file, read from its first bytes (never from the name or the browser's claim);
    /// null for anything else.
    /// </summary>
    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.Length >= 8 && content[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF ? "image/jpeg"
        : null;
}
