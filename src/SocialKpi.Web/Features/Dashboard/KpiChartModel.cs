using SocialKpi.Data.Queries;
using SocialKpi.Domain.Annotations;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Web.Features.Dashboard;

/// <summary>A point of a chart series: the Monday of its week (a date axis keeps weeks of different years apart).</summary>
public sealed record ChartPoint(DateTime Date, IsoWeek Week, double Value, decimal Exact);

/// <summary>A band between two values at a week (thresholds).</summary>
public sealed record ChartBand(DateTime Date, IsoWeek Week, double Min, double Max);

/// <summary>An annotation placed on the KPI's value line.</summary>
public sealed record ChartAnnotation(ChartPoint Point, string Text);

/// <summary>One channel's weekly values, for stacked columns labelled by week.</summary>
public sealed record ChannelSeries(int ChannelId, string Name, string Colour, IReadOnlyList<LabelledPoint> Points);

/// <summary>A channel's value of a formula KPI over the period, or why it cannot be computed.</summary>
public sealed record ChannelPeriodResult(int ChannelId, string Name, string Colour, KpiResult Result);

/// <summary>A value for a labelled category ("S34").</summary>
public sealed record LabelledPoint(string Label, IsoWeek Week, double Value, decimal Exact);

/// <summary>Everything a KPI's charts and details table show, built from its weekly points (no query).</summary>
public sealed class KpiChartModel
{
    private KpiChartModel(KpiProgressView kpi, IReadOnlyList<KpiTimelineRow> rows)
    {
        Kpi = kpi;
        Rows = rows;
    }

    public KpiProgressView Kpi { get; }

    public IReadOnlyList<KpiTimelineRow> Rows { get; }

    public KpiUnit Unit => Kpi.Progress.Plan.Unit;

    public IReadOnlyList<ChartPoint> Values { get; private init; } = [];

    public IReadOnlyList<ChartPoint> Trajectory { get; private init; } = [];

    public IReadOnlyList<ChartPoint> Forecast { get; private init; } = [];

    public IReadOnlyList<ChartBand> AtRiskBand { get; private init; } = [];

    public IReadOnlyList<ChartBand> OffTrackBand { get; private init; } = [];

    /// <summary>The notes on the value line: brand-wide ones and those of the KPI's channels.</summary>
    public IReadOnlyList<ChartAnnotation> Annotations { get; private init; } = [];

    /// <summary>
    /// The weekly values by channel over the period: a single-metric KPI's parts, or a formula KPI's value on each
    /// channel's own figures (benchmarks and growth formulas have none).
    /// </summary>
    public IReadOnlyList<ChannelSeries> Channels { get; private init; } = [];

    /// <summary>Whether the channels' values add up to the KPI's (a summed metric), so they can be stacked.</summary>
    public bool ChannelsAddUp => Kpi.Kpi.MetricId is not null && Kpi.Progress.Plan.Aggregation != Aggregation.Average;

    /// <summary>A formula KPI's value over the period on each channel, computable or not (empty for single-metric KPIs).</summary>
    public IReadOnlyList<ChannelPeriodResult> ChannelPeriod { get; private init; } = [];

    /// <summary>The weekly values of the period, channels combined.</summary>
    public IReadOnlyList<LabelledPoint> Weekly { get; private init; } = [];

