using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.WeeklyEntry;

namespace SocialKpi.Web.Api;

/// <summary>
/// Weekly figures: one value per channel, metric and ISO week. Read a period; write many at once, all or nothing
/// (see <see cref="BulkUpsert"/> for the rules).
/// </summary>
public static class MetricValuesApi
{
    private const string ItemShape = "{\"channelId\": 1, \"metric\": \"reach\", \"week\": \"2026-W05\", \"value\": 1200}";

    public static void MapMetricValuesApi(this RouteGroupBuilder workspace)
    {
        var values = workspace.MapGroup("/metric-values").WithTags("Metric values");

        values.MapGet("", ListAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithName("ListMetricValues")
            .WithSummary("Weekly values of a period: ?from=2026-W01&to=2026-W10 (default: the last 12 complete weeks), optionally one ?channel=id and one ?metric=key");

        const string description = "Up to 10 000 items {channelId, metric (key), week (2026-W05), value, version?} in one transaction. " +
            "Every item is validated first: one invalid item and nothing is written (400 naming each bad field, e.g. items[3].value). " +
            "An item with the version it read is refused with 409 if the stored version differs (0: no value expected yet), and then " +
            "nothing is written; without a version the item overwrites (last writer wins). Answers the outcome of each item.";
        values.MapPut("", UpsertAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("UpsertMetricValues")
            .WithSummary("Create or change many weekly values at once, all or nothing (editors)")
            .WithDescription(description)
            .ProducesProblem(StatusCodes.Status409Conflict);
        values.MapPost("", UpsertAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("PostMetricValues")
            .WithSummary("Same as PUT: create or change many weekly values at once, all or nothing (editors)")
            .WithDescription(description)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<List<MetricValueDto>>, ValidationProblem>> ListAsync(
        int workspaceId, string? from, string? to, int? channel, string? metric, SocialKpiDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (first, last) = errors.WeekRange(from, to, KpisApi.LastCompleteWeek(clock));
        var catalogue = await MetricsApi.CatalogueAsync(db, workspaceId, cancellationToken);
        Metric? onlyMetric = null;
        if (metric is not null && !catalogue.TryGetValue(metric.Trim(), out onlyMetric))
        {
            errors.Add("metric", $"Unknown metric '{metric}': see GET /api/v1/workspaces/{workspaceId}/metrics for the keys.");
        }

        if (channel is { } channelId && !await db.Channels.AnyAsync(c => c.Id == channelId && c.WorkspaceId == workspaceId, cancellationToken))
        {
            errors.Add("channel", $"The workspace has no channel {channelId}.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.MetricValues.AsNoTracking()
            .Where(v => v.WorkspaceId == workspaceId && v.Week >= first.Key && v.Week <= last.Key);
        if (channel is not null)
        {
            query = query.Where(v => v.ChannelId == channel);
        }

        if (onlyMetric is not null)
        {
            query = query.Where(v => v.MetricId == onlyMetric.Id);
        }

        var keys = catalogue.Values.ToDictionary(m => m.Id, m => m.Key);
        var rows = await query.OrderBy(v => v.Week).ThenBy(v => v.ChannelId).ThenBy(v => v.MetricId).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows
            .Where(v => keys.ContainsKey(v.MetricId))
            .Select(v => new MetricValueDto(v.ChannelId, keys[v.MetricId], ApiFormat.Week(v.Week), v.Value, v.Version, v.UpdatedAt, v.UpdatedBy))
            .ToList());
    }

    private static async Task<Results<Ok<MetricValuesUpsertResult>, ValidationProblem, ProblemHttpResult>> UpsertAsync(
        int workspaceId, MetricValuesUpsert request, ClaimsPrincipal user, SocialKpiDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!BulkUpsert.HasItems(errors, request.Items, ItemShape))
        {
            return errors.ToProblem();
        }

        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId)
            .ToDictionaryAsync(c => c.Id, c => c.IsArchived, cancellationToken);
        var catalogue = await MetricsApi.CatalogueAsync(db, workspaceId, cancellationToken);
        var cells = Validate(workspaceId, request.Items!, channels, catalogue, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var transaction = await BulkUpsert.BeginAsync(db, cancellationToken);
        var stored = await StoredAsync(db, workspaceId, cells, cancellationToken);

        var conflicts = cells
            .Where(c => c.Version is { } sent && (stored.GetValueOrDefault(c.Key)?.Version ?? 0) != sent)
            .Select(c => stored.GetValueOrDefault(c.Key) is { } s
                ? new MetricValueConflict(c.Index, c.ChannelId, c.Metric.Key, c.Week.ToString(), s.Value, s.Version, s.UpdatedAt, s.UpdatedBy, c.Value, c.Version!.Value)
                : new MetricValueConflict(c.Index, c.ChannelId, c.Metric.Key, c.Week.ToString(), null, 0, null, null, c.Value, c.Version!.Value))
            .ToList();
        if (conflicts.Count > 0)
        {
            return BulkUpsert.Conflict(conflicts);
        }

        var now = clock.GetUtcNow();
        var by = user.Identity?.Name;
        var written = new List<(Cell Cell, MetricValue Value, UpsertOutcome Outcome)>(cells.Count);
        foreach (var cell in cells)
        {
            if (stored.TryGetValue(cell.Key, out var existing))
            {
                var changed = !existing.Value.Equals(cell.Value);
                if (changed)
                {
                    existing.Value = cell.Value;
                    existing.UpdatedAt = now;
                    existing.UpdatedBy = by;
                }

                written.Add((cell, existing, changed ? UpsertOutcome.Updated : UpsertOutcome.Unchanged));
            }
            else
            {
                var created = new MetricValue
                {
                    WorkspaceId = workspaceId,
                    ChannelId = cell.ChannelId,
                    MetricId = cell.Metric.Id,
                    Week = cell.Week.Key,
                    Value = cell.Value,
                    UpdatedAt = now,
                    UpdatedBy = by,
                };
                db.MetricValues.Add(created);
                written.Add((cell, created, UpsertOutcome.Created));
            }
        }

        if (!await BulkUpsert.TrySaveAsync(db, transaction, cancellationToken))
        {
            return BulkUpsert.ChangedWhileWriting();
        }

        var items = written.Select(w => new MetricValueWritten(
            w.Cell.Index, w.Cell.ChannelId, w.Cell.Metric.Key, w.Cell.Week.ToString(), w.Value.Value, w.Value.Version, w.Outcome)).ToList();
        return TypedResults.Ok(new MetricValuesUpsertResult(
            items.Count(i => i.Outcome == UpsertOutcome.Created),
            items.Count(i => i.Outcome == UpsertOutcome.Updated),
            items.Count(i => i.Outcome == UpsertOutcome.Unchanged),
            items));
    }

    private sealed record Cell(int Index, int ChannelId, Metric Metric, IsoWeek Week, double Value, int? Version)
    {
        public (int ChannelId, int MetricId, int Week) Key => (ChannelId, Metric.Id, Week.Key);
    }

    /// <summary>Every item checked, every mistake named (items[i].field); the valid cells when there is none.</summary>
    private static List<Cell> Validate(
        int workspaceId, IReadOnlyList<MetricValueItem?> items, Dictionary<int, bool> channels, Dictionary<string, Metric> catalogue,
        ValidationErrors errors)
    {
        var cells = new List<Cell>(items.Count);
        var firstIndex = new Dictionary<(int, int, int), int>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"items[{i}]";
            if (items[i] is not { } item)
            {
                errors.Add(at, $"An item is an object: {ItemShape}.");
                continue;
            }

            var channelOk = false;
            if (item.ChannelId is not { } channelId)
            {
                errors.Add($"{at}.channelId", $"Required: the id of one of the workspace's channels (GET /api/v1/workspaces/{workspaceId}/channels).");
            }
            else if (!channels.TryGetValue(channelId, out var archived))
            {
                errors.Add($"{at}.channelId", $"The workspace has no channel {channelId}.");
            }
            else if (archived)
            {
                errors.Add($"{at}.channelId", $"Channel {channelId} is archived: it takes no new figures.");
            }
            else
            {
                channelOk = true;
            }

            Metric? metric = null;
            if (string.IsNullOrWhiteSpace(item.Metric))
            {
                errors.Add($"{at}.metric", "Required: a metric key such as reach.");
            }
            else if (!catalogue.TryGetValue(item.Metric.Trim(), out metric))
            {
                errors.Add($"{at}.metric", $"Unknown metric '{item.Metric}': see GET /api/v1/workspaces/{workspaceId}/metrics for the keys.");
            }

            var week = errors.Week($"{at}.week", item.Week);
            var valueOk = CheckValue($"{at}.value", item.Value, metric, errors);
            if (item.Version < 0)
            {
                errors.Add($"{at}.version", "A version is the one read with GET (0 when you expect no value yet).");
            }

            if (channelOk && metric is not null && week is not null && valueOk && item.Version is not < 0)
            {
                var cell = new Cell(i, item.ChannelId!.Value, metric, week.Value, item.Value!.Value, item.Version);
                if (firstIndex.TryGetValue(cell.Key, out var first))
                {
                    errors.Add(at, $"Same channel, metric and week as items[{first}]: send each cell once.");
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

    private static bool CheckValue(string field, double? value, Metric? metric, ValidationErrors errors)
    {
        if (value is not { } v)
        {
            errors.Add(field, "Required: a number.");
            return false;
        }

        // The same rules as the entry grid (FigureRules), with the API's English messages.
        var text = v.ToString(CultureInfo.InvariantCulture);
        switch (FigureRules.Check(v, metric?.Unit ?? MetricUnit.Count))
        {
            case FigureProblem.NotFinite:
                errors.Add(field, "Must be a finite number.");
                return false;
            case FigureProblem.PercentOutOfRange when metric is not null:
                errors.Add(field, $"{metric.NameEn} is a percentage: between 0 and 100 (got {text}).");
                return false;
            case FigureProblem.Negative when metric is not null:
                errors.Add(field, $"{metric.NameEn} cannot be negative (got {text}).");
                return false;
            default:
                return true;
        }
    }

    /// <summary>The stored values of the cells, tracked, read inside the write transaction.</summary>
    private static async Task<Dictionary<(int ChannelId, int MetricId, int Week), MetricValue>> StoredAsync(
        SocialKpiDbContext db, int workspaceId, List<Cell> cells, CancellationToken cancellationToken)
    {
        var metricIds = cells.Select(c => c.Metric.Id).Distinct().ToList();
        var channelIds = cells.Select(c => c.ChannelId).Distinct().ToList();
        var firstWeek = cells.Min(c => c.Week.Key);
        var lastWeek = cells.Max(c => c.Week.Key);
        var rows = await db.MetricValues
            .Where(v => v.WorkspaceId == workspaceId && metricIds.Contains(v.MetricId) && v.Week >= firstWeek && v.Week <= lastWeek
                        && channelIds.Contains(v.ChannelId))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(v => (v.ChannelId, v.MetricId, v.Week));
    }
}

/// <summary>A weekly value. <paramref name="Version"/> goes back with a change, to be sure nobody changed it in between.</summary>
public sealed record MetricValueDto(int ChannelId, string Metric, string Week, double Value, int Version, DateTimeOffset UpdatedAt, string? UpdatedBy);

/// <summary>The body of a bulk upsert.</summary>
public sealed record MetricValuesUpsert(IReadOnlyList<MetricValueItem?>? Items);

/// <summary>
/// One weekly value to write. <paramref name="Version"/>: the version read (0 when no value exists yet); leave it out to
/// overwrite whatever is stored.
/// </summary>
public sealed record MetricValueItem(int? ChannelId, string? Metric, string? Week, double? Value, int? Version);

/// <summary>What a bulk upsert did, in total and per item (in the order sent).</summary>
public sealed record MetricValuesUpsertResult(int Created, int Updated, int Unchanged, IReadOnlyList<MetricValueWritten> Items);

/// <summary>One item of a bulk upsert once written, with its new version.</summary>
public sealed record MetricValueWritten(int Index, int ChannelId, string Metric, string Week, double Value, int Version, UpsertOutcome Outcome);

/// <summary>A cell whose stored version is not the one sent: both sides, for the client to decide.</summary>
public sealed record MetricValueConflict(
    int Index,
    int ChannelId,
    string Metric,
    string Week,
    double? StoredValue,
    int StoredVersion,
    DateTimeOffset? StoredAt,
    string? StoredBy,
    double SentValue,
    int SentVersion);
