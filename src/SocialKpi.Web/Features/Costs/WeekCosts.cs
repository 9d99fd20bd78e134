using System.Globalization;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Costs;
using SocialKpi.Web.Components.Sheets;
using SocialKpi.Web.Features.WeeklyEntry;

namespace SocialKpi.Web.Features.Costs;

/// <summary>Which cost a cell holds: a category on a channel, or on no channel (null).</summary>
public readonly record struct CostKey(CostCategory Category, int? ChannelId);

/// <summary>One cell of the costs grid: the stored amount and what is being typed.</summary>
public sealed class CostCell(CostKey key, StoredValue<decimal>? stored, CultureInfo culture)
    : SheetCell<CostKey, decimal, CostProblem>(key, stored, culture);

/// <summary>
/// One ISO week of a workspace's costs as the week view edits them: categories × active channels and "no channel".
/// Typed, pasted, kept as drafts and checked for conflicts like the figures
/// (<see cref="EntrySheet{TKey, TValue, TProblem, TCell}"/>); amounts are decimals checked by <see cref="CostRules"/>.
/// </summary>
public sealed class WeekCosts : EntrySheet<CostKey, decimal, CostProblem, CostCell>
{
    private readonly IReadOnlyList<int?> channelIds;

    public WeekCosts(IsoWeek week, IReadOnlyList<EntryChannel> channels, IReadOnlyDictionary<CostKey, StoredValue<decimal>> stored, CultureInfo culture)
        : base(culture)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(stored);
        Week = week;
        Channels = channels;
        channelIds = [.. channels.Select(c => (int?)c.Id), null];
        foreach (var category in Categories)
        {
            foreach (var channelId in channelIds)
            {
                var key = new CostKey(category, channelId);
                Add(new CostCell(key, stored.GetValueOrDefault(key), culture));
            }
        }
    }

    public static IReadOnlyList<CostCategory> Categories { get; } = Enum.GetValues<CostCategory>();

    public IsoWeek Week { get; }

    public IReadOnlyList<EntryChannel> Channels { get; }

    /// <summary>The columns: every active channel, then null for "no channel".</summary>
    public IReadOnlyList<int?> ChannelIds => channelIds;

    public override int RowCount => Categories.Count;

    public override int ColumnCount => channelIds.Count;

    public override CostCell At(int row, int column) => this[new CostKey(Categories[row], channelIds[column])];

    protected override CostProblem NotANumber => CostProblem.NotANumber;

    protected override CostProblem? Check(CostCell cell, decimal value) => CostRules.Check(value);

    /// <summary>Clearing a stored cost writes 0: a cost is never deleted by the grid, only set to nothing spent.</summary>
    protected override (string? Text, CostProblem? Problem) Emptied(CostCell cell) => ("0", null);
}