    public static KpiChartModel Build(
        KpiProgressView kpi,
        WeekRange period,
        IEnumerable<Annotation> annotations,
        IEnumerable<KpiChannelWeek> channelWeeks,
        IReadOnlyList<SocialKpi.Domain.Channels.Channel> channels,
        IReadOnlyDictionary<int, string> colours,
        IEnumerable<KpiChannelResult>? formulaChannelWeeks = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(channelWeeks);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(colours);
        var rows = KpiTimeline.Of(kpi.Progress, kpi.Weekly);
        var plan = kpi.Progress.Plan;

        static ChartPoint Point(IsoWeek week, decimal value) =>
            new(week.Monday.ToDateTime(TimeOnly.MinValue), week, (double)value, value);

        static ChartBand Band(IsoWeek week, decimal a, decimal b) =>
            new(week.Monday.ToDateTime(TimeOnly.MinValue), week, (double)Math.Min(a, b), (double)Math.Max(a, b));

        var values = rows.Where(r => r.Value is not null).Select(r => Point(r.Week, r.Value!.Value)).ToList();
        // The off-track band runs to the edge of the chart: 0 (or the lowest figure) below, 20 % over the highest above.
        var all = rows.SelectMany(r => new[] { r.Trajectory, r.RedLimit, r.Value ?? r.Trajectory, r.Forecast ?? r.Trajectory }).ToList();
        var floor = Math.Min(0m, all.Min());
        var ceiling = all.Max() + (Math.Abs(all.Max()) * 0.2m);
        var edge = plan.Direction == Direction.HigherIsBetter ? floor : ceiling;

        var byWeek = values.ToDictionary(v => v.Week);
        var notes = annotations
            .Where(a => a.Concerns(kpi.Kpi.ChannelIds))
            .Select(a => (Week: IsoWeek.FromDate(a.Date), a.Text))
            .Where(a => byWeek.ContainsKey(a.Week))
            .GroupBy(a => a.Week)
            .Select(g => new ChartAnnotation(byWeek[g.Key], string.Join(" · ", g.Select(a => a.Text))))
            .ToList();

        var labels = Labels([.. period.Weeks]);
        var forKpi = channelWeeks.Where(c => c.KpiId == kpi.Kpi.Id && period.Contains(IsoWeek.FromKey(c.Week))).ToList();
        var channelSeries = channels
            .Where(c => forKpi.Exists(w => w.ChannelId == c.Id))
            .Select(c => new ChannelSeries(c.Id, c.Name, colours.GetValueOrDefault(c.Id, Components.Shared.ChannelColors.AllChannels),
                forKpi.Where(x => x.ChannelId == c.Id).OrderBy(x => x.Week)
                    .Select(x => new LabelledPoint(labels[IsoWeek.FromKey(x.Week)], IsoWeek.FromKey(x.Week), x.Value, (decimal)x.Value))
                    .ToList()))
            .ToList();

        var formulaWeeks = (formulaChannelWeeks ?? []).Where(w => w.KpiId == kpi.Kpi.Id && period.Contains(w.Week)).ToLookup(w => w.ChannelId);
        var channelPeriod = kpi.Kpi.Formula is { } formulaId
            ? channels.Where(c => formulaWeeks.Contains(c.Id))
                .Select(c => new ChannelPeriodResult(c.Id, c.Name, colours.GetValueOrDefault(c.Id, Components.Shared.ChannelColors.AllChannelsOnScreen),
                    FormulaByChannel.OverPeriod(formulaWeeks[c.Id].Select(w => (w.Week, w.Result)), plan.Aggregation, FormulaCatalog.Get(formulaId))))
                .ToList()
            : [];

        return new KpiChartModel(kpi, rows)
        {
            ChannelPeriod = channelPeriod,
            Values = values,
            Trajectory = [.. rows.Select(r => Point(r.Week, r.Trajectory))],
            Forecast = [.. rows.Where(r => r.Forecast is not null).Select(r => Point(r.Week, r.Forecast!.Value))],
            AtRiskBand = [.. rows.Select(r => Band(r.Week, r.AmberLimit, r.RedLimit))],
            OffTrackBand = [.. rows.Select(r => Band(r.Week, r.RedLimit, edge))],
            Annotations = notes,
            Channels = channelSeries,
            Weekly = [.. kpi.Weekly.Where(p => period.Contains(p.Week)).Select(p => new LabelledPoint(labels[p.Week], p.Week, (double)p.Value, p.Value))],
        };
    }

    /// <summary>"S34" for each week; with the year ("S34 2026") when the period holds a week number twice.</summary>
    public static IReadOnlyDictionary<IsoWeek, string> Labels(IReadOnlyList<IsoWeek> weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var repeats = weeks.GroupBy(w => w.Week).Any(g => g.Count() > 1);
        return weeks.ToDictionary(
            w => w,
            w => repeats ? $"{Components.Shared.Display.Week(w)} {w.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : Components.Shared.Display.Week(w));
    }
}
