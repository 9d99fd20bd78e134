using System.Globalization;
using SocialKpi.Web.Components.Sheets;

namespace SocialKpi.Web.Features.WeeklyEntry;

/// <summary>
/// A cell of a weekly figure, the brand's own or a rival's, with last week's figure shown under it
/// (<see cref="PreviousWeekHint"/>) so an entry slip stands out while typing.
/// </summary>
public abstract class WeeklyFigureCell<TKey, TProblem> : SheetCell<TKey, double, TProblem>
    where TProblem : struct, Enum
{
    protected WeeklyFigureCell(TKey key, StoredValue<double>? stored, double? previousWeek, CultureInfo culture)
        : base(key, stored, culture) => PreviousWeek = previousWeek;

    public double? PreviousWeek { get; }

    /// <summary>The change from last week as a fraction (0.125 = +12.5 %); null when either week has no figure or last week was 0.</summary>
    public decimal? ChangeFromPreviousWeek =>
        Current is { } now && PreviousWeek is { } before && before != 0 && double.IsFinite(now)
            ? (decimal)((now - before) / Math.Abs(before))
            : null;
}
