using FsCheck.Xunit;

using SocialKpi.Domain.Calendar;

namespace SocialKpi.Domain.Tests.Calendar;

public class IsoWeekTests
{
    [Fact]
    public void A_year_starting_on_a_thursday_has_a_week_53()
    {
        // 1 January 2026 is a Thursday: 2026 has 53 ISO weeks; 2025 has 52
        Assert.Equal(new IsoWeek(2026, 53), IsoWeek.FromDate(new DateOnly(2026, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsoWeek(2025, 53));
    }

    [Fact]
    public void The_first_days_of_january_can_belong_to_the_previous_years_last_week()
    {
        // Friday 1 January 2027 is in week 53 of 2026; Monday 4 January 2027 starts week 1 of 2027
        Assert.Equal(new IsoWeek(2026, 53), IsoWeek.FromDate(new DateOnly(2027, 1, 1)));
        Assert.Equal(new IsoWeek(2027, 1), IsoWeek.FromDate(new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public void The_last_days_of_december_can_belong_to_the_next_years_first_week()
    {
        // Monday 29 December 2025 starts week 1 of 2026 (its Thursday is 1 January 2026)
        Assert.Equal(new IsoWeek(2026, 1), IsoWeek.FromDate(new DateOnly(2025, 12, 29)));
        Assert.Equal(new DateOnly(2025, 12, 29), new IsoWeek(2026, 1).Monday);
        Assert.Equal(new DateOnly(2026, 1, 4), new IsoWeek(2026, 1).Sunday);
    }

    [Fact]
    public void Key_is_year_times_100_plus_week_and_round_trips()
    {
        var week = new IsoWeek(2026, 53);

        Assert.Equal(202653, week.Key);
        Assert.Equal(week, IsoWeek.FromKey(202653));
    }

    [Property]
    public bool Key_round_trips_for_any_date(int dayOffset)
    {
        var week = IsoWeek.FromDate(new DateOnly(2000, 1, 1).AddDays(Math.Abs(dayOffset % 20000)));

        return IsoWeek.FromKey(week.Key) == week && IsoWeek.FromDate(week.Monday) == week && IsoWeek.FromDate(week.Sunday) == week;
    }

    [Fact]
    public void Keys_sort_in_time_order_across_years()
    {
        Assert.True(new IsoWeek(2026, 53) < new IsoWeek(2027, 1));
        Assert.True(new IsoWeek(2026, 53).Key < new IsoWeek(2027, 1).Key);
    }

    [Fact]
    public void Last_complete_week_is_the_week_before_today()
    {
        // Monday 5 January 2026 is in week 2; the last complete week is week 1
        Assert.Equal(new IsoWeek(2026, 1), IsoWeek.LastCompleteWeek(new DateOnly(2026, 1, 5)));

        // Sunday 11 January 2026 is still in week 2: week 2 is not over
        Assert.Equal(new IsoWeek(2026, 1), IsoWeek.LastCompleteWeek(new DateOnly(2026, 1, 11)));
    }

    [Fact]
    public void Last_complete_week_crosses_back_into_week_53()
    {
        // Monday 4 January 2027 starts week 1 of 2027; the week before is 2026-W53
        Assert.Equal(new IsoWeek(2026, 53), IsoWeek.LastCompleteWeek(new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public void Adding_weeks_crosses_year_boundaries()
    {
        Assert.Equal(new IsoWeek(2027, 1), new IsoWeek(2026, 53).AddWeeks(1));
        Assert.Equal(new IsoWeek(2025, 52), new IsoWeek(2026, 1).AddWeeks(-1));
        Assert.Equal(2, new IsoWeek(2026, 52).WeeksUntil(new IsoWeek(2027, 1)));
        Assert.Equal(-2, new IsoWeek(2027, 1).WeeksUntil(new IsoWeek(2026, 52)));
    }

    [Fact]
    public void Range_lists_every_week_including_week_53()
    {
        var weeks = IsoWeek.Range(new IsoWeek(2026, 52), new IsoWeek(2027, 2)).ToList();

        Assert.Equal([new IsoWeek(2026, 52), new IsoWeek(2026, 53), new IsoWeek(2027, 1), new IsoWeek(2027, 2)], weeks);
    }

    [Theory]
    [InlineData("2026-W05", 2026, 5)]
    [InlineData("2026W05", 2026, 5)]
    [InlineData(" 2026-w53 ", 2026, 53)]
    public void Parses_iso_week_text(string text, int year, int number)
    {
        Assert.True(IsoWeek.TryParse(text, out var week));
        Assert.Equal(new IsoWeek(year, number), week);
        Assert.Equal($"{year:D4}-W{number:D2}", week.ToString());
    }

    [Theory]
    [InlineData("2025-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026-05")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_text_that_is_not_an_iso_week(string? text)
    {
        Assert.False(IsoWeek.TryParse(text, out _));
    }
}
