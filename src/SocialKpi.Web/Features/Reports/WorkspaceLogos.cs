using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using SocialKpi.Data;
using SocialKpi.Domain.Reporting;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Reports;

/// <summary>The logo on a workspace's report cover: owners upload a PNG or JPEG of at most 512 KB, checked by its content.</summary>
public sealed class WorkspaceLogos(IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access)
{
    /// <summary>Wider or taller than this is refused: a cover prints it at most 180 × 90 points.</summary>
    public const int MaxPixels = 4000;

    /// <summary>The logo as a data: URL for a preview, or null when there is none.</summary>
    public async Task<string?> PreviewAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var logo = await db.WorkspaceLogos.AsNoTracking().SingleOrDefaultAsync(l => l.WorkspaceId == workspaceId, cancellationToken);
        return logo is null ? null : $"data:{logo.ContentType};base64,{Convert.ToBase64String(logo.Content)}";
    }

    /// <summary>Stores <paramref name="content"/> as the logo; returns the resource key of what is wrong, or null when saved.</summary>
    public async Task<string?> SaveAsync(ClaimsPrincipal user, int workspaceId, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (await access.RoleAsync(user, workspaceId, cancellationToken) is not WorkspaceRole.Owner)
        {
            return "LogoOwnersOnly";
        }

        if (Problem(content) is { } problem)
        {
            return problem;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var logo = await db.WorkspaceLogos.SingleOrDefaultAsync(l => l.WorkspaceId == workspaceId, cancellationToken);
        if (logo is null)
        {
            db.WorkspaceLogos.Add(new WorkspaceLogo { WorkspaceId = workspaceId, ContentType = WorkspaceLogo.Sniff(content)!, Content = content });
        }
        else
        {
            logo.Content = content;
            logo.ContentType = WorkspaceLogo.Sniff(content)!;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> RemoveAsync(ClaimsPrincipal user, int workspaceId, CancellationToken cancellationToken = default)
    {
        if (await access.RoleAsync(user, workspaceId, cancellationToken) is not WorkspaceRole.Owner)
        {
            return "LogoOwnersOnly";
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.WorkspaceLogos.Where(l => l.WorkspaceId == workspaceId).ExecuteDeleteAsync(cancellationToken);
        return null;
    }

    /// <summary>The resource key of what is wrong with a file offered as a logo, or null when it is a usable PNG or JPEG.</summary>
    public static string? Problem(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > WorkspaceLogo.MaxBytes)
        {
            return "LogoTooLarge";
        }

        if (WorkspaceLogo.Sniff(content) is null)
        {
            return "LogoNotAnImage";
        }

        // The first bytes say PNG or JPEG; decoding the header says whether the rest is one.
        using var codec = SKCodec.Create(new MemoryStream(content));
        return codec is null ? "LogoNotAnImage"
            : codec.Info.Width > MaxPixels || codec.Info.Height > MaxPixels ? "LogoTooManyPixels"
            : null;
    }
}
