using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Web.Api;

/// <summary>
/// Rivals' weekly public figures: one value per rival, channel, metric and ISO week. Read a period; write many at once, all
/// or nothing, with the same rules as the brand's own figures (<see cref="BulkUpsert"/>).
/// </summary>
public static class CompetitorFiguresApi
{
    private const string ItemShape = "{\"competitorId\": 1, \"channelId\": 1, \"metric\": \"followers\", \"week\": \"2026-W05\", \"value\": 12000}";

    private static readonly string MetricKeys = string.Join(", ", BenchmarkMetrics.All.Select(BenchmarkMetrics.Key));

    public static void MapCompetitorFiguresApi(this RouteGroupBuilder competitors)
    {
        competitors.MapGet("/figures", ListAsync)
            .RequireWorkspaceRole(WorkspaceRole.Viewer)
            .WithName("ListCompetitorFigures")
            .WithSummary("Rivals' weekly figures of a period: ?from=2026-W01&to=2026-W10 (default: the last 12 complete weeks), optionally one ?competitor=id and one ?channel=id");

        var description = $"Up to 10 000 items {{competitorId, channelId, metric, week (2026-W05), value, version?}} in one transaction; metric is one of {MetricKeys}. " +
            "Counts are whole and not negative; rating is between 0 and 5 stars. Every item is validated first: one invalid item and nothing is written " +
            "(400 naming each bad field, e.g. items[3].value). An item with the version it read is refused with 409 if the stored version differs " +
            "(0: no value expected yet), and then nothing is written; without a version the item overwrites. A figure before the week a rival is " +
            "tracked from moves that week back. Answers the outcome of each item.";
        competitors.MapPut("/figures", UpsertAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("UpsertCompetitorFigures")
            .WithSummary("Create or change many weekly figures of rivals at once, all or nothing (editors)")
            .WithDescription(description)
            .ProducesProblem(StatusCodes.Status409Conflict);
        competitors.MapPost("/figures", UpsertAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("PostCompetitorFigures")
            .WithSummary("Same as PUT: create or change many weekly figures of rivals at once, all or nothing (editors)")
            .WithDescription(description)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<List<CompetitorFigureDto>>, ValidationProblem>> ListAsync(
        int workspaceId, string? from, string? to, int? competitor, int? channel, SocialKpiDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (first, last) = errors.WeekRange(from, to, KpisApi.LastCompleteWeek(clock));
        if (competitor is { } competitorId && !await db.Competitors.AnyAsync(c => c.Id == competitorId && c.WorkspaceId == workspaceId, cancellationToken))
        {
            errors.Add("competitor", $"The workspace has no rival {competitorId}.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.CompetitorFigures.AsNoTracking()
            .Where(f => f.WorkspaceId == workspaceId && f.Week >= first.Key && f.Week <= last.Key);
        if (competitor is not null)
        {
            query = query.Where(f => f.CompetitorId == competitor);
        }

        if (channel is not null)
        {
            query = query.Where(f => f.ChannelId == channel);
        }

        var rows = await query.OrderBy(f => f.Week).ThenBy(f => f.CompetitorId).ThenBy(f => f.ChannelId).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(f => new CompetitorFigureDto(
            f.CompetitorId, f.ChannelId, BenchmarkMetrics.Key(f.Metric), ApiFormat.Week(f.Week), f.Value, f.Version, f.UpdatedAt, f.UpdatedBy)).ToList());
    }

    private static async Task<Results<Ok<CompetitorFiguresUpsertResult>, ValidationProblem, ProblemHttpResult>> UpsertAsync(
        int workspaceId, CompetitorFiguresUpsert request, ClaimsPrincipal user, SocialKpiDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!BulkUpsert.HasItems(errors, request.Items, ItemShape))
        {
            return errors.ToProblem();
        }

        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId)
            .ToDictionaryAsync(c => c.Id, c => c.IsArchived, cancellationToken);
        var rivals = await db.Competitors.AsNoTracking().Where(c => c.WorkspaceId == workspaceId)
            .ToDictionaryAsync(c => c.Id, c => c.IsArchived, cancellationToken);
        var cells = Validate(request.Items!, channels, rivals, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var transaction = await BulkUpsert.BeginAsync(db, cancellationToken);
        var stored = await StoredAsync(db, workspaceId, cells, cancellationToken);
        var conflicts = cells
            .Where(c => c.Version is { } sent && (stored.GetValueOrDefault(c.Key)?.Version ?? 0) != sent)
            .Select(c => stored.GetValueOrDefault(c.Key) is { } s
                ? new CompetitorFigureConflict(c.Index, c.CompetitorId, c.ChannelId, BenchmarkMetrics.Key(c.Metric), c.Week.ToString(), s.Value, s.Version, s.UpdatedAt, s.UpdatedBy, c.Value, c.Version!.Value)
                : new CompetitorFigureConflict(c.Index, c.CompetitorId, c.ChannelId, BenchmarkMetrics.Key(c.Metric), c.Week.ToString(), null, 0, null, null, c.Value, c.Version!.Value))
            .ToList();
        if (conflicts.Count > 0)
        {
            return BulkUpsert.Conflict(conflicts);
        }

        var now = clock.GetUtcNow();
        var by = user.Identity?.Name;
        var written = new List<(Cell Cell, CompetitorFigure Figure, UpsertOutcome Outcome)>(cells.Count);
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
                var created = new CompetitorFigure
                {
                    WorkspaceId = workspaceId, CompetitorId = cell.CompetitorId, ChannelId = cell.ChannelId, Metric = cell.Metric,
                    Week = cell.Week.Key, Value = cell.Value, UpdatedAt = now, UpdatedBy = by,
                };
                db.CompetitorFigures.Add(created);
                written.Add((cell, created, UpsertOutcome.Created));
            }
        }

        // Entering history means the rival was tracked then: its comparisons start at its earliest figure.
        foreach (var (competitorId, earliest) in cells.GroupBy(c => c.CompetitorId).Select(g => (g.Key, g.Min(c => c.Week.Key))))
        {
            await db.Competitors.Where(c => c.Id == competitorId && c.TrackedFromWeek > earliest)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.TrackedFromWeek, earliest).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        }

        if (!await BulkUpsert.TrySaveAsync(db, transaction, cancellationToken))
        {
            return BulkUpsert.ChangedWhileWriting();
        }

        var items = written.Select(w => new CompetitorFigureWritten(
            w.Cell.Index, w.Cell.CompetitorId, w.Cell.ChannelId, BenchmarkMetrics.Key(w.Cell.Metric), w.Cell.Week.ToString(), w.Figure.Value,
            w.Figure.Version, w.Outcome)).ToList();
        return TypedResults.Ok(new CompetitorFiguresUpsertResult(
            items.Count(i => i.Outcome == UpsertOutcome.Created),
            items.Count(i => i.Outcome == UpsertOutcome.Updated),
            items.Count(i => i.Outcome == UpsertOutcome.Unchanged),
            items));
    }

