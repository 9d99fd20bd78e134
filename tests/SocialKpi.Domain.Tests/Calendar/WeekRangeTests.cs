using SocialKpi.Domain.Calendar;

namespace SocialKpi.Domain.Tests.Calendar;

public class WeekRangeTests
{
    // Monday 23 November 2026 is in week 48: the last complete week is week 47.
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Last_13_complete_weeks_end_with_the_week_before_today()
    {
        var range = WeekRange.LastCompleteWeeks(13, Today);

        Assert.Equal(new IsoWeek(2026, 35), range.From);
        Assert.Equal(new IsoWeek(2026, 47), range.To);
        Assert.Equal(13, range.Length);
        Assert.Equal(13, range.Weeks.Count());
    }

    [Fact]
    public void The_previous_period_has_the_same_length_and_ends_the_week_before()
    {
        var previous = WeekRange.LastCompleteWeeks(4, Today).Previous;

        Assert.Equal(new WeekRange(new IsoWeek(2026, 40), new IsoWeek(2026, 43)), previous);
    }

    [Fact]
    public void The_previous_period_crosses_a_year_with_53_weeks()
    {
        // 2026 has a week 53: the 3 weeks before 2027-W02 are 2026-W52, 2026-W53, 2027-W01
        var range = new WeekRange(new IsoWeek(2027, 2), new IsoWeek(2027, 4));

        Assert.Equal(new WeekRange(new IsoWeek(2026, 52), new IsoWeek(2027, 1)), range.Previous);
    }

    [Fact]
    public void The_year_before_has_the_same_week_numbers()
    {
        var range = new WeekRange(new IsoWeek(2026, 10), new IsoWeek(2026, 22));

        Assert.Equal(new WeekRange(new IsoWeek(2025, 10), new IsoWeek(2025, 22)), range.YearBefore);
    }

    [Fact]
    public void Week_53_becomes_week_52_of_a_year_without_one()
    {
        var range = new WeekRange(new IsoWeek(2026, 40), new IsoWeek(2026, 53));

        Assert.Equal(new WeekRange(new IsoWeek(2025, 40), new IsoWeek(2025, 52)), range.YearBefore);
    }

    [Fact]
    public void Quarters_are_13_iso_weeks_and_the_fourth_takes_week_53()
    {
        Assert.Equal(new WeekRange(new IsoWeek(2026, 14), new IsoWeek(2026, 26)), WeekRange.Quarter(2026, 2));
        Assert.Equal(14, WeekRange.Quarter(2026, 4).Length);
        Assert.Equal(13, WeekRange.Quarter(2025, 4).Length);
        Assert.Equal(4, WeekRange.QuarterOf(new IsoWeek(2026, 53)));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeekRange.Quarter(2026, 5));
    }

    [Fact]
    public void A_year_is_week_1_to_its_last_week()
    {
        Assert.Equal(53, WeekRange.Year(2026).Length);
        Assert.Equal(52, WeekRange.Year(2025).Length);
    }

    [Fact]
    public void Quarter_and_year_to_date_stop_at_the_last_complete_week()
    {
        Assert.Equal(new WeekRange(new IsoWeek(2026, 40), new IsoWeek(2026, 47)), WeekRange.QuarterToDate(Today));
        Assert.Equal(new WeekRange(new IsoWeek(2026, 1), new IsoWeek(2026, 47)), WeekRange.YearToDate(Today));
    }

    [Fact]
    public void In_the_first_week_of_a_year_the_year_to_date_is_the_whole_previous_year()
    {
        // Monday 4 January 2027 starts 2027-W01: the last complete week is 2026-W53
        Assert.Equal(WeekRange.Year(2026), WeekRange.YearToDate(new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public void A_period_cannot_end_before_it_starts()
    {
        Assert.Throws<ArgumentException>(() => new WeekRange(new IsoWeek(2026, 10), new IsoWeek(2026, 9)));
        Assert.False(WeekRange.TryCustom(new IsoWeek(2026, 10), new IsoWeek(2026, 9), out var invalid));
        Assert.Null(invalid);
        Assert.True(WeekRange.TryCustom(new IsoWeek(2026, 10), new IsoWeek(2026, 10), out var single));
        Assert.Equal(1, single.Length);
    }

    [Fact]
    public void Zero_weeks_is_not_a_period()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeekRange.LastCompleteWeeks(0, Today));
    }
}
