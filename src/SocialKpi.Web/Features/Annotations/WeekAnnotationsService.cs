using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Annotations;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Annotations;

/// <summary>What is wrong with an annotation to add, for a message in the user's language.</summary>
public enum AnnotationProblem
{
    TextRequired,
    TextTooLong,
    UnknownChannel,
}

/// <summary>An annotation as the week view lists it.</summary>
public sealed record WeekAnnotation(int Id, DateOnly Date, string Text, IReadOnlyList<int> ChannelIds);

/// <summary>The annotations of one week, from the week view: list, add, delete. Editors write, members read.</summary>
public sealed class WeekAnnotationsService(IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access)
{
    /// <summary>The week's annotations by date; nothing for a user who is not a member.</summary>
    public async Task<IReadOnlyList<WeekAnnotation>> ListAsync(ClaimsPrincipal user, int workspaceId, IsoWeek week, CancellationToken cancellationToken = default)
    {
        if (await access.RoleAsync(user, workspaceId, cancellationToken) is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Annotations.AsNoTracking()
            .Where(a => a.WorkspaceId == workspaceId && a.Date >= week.Monday && a.Date <= week.Sunday)
            .OrderBy(a => a.Date).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(a => new WeekAnnotation(a.Id, a.Date, a.Text, a.ChannelIds)).ToList();
    }

    /// <summary>The problem of an annotation to add, or null when it may be added (the rules of the REST API).</summary>
    public static AnnotationProblem? Check(string? text) =>
        string.IsNullOrWhiteSpace(text) ? AnnotationProblem.TextRequired
        : text.Trim().Length > AnnotationRules.MaxTextLength ? AnnotationProblem.TextTooLong
        : null;

    /// <summary>Adds an annotation; returns its problem instead when it breaks a rule. Throws when the user may not edit.</summary>
    public async Task<AnnotationProblem?> AddAsync(
        ClaimsPrincipal user, int workspaceId, DateOnly date, string? text, IReadOnlyCollection<int> channelIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        await EnsureEditorAsync(user, workspaceId, cancellationToken);
        if (Check(text) is { } problem)
        {
            return problem;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var known = await db.Channels.Where(c => c.WorkspaceId == workspaceId).Select(c => c.Id).ToListAsync(cancellationToken);
        if (channelIds.Any(id => !known.Contains(id)))
        {
            return AnnotationProblem.UnknownChannel;
        }

        db.Annotations.Add(new Annotation { WorkspaceId = workspaceId, Date = date, Text = text!.Trim(), ChannelIds = channelIds.Distinct().ToList() });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Deletes one of the workspace's annotations. Throws when the user may not edit.</summary>
    public async Task DeleteAsync(ClaimsPrincipal user, int workspaceId, int annotationId, CancellationToken cancellationToken = default)
    {
        await EnsureEditorAsync(user, workspaceId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Annotations.Where(a => a.Id == annotationId && a.WorkspaceId == workspaceId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task EnsureEditorAsync(ClaimsPrincipal user, int workspaceId, CancellationToken cancellationToken)
    {
        if (await access.RoleAsync(user, workspaceId, cancellationToken) is not >= WorkspaceRole.Editor)
        {
            throw new UnauthorizedAccessException("Only the workspace's editors change its annotations.");
        }
    }
}
