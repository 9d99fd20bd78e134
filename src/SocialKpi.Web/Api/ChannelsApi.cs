using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Settings;

namespace SocialKpi.Web.Api;

/// <summary>A workspace's channels: the networks and other sources its figures come from.</summary>
public static class ChannelsApi
{
    public static void MapChannelsApi(this RouteGroupBuilder workspace)
    {
        var channels = workspace.MapGroup("/channels").WithTags("Channels");

        channels.MapGet("", ListAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithName("ListChannels")
            .WithSummary("The workspace's channels in display order; archived ones only with ?includeArchived=true");

        channels.MapPost("", CreateAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("CreateChannel")
            .WithSummary("Add a channel (editors)");

        channels.MapPut("/{channelId:int}", UpdateAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("UpdateChannel")
            .WithSummary("Change a channel (editors)");

        channels.MapPost("/{channelId:int}/archive", ArchiveAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("ArchiveChannel")
            .WithSummary("Archive a channel (editors): hidden from entry and lists, its figures are kept");
    }

    private static async Task<Ok<List<ChannelDto>>> ListAsync(
        int workspaceId, bool? includeArchived, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId);
        if (includeArchived != true)
        {
            query = query.Where(c => !c.IsArchived);
        }

        var list = await query.OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(ChannelDto.From).ToList());
    }

    private static async Task<Results<Created<ChannelDto>, ValidationProblem>> CreateAsync(
        int workspaceId, ChannelInput input, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(workspaceId, null, input, db, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var channel = new Channel { WorkspaceId = workspaceId, Name = input.Name!.Trim() };
        input.ApplyTo(channel);
        channel.SortOrder = input.SortOrder
            ?? 1 + (await db.Channels.Where(c => c.WorkspaceId == workspaceId).MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? -1);
        db.Channels.Add(channel);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/workspaces/{workspaceId}/channels/{channel.Id}", ChannelDto.From(channel));
    }

    private static async Task<Results<Ok<ChannelDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int workspaceId, int channelId, ChannelInput input, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId && c.WorkspaceId == workspaceId, cancellationToken);
        if (channel is null)
        {
            return NotFound();
        }

        var errors = await ValidateAsync(workspaceId, channelId, input, db, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        channel.Name = input.Name!.Trim();
        input.ApplyTo(channel);
        channel.SortOrder = input.SortOrder ?? channel.SortOrder;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ChannelDto.From(channel));
    }

    private static async Task<Results<Ok<ChannelDto>, ProblemHttpResult>> ArchiveAsync(
        int workspaceId, int channelId, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId && c.WorkspaceId == workspaceId, cancellationToken);
        if (channel is null)
        {
            return NotFound();
        }

        channel.IsArchived = true;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ChannelDto.From(channel));
    }

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound("The workspace has no channel with this id.");

    private static async Task<ValidationErrors> ValidateAsync(
        int workspaceId, int? channelId, ChannelInput input, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var otherNames = await db.Channels.Where(c => c.WorkspaceId == workspaceId && c.Id != channelId).Select(c => c.Name).ToListAsync(cancellationToken);
        var errors = new ValidationErrors();
        errors.AddAll(ChannelRules.Validate(input.ToDraft(), otherNames.Contains));
        return errors;
    }
}

/// <summary>A channel of the workspace.</summary>
public sealed record ChannelDto(int Id, string Name, ChannelKind Kind, MediaType MediaType, string? Account, int SortOrder, bool IsArchived)
{
    public static ChannelDto From(Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new(channel.Id, channel.Name, channel.Kind, channel.MediaType, channel.Account, channel.SortOrder, channel.IsArchived);
    }
}

/// <summary>A channel as created or changed. Media type defaults to Owned; sort order to the end of the list.</summary>
public sealed record ChannelInput(string? Name, ChannelKind? Kind, MediaType? MediaType, string? Account, int? SortOrder)
{
    internal ChannelDraft ToDraft() => new() { Name = Name, Kind = Kind, MediaType = MediaType, Account = Account };

    internal void ApplyTo(Channel channel) => ChannelRules.Apply(ToDraft(), channel);
}
