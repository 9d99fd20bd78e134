using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

using static SocialKpi.Domain.Tests.Progress.Plans;

namespace SocialKpi.Domain.Tests.Progress;

/// <summary>Deadline: end of week 11.</summary>
public class ForecastTests
{
    [Fact]
    public void Forecast_of_a_last_kpi_extends_the_weekly_trend_to_the_deadline()
    {
        // +10 a week from 1 000 in week 1; week 11 is 10 weeks after week 1: 1 000 + 10 × 10 = 1 100
        WeeklyPoint[] points = [Point(1, 1000m), Point(2, 1010m), Point(3, 1020m), Point(4, 1030m)];

        var forecast = Forecast.EndValue(Followers(), points, Week(4));

        Assert.Equal(1100m, forecast.Value);
        Assert.Equal("forecast.linear-trend", forecast.Formula);
    }

    [Fact]
    public void Forecast_of_an_average_kpi_is_the_trend_averaged_over_the_last_four_weeks_to_the_deadline()
    {
        // Weeks 8 to 11 on the line 1 000 + 10 × (week − 1): 1 070, 1 080, 1 090, 1 100 → mean 1 085
        WeeklyPoint[] points = [Point(1, 1000m), Point(2, 1010m), Point(3, 1020m), Point(4, 1030m)];

        var forecast = Forecast.EndValue(ResponseTime(), points, Week(4));

        Assert.Equal(1085m, forecast.Value);
    }

    [Fact]
    public void Forecast_of_a_sum_kpi_adds_the_recent_weekly_rate_for_the_weeks_left()
    {
        // 100 a week: 400 so far, 7 weeks left (5 to 11): 400 + 100 × 7 = 1 100
        WeeklyPoint[] points = [Point(1, 100m), Point(2, 100m), Point(3, 100m), Point(4, 100m)];

        Assert.Equal(1100m, Forecast.EndValue(Reach(), points, Week(4)).Value);
    }

    [Fact]
    public void Forecast_of_a_sum_kpi_takes_the_least_squares_rate_of_the_cumulative_total()
    {
        // Weekly 90, 110, 100, 100 → cumulative 90, 200, 300, 400 at x = 0…3.
        // x̄ = 1.5, ȳ = 247.5; Σ(x − x̄)(y − ȳ) = 236.25 + 23.75 + 26.25 + 228.75 = 515; Σ(x − x̄)² = 5 → rate 103.
        // 400 + 103 × 7 = 1 121
        WeeklyPoint[] points = [Point(1, 90m), Point(2, 110m), Point(3, 100m), Point(4, 100m)];

        Assert.Equal(1121m, Forecast.EndValue(Reach(), points, Week(4)).Value);
    }

    [Fact]
    public void Forecast_uses_only_the_last_eight_weekly_points()
    {
        // Weeks 1–2 are outliers; weeks 3–10 rise by 10 from 1 000: the line through them gives 1 080 at week 11
        var points = new List<WeeklyPoint> { Point(1, 5000m), Point(2, 5000m) };
        points.AddRange(Enumerable.Range(3, 8).Select(week => Point(week, 1000m + (10m * (week - 3)))));

        Assert.Equal(1080m, Forecast.EndValue(Followers(), points, Week(10)).Value);
    }

    [Fact]
    public void Forecast_skips_missing_weeks_and_keeps_the_time_axis()
    {
        // Weeks 1 and 3: +20 over 2 weeks = +10 a week; week 11: 1 000 + 10 × 10 = 1 100
        Assert.Equal(1100m, Forecast.EndValue(Followers(), [Point(1, 1000m), Point(3, 1020m)], Week(3)).Value);
    }

    [Fact]
    public void Forecast_is_not_computable_with_fewer_than_two_points()
    {
        var forecast = Forecast.EndValue(Followers("Abonnés"), [Point(1, 1000m)], Week(4));

        Assert.Equal(NotComputableReason.NotEnoughHistory, forecast.NotComputable!.Reason);
        Assert.Equal("Abonnés", forecast.NotComputable.Input);
        Assert.Equal("non calculable : historique insuffisant pour Abonnés", forecast.NotComputable.Describe("fr-FR"));
    }

    [Fact]
    public void Forecast_ignores_points_before_the_start_and_after_the_as_of_week()
    {
        WeeklyPoint[] points = [new(new IsoWeek(2025, 51), 1m), Point(1, 1000m), Point(5, 9999m)];

        Assert.Equal(NotComputableReason.NotEnoughHistory, Forecast.EndValue(Followers(), points, Week(4)).NotComputable!.Reason);
    }

    [Fact]
    public void Forecast_after_the_deadline_of_a_sum_kpi_is_the_total_reached_by_the_deadline()
    {
        // Weeks 9–11: 100 each; week 12 is after the deadline (week 11): 300
        WeeklyPoint[] points = [Point(9, 100m), Point(10, 100m), Point(11, 100m), Point(12, 999m)];

        Assert.Equal(300m, Forecast.EndValue(Reach(), points, Week(12)).Value);
    }

    [Fact]
    public void Forecast_of_a_falling_lower_is_better_kpi_follows_the_fall()
    {
        // Response time by week (Last aggregation for simplicity): 60, 57, 54 → −3 a week; week 11: 60 − 3 × 10 = 30
        var plan = ResponseTime() with { Aggregation = Aggregation.Last };

        Assert.Equal(30m, Forecast.EndValue(plan, [Point(1, 60m), Point(2, 57m), Point(3, 54m)], Week(3)).Value);
    }
}
