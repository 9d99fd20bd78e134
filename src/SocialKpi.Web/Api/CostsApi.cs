using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Costs;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Costs;

namespace SocialKpi.Web.Api;

/// <summary>
/// Weekly spending, per channel or for no channel, by category. Read a period; write many at once, all or nothing,
/// with the same rules as weekly values (<see cref="BulkUpsert"/>).
/// </summary>
public static class CostsApi
{
    private const string ItemShape = "{\"channelId\": 5 or null, \"week\": \"2026-W05\", \"category\": \"AdSpend\", \"amount\": 350.00}";

    public static void MapCostsApi(this RouteGroupBuilder workspace)
    {
        var costs = workspace.MapGroup("/costs").WithTags("Costs");

        costs.MapGet("", ListAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithName("ListCosts")
            .WithSummary("Costs of a period: ?from=2026-W01&to=2026-W10 (default: the last 12 complete weeks), optionally one ?channel=id");

        const string description = "Up to 10 000 items {channelId (null: no channel), week, category, amount, note?, version?} in one " +
            "transaction. A cost is identified by its week, channel and category. Amounts are in the workspace currency, zero or " +
            "positive, with at most 2 decimals. Same all-or-nothing and version rules as metric values.";
        costs.MapPut("", UpsertAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("UpsertCosts")
            .WithSummary("Create or change many costs at once, all or nothing (editors)")
            .WithDescription(description)
            .ProducesProblem(StatusCodes.Status409Conflict);
        costs.MapPost("", UpsertAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("PostCosts")
            .WithSummary("Same as PUT: create or change many costs at once, all or nothing (editors)")
            .WithDescription(description)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<List<CostDto>>, ValidationProblem>> ListAsync(
        int workspaceId, string? from, string? to, int? channel, SocialKpiDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (first, last) = errors.WeekRange(from, to, KpisApi.LastCompleteWeek(clock));
        if (channel is { } channelId && !await db.Channels.AnyAsync(c => c.Id == channelId && c.WorkspaceId == workspaceId, cancellationToken))
        {
            errors.Add("channel", $"The workspace has no channel {channelId}.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.Costs.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && c.Week >= first.Key && c.Week <= last.Key);
        if (channel is not null)
        {
            query = query.Where(c => c.ChannelId == channel);
        }

        var rows = await query.OrderBy(c => c.Week).ThenBy(c => c.ChannelId).ThenBy(c => c.Category).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(CostDto.From).ToList());
    }

    private static async Task<Results<Ok<CostsUpsertResult>, ValidationProblem, ProblemHttpResult>> UpsertAsync(
        int workspaceId, CostsUpsert request, SocialKpiDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!BulkUpsert.HasItems(errors, request.Items, ItemShape))
        {
            return errors.ToProblem();
        }

        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId)
            .ToDictionaryAsync(c => c.Id, c => c.IsArchived, cancellationToken);
        var cells = Validate(request.Items!, channels, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var transaction = await BulkUpsert.BeginAsync(db, cancellationToken);
        var firstWeek = cells.Min(c => c.Week.Key);
        var lastWeek = cells.Max(c => c.Week.Key);
        var stored = (await db.Costs.Where(c => c.WorkspaceId == workspaceId && c.Week >= firstWeek && c.Week <= lastWeek).ToListAsync(cancellationToken))
            .GroupBy(c => (c.Week, c.ChannelId, c.Category))
            .ToDictionary(g => g.Key, g => g.First());

        var conflicts = cells
            .Where(c => c.Version is { } sent && (stored.GetValueOrDefault(c.Key)?.Version ?? 0) != sent)
            .Select(c => new CostConflict(c.Index, c.ChannelId, c.Week.ToString(), c.Category,
                stored.GetValueOrDefault(c.Key)?.Amount, stored.GetValueOrDefault(c.Key)?.Version ?? 0, c.Amount, c.Version!.Value))
            .ToList();
        if (conflicts.Count > 0)
        {
            return BulkUpsert.Conflict(conflicts);
        }

        var written = new List<(Cell Cell, Cost Cost, UpsertOutcome Outcome)>(cells.Count);
        foreach (var cell in cells)
        {
            if (stored.TryGetValue(cell.Key, out var existing))
            {
                var changed = existing.Amount != cell.Amount || existing.Note != cell.Note;
                if (changed)
                {
                    existing.Amount = cell.Amount;
                    existing.Note = cell.Note;
                }

                written.Add((cell, existing, changed ? UpsertOutcome.Updated : UpsertOutcome.Unchanged));
            }
            else
            {
                var created = new Cost
                {
                    WorkspaceId = workspaceId,
                    ChannelId = cell.ChannelId,
                    Week = cell.Week.Key,
                    Category = cell.Category,
                    Amount = cell.Amount,
                    Note = cell.Note,
                };
                db.Costs.Add(created);
                written.Add((cell, created, UpsertOutcome.Created));
            }
        }

        if (!await BulkUpsert.TrySaveAsync(db, transaction, cancellationToken))
        {
            return BulkUpsert.ChangedWhileWriting();
        }

        var items = written.Select(w => new CostWritten(w.Cell.Index, CostDto.From(w.Cost), w.Outcome)).ToList();
        return TypedResults.Ok(new CostsUpsertResult(
            items.Count(i => i.Outcome == UpsertOutcome.Created),
            items.Count(i => i.Outcome == UpsertOutcome.Updated),
            items.Count(i => i.Outcome == UpsertOutcome.Unchanged),
            items));
    }

    private sealed record Cell(int Index, int? ChannelId, IsoWeek Week, CostCategory Category, decimal Amount, string? Note, int? Version)
    {
        public (int Week, int? ChannelId, CostCategory Category) Key => (Week.Key, ChannelId, Category);
    }

    private static List<Cell> Validate(IReadOnlyList<CostItem?> items, Dictionary<int, bool> channels, ValidationErrors errors)
    {
        var cells = new List<Cell>(items.Count);
        var firstIndex = new Dictionary<(int, int?, CostCategory), int>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"items[{i}]";
            if (items[i] is not { } item)
            {
                errors.Add(at, $"An item is an object: {ItemShape}.");
                continue;
            }

            var channelOk = true;
            if (item.ChannelId is { } channelId)
            {
                if (!channels.TryGetValue(channelId, out var archived))
                {
                    errors.Add($"{at}.channelId", $"The workspace has no channel {channelId} (leave it null for a cost of no channel).");
                    channelOk = false;
                }
                else if (archived)
                {
                    errors.Add($"{at}.channelId", $"Channel {channelId} is archived: it takes no new costs.");
                    channelOk = false;
                }
            }

            var week = errors.Week($"{at}.week", item.Week);
            var category = errors.Required($"{at}.category", item.Category);
            var amount = errors.Required($"{at}.amount", item.Amount);
            var amountOk = amount is not null;
            if (amount is { } a && CostRules.Check(a) is { } problem)
            {
                errors.Add($"{at}.amount", problem == CostProblem.Negative ? $"A cost cannot be negative (got {a})." : $"At most 2 decimals (got {a}).");
                amountOk = false;
            }

            var note = errors.OptionalText($"{at}.note", item.Note, 500);
            if (item.Version < 0)
            {
                errors.Add($"{at}.version", "A version is the one read with GET (0 when you expect no cost yet).");
            }

            if (channelOk && week is not null && category is not null && amountOk && note is not { Length: > 500 } && item.Version is not < 0)
            {
                var cell = new Cell(i, item.ChannelId, week.Value, category.Value, amount!.Value, note, item.Version);
                if (firstIndex.TryGetValue(cell.Key, out var first))
                {
                    errors.Add(at, $"Same week, channel and category as items[{first}]: send each cost once.");
                }
                else
                {
                    firstIndex[cell.Key] = i;
                    cells.Add(cell);
                }
            }
        }

        return cells;
    }
}

/// <summary>A cost: money spent in a week, on one channel or on none (ChannelId null).</summary>
public sealed record CostDto(long Id, int? ChannelId, string Week, CostCategory Category, decimal Amount, string? Note, int Version)
{
    public static CostDto From(Cost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return new(cost.Id, cost.ChannelId, ApiFormat.Week(cost.Week), cost.Category, cost.Amount, cost.Note, cost.Version);
    }
}

/// <summary>The body of a bulk upsert of costs.</summary>
public sealed record CostsUpsert(IReadOnlyList<CostItem?>? Items);

/// <summary>One cost to write; identified by week, channel (null: no channel) and category.</summary>
public sealed record CostItem(int? ChannelId, string? Week, CostCategory? Category, decimal? Amount, string? Note, int? Version);

public sealed record CostsUpsertResult(int Created, int Updated, int Unchanged, IReadOnlyList<CostWritten> Items);

public sealed record CostWritten(int Index, CostDto Cost, UpsertOutcome Outcome);

/// <summary>A cost whose stored version is not the one sent: both sides.</summary>
public sealed record CostConflict(
    int Index,
    int? ChannelId,
    string Week,
    CostCategory Category,
    decimal? StoredAmount,
    int StoredVersion,
    decimal SentAmount,
    int SentVersion);
