namespace SocialKpi.Domain.Calendar;

/// <summary>
/// A period of whole ISO weeks, <see cref="From"/> to <see cref="To"/>, both included: what the dashboard and the
/// reports are computed over. Quarters and years are counted in ISO weeks (Q1 = weeks 1–13, Q2 = 14–26, Q3 = 27–39,
/// Q4 = 40 to the last week), so that every period is made of complete weeks and adds up like the weekly figures.
/// </summary>
public sealed record WeekRange
{
    public WeekRange(IsoWeek from, IsoWeek to)
    {
        if (from > to)
        {
            throw new ArgumentException($"The period must start before it ends ({from} is after {to}).", nameof(from));
        }

        From = from;
        To = to;
    }

    public IsoWeek From { get; }

    public IsoWeek To { get; }

    /// <summary>Number of weeks in the period (1 when From = To).</summary>
    public int Length => From.WeeksUntil(To) + 1;

    /// <summary>The period of the same length that ends the week before this one starts.</summary>
    public WeekRange Previous => new(From.AddWeeks(-Length), From.AddWeeks(-1));

    /// <summary>
    /// The same week numbers one ISO year earlier (weeks 10–22 of 2026 → weeks 10–22 of 2025). A week 53 becomes the
    /// week 52 of a year that has no week 53.
    /// </summary>
    public WeekRange YearBefore => new(SameWeekYearBefore(From), SameWeekYearBefore(To));

    /// <summary>Every week of the period, in order.</summary>
    public IEnumerable<IsoWeek> Weeks => IsoWeek.Range(From, To);

    public bool Contains(IsoWeek week) => week >= From && week <= To;

    /// <summary>The last <paramref name="weeks"/> complete weeks on <paramref name="today"/> (the current week is not complete).</summary>
    public static WeekRange LastCompleteWeeks(int weeks, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var last = IsoWeek.LastCompleteWeek(today);
        return new(last.AddWeeks(-(weeks - 1)), last);
    }

    /// <summary>Quarter <paramref name="quarter"/> (1–4) of ISO year <paramref name="year"/>; Q4 runs to week 52 or 53.</summary>
    public static WeekRange Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var first = new IsoWeek(year, ((quarter - 1) * 13) + 1);
        var last = quarter == 4 ? new IsoWeek(year, System.Globalization.ISOWeek.GetWeeksInYear(year)) : new IsoWeek(year, quarter * 13);
        return new(first, last);
    }

    /// <summary>The ISO quarter (1–4) a week belongs to.</summary>
    public static int QuarterOf(IsoWeek week) => Math.Min(4, ((week.Week - 1) / 13) + 1);

    /// <summary>The whole ISO year <paramref name="year"/>, week 1 to week 52 or 53.</summary>
    public static WeekRange Year(int year) => new(new IsoWeek(year, 1), new IsoWeek(year, System.Globalization.ISOWeek.GetWeeksInYear(year)));

    /// <summary>The quarter of the last complete week, from its first week to the last complete week.</summary>
    public static WeekRange QuarterToDate(DateOnly today)
    {
        var last = IsoWeek.LastCompleteWeek(today);
        return new(Quarter(last.Year, QuarterOf(last)).From, last);
    }

    /// <summary>The ISO year of the last complete week, from its week 1 to the last complete week.</summary>
    public static WeekRange YearToDate(DateOnly today)
    {
        var last = IsoWeek.LastCompleteWeek(today);
        return new(new IsoWeek(last.Year, 1), last);
    }

    /// <summary>A period chosen by the user: false when the first week is after the last (the screen then says so).</summary>
    public static bool TryCustom(IsoWeek from, IsoWeek to, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WeekRange? range)
    {
        range = from <= to ? new WeekRange(from, to) : null;
        return range is not null;
    }

    /// <summary>"2026-W10..2026-W22".</summary>
    public override string ToString() => $"{From}..{To}";

    private static IsoWeek SameWeekYearBefore(IsoWeek week) =>
        new(week.Year - 1, Math.Min(week.Week, System.Globalization.ISOWeek.GetWeeksInYear(week.Year - 1)));
}
