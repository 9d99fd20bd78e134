using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Data.Queries;

/// <summary>The inputs of one period: each metric's weekly totals (channels combined) and the weekly cost.</summary>
/// <param name="Period">The weeks.</param>
/// <param name="Weekly">Weekly totals by metric key, in week order; a metric without data in the period is absent.</param>
/// <param name="Cost">Weekly cost, in week order; empty when no cost was entered.</param>
/// <param name="Inputs">The same aggregated over the period, as the formulas read them.</param>
public sealed record PeriodInputs(
    WeekRange Period,
    IReadOnlyDictionary<string, IReadOnlyList<WeeklyPoint>> Weekly,
    IReadOnlyList<WeeklyPoint> Cost,
    FormulaInputs Inputs);

/// <summary>The headline figures of a period with what they were computed from, so every figure can be traced.</summary>
public sealed record HeadlineFiguresView(
    PeriodInputs Current,
    PeriodInputs Previous,
    PeriodInputs YearBefore,
    HeadlineVariants Variants,
    IReadOnlyList<HeadlineFigure> Figures)
{
    public HeadlineFigure this[HeadlineKind kind] => Figures.Single(f => f.Kind == kind);
}

/// <summary>
/// ROI, ROA, ROE, engagement rate, reach, followers, link clicks and cost for a period, the previous period of the same
/// length and the same weeks a year before. Three queries whatever the period: the workspace's variants with the
/// metric catalogue and values per unit, one SQL aggregation of the metric values of the three periods by metric and
/// week, one of the costs by week. Weekly totals are then aggregated per period as <see cref="PeriodAggregation"/> does.
/// </summary>
public static class HeadlineFiguresQuery
{
    public static async Task<HeadlineFiguresView> HeadlineFiguresAsync(
        this SocialKpiDbContext db, int workspaceId, WeekRange period, int? channelId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await LoadAsync(db, workspaceId, period, channelId, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<HeadlineFiguresView> LoadAsync(
        SocialKpiDbContext db, int workspaceId, WeekRange period, int? channelId, CancellationToken cancellationToken)
    {
        var previous = period.Previous;
        var yearBefore = period.YearBefore;

        var workspace = await db.Workspaces.AsNoTracking()
            .Where(w => w.Id == workspaceId)
            .Select(w => new { w.DefaultRoaVariant, w.DefaultRoeVariant, w.DefaultEngagementRate })
            .SingleAsync(cancellationToken);
        var variants = new HeadlineVariants(workspace.DefaultRoaVariant, workspace.DefaultRoeVariant, workspace.DefaultEngagementRate);

        // The standard keys the figures read, plus every metric the workspace gave a value (custom conversions count in ROI).
        var keys = HeadlineFigures.MetricKeys.ToList();
        var metrics = await (from m in db.Metrics
                             where m.WorkspaceId == null || m.WorkspaceId == workspaceId
                             join v in db.MetricBusinessValues.Where(v => v.WorkspaceId == workspaceId) on m.Id equals v.MetricId into valued
                             from v in valued.DefaultIfEmpty()
                             where keys.Contains(m.Key) || v != null
                             select new { m.Id, m.Key, m.Aggregation, ValuePerUnit = v == null ? (decimal?)null : v.ValuePerUnit })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var metricIds = metrics.Select(m => m.Id).ToList();

        // The previous period ends where the current one starts, so two ranges cover the three periods.
        int fromA = previous.From.Key, toA = period.To.Key, fromB = yearBefore.From.Key, toB = yearBefore.To.Key;
        var values = db.MetricValues.Where(v => v.WorkspaceId == workspaceId && metricIds.Contains(v.MetricId)
                                                && ((v.Week >= fromA && v.Week <= toA) || (v.Week >= fromB && v.Week <= toB)));
        var costs = db.Costs.Where(c => c.WorkspaceId == workspaceId
                                        && ((c.Week >= fromA && c.Week <= toA) || (c.Week >= fromB && c.Week <= toB)));
        if (channelId is { } channel)
        {
            values = values.Where(v => v.ChannelId == channel);
            costs = costs.Where(c => c.ChannelId == channel);
        }

        var weekly = await values
            .GroupBy(v => new { v.MetricId, v.Week }, v => v.Value)
            .Select(g => new { g.Key.MetricId, g.Key.Week, Sum = g.Sum(), Average = g.Average() })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var weeklyCost = await costs
            .GroupBy(c => c.Week, c => c.Amount)
            .Select(g => new { Week = g.Key, Amount = g.Sum() })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var byId = metrics.ToDictionary(m => m.Id);
        var points = weekly
            .Select(w => (byId[w.MetricId].Key, Point: new WeeklyPoint(
                IsoWeek.FromKey(w.Week), (decimal)(byId[w.MetricId].Aggregation == Aggregation.Average ? w.Average : w.Sum))))
            .ToList();
        var costPoints = weeklyCost.Select(c => new WeeklyPoint(IsoWeek.FromKey(c.Week), c.Amount)).ToList();
        var aggregations = metrics.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First().Aggregation);
        var valuesPerUnit = metrics.Where(m => m.ValuePerUnit is not null).ToDictionary(m => m.Key, m => m.ValuePerUnit);

        PeriodInputs Inputs(WeekRange range)
        {
            var inRange = points.Where(p => range.Contains(p.Point.Week))
                .GroupBy(p => p.Key)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<WeeklyPoint>)g.Select(p => p.Point).OrderBy(p => p.Week).ToList());
            var cost = costPoints.Where(c => range.Contains(c.Week)).OrderBy(c => c.Week).ToList();
            var inputs = new FormulaInputs
            {
                Values = inRange.ToDictionary(p => p.Key, p => PeriodAggregation.Aggregate(p.Value, aggregations[p.Key])),
                Cost = cost.Count == 0 ? null : cost.Sum(c => c.Value),
                ValuesPerUnit = valuesPerUnit,
            };
            return new PeriodInputs(range, inRange, cost, inputs);
        }

        var current = Inputs(period);
        var before = Inputs(previous);
        var lastYear = Inputs(yearBefore);
        var figures = HeadlineFigures.Compute(variants, current.Inputs, before.Inputs, lastYear.Inputs);
        return new HeadlineFiguresView(current, before, lastYear, variants, figures);
    }
}
