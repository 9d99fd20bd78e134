using System.Globalization;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Web.Components.Sheets;

namespace SocialKpi.Web.Features.WeeklyEntry;

/// <summary>A metric as a line (or column) of the grid.</summary>
public sealed record EntryMetric(int Id, string Key, string Name, MetricUnit Unit)
{
    /// <summary>The unit figures of this metric are displayed in.</summary>
    public KpiUnit DisplayUnit => Unit switch
    {
        MetricUnit.Percent => KpiUnit.Percent,
        MetricUnit.Currency => KpiUnit.Currency,
        MetricUnit.Duration => KpiUnit.Duration,
        _ => KpiUnit.Count,
    };
}

/// <summary>An active channel as a column (or line) of the grid.</summary>
public sealed record EntryChannel(int Id, string Name);

/// <summary>Which figure a cell holds: one metric on one channel (the week is the sheet's).</summary>
public readonly record struct CellKey(int MetricId, int ChannelId);

/// <summary>One cell of the week's figures: the stored figure, last week's, and what is being typed.</summary>
public sealed class WeekCell : WeeklyFigureCell<CellKey, FigureProblem>
{
    internal WeekCell(CellKey key, EntryMetric metric, StoredValue<double>? stored, double? previousWeek, CultureInfo culture)
        : base(key, stored, previousWeek, culture) => Metric = metric;

    public EntryMetric Metric { get; }
}

/// <summary>
/// One ISO week of a workspace's figures as the entry grid edits it: metrics × active channels (or the reverse),
/// each cell with its stored value and version, last week's value, and the draft being typed. The typing, paste,
/// draft and conflict rules are <see cref="EntrySheet{TKey, TValue, TProblem, TCell}"/>'s; figures add their
/// layout and <see cref="FigureRules"/>.
/// </summary>
public sealed class WeekSheet : EntrySheet<CellKey, double, FigureProblem, WeekCell>
{
    public WeekSheet(
        IsoWeek week, IReadOnlyList<EntryMetric> metrics, IReadOnlyList<EntryChannel> channels,
        IReadOnlyDictionary<CellKey, StoredValue<double>> stored, IReadOnlyDictionary<CellKey, double> previousWeek, CultureInfo culture)
        : base(culture)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(previousWeek);
        Week = week;
        Metrics = metrics;
        Channels = channels;
        foreach (var metric in metrics)
        {
            foreach (var channel in channels)
            {
                var key = new CellKey(metric.Id, channel.Id);
                Add(new WeekCell(key, metric, stored.GetValueOrDefault(key), previousWeek.TryGetValue(key, out var p) ? p : null, culture));
            }
        }
    }

    public IsoWeek Week { get; }

    public IReadOnlyList<EntryMetric> Metrics { get; }

    public IReadOnlyList<EntryChannel> Channels { get; }

    /// <summary>False: lines are metrics and columns channels; true: the reverse.</summary>
    public bool Transposed { get; set; }

    public override int RowCount => Transposed ? Channels.Count : Metrics.Count;

    public override int ColumnCount => Transposed ? Metrics.Count : Channels.Count;

    public string RowHeader(int row) => Transposed ? Channels[row].Name : Metrics[row].Name;

    public string ColumnHeader(int column) => Transposed ? Metrics[column].Name : Channels[column].Name;

    public override WeekCell At(int row, int column) =>
        Transposed ? this[new CellKey(Metrics[column].Id, Channels[row].Id)] : this[new CellKey(Metrics[row].Id, Channels[column].Id)];

    protected override FigureProblem NotANumber => FigureProblem.NotANumber;

    protected override FigureProblem? Check(WeekCell cell, double value) => FigureRules.Check(value, cell.Metric.Unit);

    /// <summary>A stored figure cannot be removed by the grid (the API can): the emptied cell asks for a number.</summary>
    protected override (string? Text, FigureProblem? Problem) Emptied(WeekCell cell) => (null, FigureProblem.Missing);
}
