using System.Globalization;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Web.Components.Sheets;

namespace SocialKpi.Web.Features.WeeklyEntry;

/// <summary>What is wrong with a rival's figure, for a message in the user's language.</summary>
public enum RivalFigureProblem
{
    NotANumber,
    /// <summary>A count (followers, posts, likes…) is never negative.</summary>
    Negative,
    /// <summary>A count is whole.</summary>
    NotWhole,
    /// <summary>A rating lies between 0 and 5 stars.</summary>
    RatingOutOfRange,
    /// <summary>A saved figure cannot be removed from the grid.</summary>
    Missing,
}

/// <summary>A tracked brand as a row: a rival, or the workspace's own brand (no rival id).</summary>
public sealed record EntryBrand(int? CompetitorId, string Name)
{
    public bool IsOwnBrand => CompetitorId is null;
}

/// <summary>Which figure a cell holds: one metric of one brand (null: ours) on one channel; the week is the sheet's.</summary>
public readonly record struct RivalCellKey(int? CompetitorId, int ChannelId, BenchmarkMetric Metric);

/// <summary>
/// One cell of the competitors sheet. The brand's own cells are read-only: they show its figures as entered in the
/// figures mode, which the benchmarks read, so a brand figure is never typed twice nor disagrees with its dashboard.
/// </summary>
public sealed class RivalCell : WeeklyFigureCell<RivalCellKey, RivalFigureProblem>
{
    internal RivalCell(RivalCellKey key, StoredValue<double>? stored, double? previousWeek, CultureInfo culture)
        : base(key, stored, previousWeek, culture) => IsReadOnly = key.CompetitorId is null;
}

/// <summary>
/// One ISO week of the tracked brands' public figures as the competitors mode of the entry grid edits them: rows are
/// the brands (ours first, read-only, then the active rivals), columns the benchmark metrics, on the channel chosen;
/// each cell also holds last week's figure, shown under it as in the brand's own grid.
/// Every channel's cells are held, so drafts typed on one channel survive a switch to another and one save writes them
/// all. Typing, paste, drafts and conflicts are <see cref="EntrySheet{TKey, TValue, TProblem, TCell}"/>'s.
/// </summary>
public sealed class RivalSheet : EntrySheet<RivalCellKey, double, RivalFigureProblem, RivalCell>
{
    public RivalSheet(
        IsoWeek week, IReadOnlyList<EntryBrand> brands, IReadOnlyList<EntryChannel> channels,
        IReadOnlyDictionary<RivalCellKey, StoredValue<double>> stored, IReadOnlyDictionary<RivalCellKey, double> previousWeek, CultureInfo culture)
        : base(culture)
    {
        ArgumentNullException.ThrowIfNull(brands);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(previousWeek);
        Week = week;
        Brands = brands;
        Channels = channels;
        ChannelId = channels.Count > 0 ? channels[0].Id : 0;
        foreach (var brand in brands)
        {
            foreach (var channel in channels)
            {
                foreach (var metric in Metrics)
                {
                    var key = new RivalCellKey(brand.CompetitorId, channel.Id, metric);
                    Add(new RivalCell(key, stored.GetValueOrDefault(key), previousWeek.TryGetValue(key, out var p) ? p : null, culture));
                }
            }
        }
    }

    public static IReadOnlyList<BenchmarkMetric> Metrics => BenchmarkMetrics.All;

    public IsoWeek Week { get; }

    public IReadOnlyList<EntryBrand> Brands { get; }

    public IReadOnlyList<EntryChannel> Channels { get; }

    /// <summary>The channel shown; changing it keeps every draft.</summary>
    public int ChannelId { get; set; }

    /// <summary>Whether there is a rival to enter figures for (the brand's own row alone is read-only).</summary>
    public bool HasRivals => Brands.Any(b => !b.IsOwnBrand);

    /// <summary>Unsaved drafts on channels other than the one shown.</summary>
    public int ChangedElsewhere => Cells.Count(c => c.IsChanged && c.Key.ChannelId != ChannelId);

    public override int RowCount => Brands.Count;

    public override int ColumnCount => Metrics.Count;

    public override RivalCell At(int row, int column) => this[new RivalCellKey(Brands[row].CompetitorId, ChannelId, Metrics[column])];

    protected override RivalFigureProblem NotANumber => RivalFigureProblem.NotANumber;

    /// <summary>The rules of <see cref="BenchmarkMetrics.IsValid"/>, named so the message says what to fix.</summary>
    protected override RivalFigureProblem? Check(RivalCell cell, double value)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var number = (decimal)value;
        if (BenchmarkMetrics.IsValid(cell.Key.Metric, number))
        {
            return null;
        }

        return cell.Key.Metric == BenchmarkMetric.Rating ? RivalFigureProblem.RatingOutOfRange
            : number < 0 ? RivalFigureProblem.Negative
            : RivalFigureProblem.NotWhole;
    }

    /// <summary>A stored figure is not removed by the grid: the emptied cell asks for a number.</summary>
    protected override (string? Text, RivalFigureProblem? Problem) Emptied(RivalCell cell) => (null, RivalFigureProblem.Missing);
}
