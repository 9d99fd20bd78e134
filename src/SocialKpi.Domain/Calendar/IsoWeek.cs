using System.Globalization;

namespace SocialKpi.Domain.Calendar;

/// <summary>
/// An ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday).
/// Stored as the integer <see cref="Key"/> = year × 100 + week, which sorts in time order,
/// so "between two weeks" is a plain integer range in SQL.
/// </summary>
public readonly record struct IsoWeek : IComparable<IsoWeek>
{
    public IsoWeek(int year, int week)
    {
        if (year is < 1 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be between 1 and 9998.");
        }

        if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, $"Year {year} has weeks 1 to {ISOWeek.GetWeeksInYear(year)}.");
        }

        Year = year;
        Week = week;
    }

    public int Year { get; }

    public int Week { get; }

    /// <summary>year × 100 + week, e.g. 202634: the form stored in the database.</summary>
    public int Key => (Year * 100) + Week;

    /// <summary>The Monday that starts the week.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>The Sunday that ends the week.</summary>
    public DateOnly Sunday => Monday.AddDays(6);

    public static IsoWeek FromDate(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(dateTime), ISOWeek.GetWeekOfYear(dateTime));
    }

    public static IsoWeek FromKey(int key) => new(key / 100, key % 100);

    /// <summary>The last week that has fully ended on <paramref name="today"/> (the week before the current one).</summary>
    public static IsoWeek LastCompleteWeek(DateOnly today) => FromDate(today).AddWeeks(-1);

    public IsoWeek AddWeeks(int weeks) => FromDate(Monday.AddDays(weeks * 7));

    /// <summary>Number of weeks from this week to <paramref name="other"/> (positive when other is later).</summary>
    public int WeeksUntil(IsoWeek other) => (other.Monday.DayNumber - Monday.DayNumber) / 7;

    /// <summary>Every week from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<IsoWeek> Range(IsoWeek first, IsoWeek last)
    {
        for (var week = first; week <= last; week = week.AddWeeks(1))
        {
            yield return week;
        }
    }

    public int CompareTo(IsoWeek other) => Key.CompareTo(other.Key);

    public static bool operator <(IsoWeek left, IsoWeek right) => left.Key < right.Key;

    public static bool operator >(IsoWeek left, IsoWeek right) => left.Key > right.Key;

    public static bool operator <=(IsoWeek left, IsoWeek right) => left.Key <= right.Key;

    public static bool operator >=(IsoWeek left, IsoWeek right) => left.Key >= right.Key;

    /// <summary>ISO form, e.g. "2026-W05".</summary>
    public override string ToString() => $"{Year:D4}-W{Week:D2}";

    /// <summary>Parses "2026-W05" or "2026W05".</summary>
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().ToUpperInvariant().Replace("-W", "W", StringComparison.Ordinal).Split('W');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 1 or > 9998
            || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }
}