    private sealed record Cell(int Index, int CompetitorId, int ChannelId, BenchmarkMetric Metric, IsoWeek Week, double Value, int? Version)
    {
        public (int CompetitorId, int ChannelId, BenchmarkMetric Metric, int Week) Key => (CompetitorId, ChannelId, Metric, Week.Key);
    }

    /// <summary>Every item checked, every mistake named (items[i].field); the valid cells when there is none.</summary>
    private static List<Cell> Validate(
        IReadOnlyList<CompetitorFigureItem?> items, Dictionary<int, bool> channels, Dictionary<int, bool> rivals, ValidationErrors errors)
    {
        var cells = new List<Cell>(items.Count);
        var firstIndex = new Dictionary<(int, int, BenchmarkMetric, int), int>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"items[{i}]";
            if (items[i] is not { } item)
            {
                errors.Add(at, $"An item is an object: {ItemShape}.");
                continue;
            }

            var rivalOk = CheckActive(errors, $"{at}.competitorId", item.CompetitorId, rivals, "rival");
            var channelOk = CheckActive(errors, $"{at}.channelId", item.ChannelId, channels, "channel");
            var metric = BenchmarkMetrics.FromKey(item.Metric?.Trim());
            if (metric is null)
            {
                errors.Add($"{at}.metric", string.IsNullOrWhiteSpace(item.Metric)
                    ? $"Required: one of {MetricKeys}."
                    : $"Unknown metric '{item.Metric}': one of {MetricKeys}.");
            }

            var week = errors.Week($"{at}.week", item.Week);
            var valueOk = CheckValue($"{at}.value", item.Value, metric, errors);
            if (item.Version < 0)
            {
                errors.Add($"{at}.version", "A version is the one read with GET (0 when you expect no value yet).");
            }

            if (rivalOk && channelOk && metric is not null && week is not null && valueOk && item.Version is not < 0)
            {
                var cell = new Cell(i, item.CompetitorId!.Value, item.ChannelId!.Value, metric.Value, week.Value, item.Value!.Value, item.Version);
                if (firstIndex.TryGetValue(cell.Key, out var first))
                {
                    errors.Add(at, $"Same rival, channel, metric and week as items[{first}]: send each figure once.");
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

    private static bool CheckActive(ValidationErrors errors, string field, int? id, Dictionary<int, bool> known, string what)
    {
        if (id is not { } value)
        {
            errors.Add(field, $"Required: the id of one of the workspace's {what}s.");
        }
        else if (!known.TryGetValue(value, out var archived))
        {
            errors.Add(field, $"The workspace has no {what} {value}.");
        }
        else if (archived)
        {
            errors.Add(field, $"The {what} {value} is archived: it takes no new figures.");
        }
        else
        {
            return true;
        }

        return false;
    }

    private static bool CheckValue(string field, double? value, BenchmarkMetric? metric, ValidationErrors errors)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            errors.Add(field, "Required: a finite number.");
            return false;
        }

        if (metric is { } m && (Math.Abs(v) > 1e15 || !BenchmarkMetrics.IsValid(m, (decimal)v)))
        {
            var text = v.ToString(CultureInfo.InvariantCulture);
            errors.Add(field, m == BenchmarkMetric.Rating
                ? $"A rating is between 0 and 5 stars (got {text})."
                : $"{BenchmarkMetrics.Key(m)} is a count: a whole number, not negative (got {text}).");
            return false;
        }

        return true;
    }

    /// <summary>The stored figures of the cells, tracked, read inside the write transaction.</summary>
    private static async Task<Dictionary<(int CompetitorId, int ChannelId, BenchmarkMetric Metric, int Week), CompetitorFigure>> StoredAsync(
        SocialKpiDbContext db, int workspaceId, List<Cell> cells, CancellationToken cancellationToken)
    {
        var competitorIds = cells.Select(c => c.CompetitorId).Distinct().ToList();
        var firstWeek = cells.Min(c => c.Week.Key);
        var lastWeek = cells.Max(c => c.Week.Key);
        var rows = await db.CompetitorFigures
            .Where(f => f.WorkspaceId == workspaceId && competitorIds.Contains(f.CompetitorId) && f.Week >= firstWeek && f.Week <= lastWeek)
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(f => (f.CompetitorId, f.ChannelId, f.Metric, f.Week));
    }
}

/// <summary>A rival's weekly figure. <paramref name="Version"/> goes back with a change.</summary>
public sealed record CompetitorFigureDto(
    int CompetitorId, int ChannelId, string Metric, string Week, double Value, int Version, DateTimeOffset UpdatedAt, string? UpdatedBy);

/// <summary>The body of a bulk upsert of rivals' figures.</summary>
public sealed record CompetitorFiguresUpsert(IReadOnlyList<CompetitorFigureItem?>? Items);

/// <summary>One figure to write. <paramref name="Version"/>: the version read (0 when none exists yet); leave it out to overwrite.</summary>
public sealed record CompetitorFigureItem(int? CompetitorId, int? ChannelId, string? Metric, string? Week, double? Value, int? Version);

/// <summary>What a bulk upsert of rivals' figures did, in total and per item (in the order sent).</summary>
public sealed record CompetitorFiguresUpsertResult(int Created, int Updated, int Unchanged, IReadOnlyList<CompetitorFigureWritten> Items);

/// <summary>One item once written, with its new version.</summary>
public sealed record CompetitorFigureWritten(
    int Index, int CompetitorId, int ChannelId, string Metric, string Week, double Value, int Version, UpsertOutcome Outcome);

/// <summary>A figure whose stored version is not the one sent: both sides, for the client to decide.</summary>
public sealed record CompetitorFigureConflict(
    int Index,
    int CompetitorId,
    int ChannelId,
    string Metric,
    string Week,
    double? StoredValue,
    int StoredVersion,
    DateTimeOffset? StoredAt,
    string? StoredBy,
    double SentValue,
    int SentVersion);
