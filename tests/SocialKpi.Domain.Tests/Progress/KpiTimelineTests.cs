using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Domain.Tests.Progress;

public class KpiTimelineTests
{
    // Monday 5 January 2026 = 2026-W02; deadline Sunday 29 March 2026 = end of 2026-W13 (12 weeks).
    private static readonly DateOnly Start = new(2026, 1, 5);
    private static readonly KpiPlan Plan = new("Reach", 0m, 1200m, Start, new DateOnly(2026, 3, 29));

    [Fact]
    public void A_cumulative_kpi_charts_its_running_total_against_the_trajectory_and_the_threshold_limits()
    {
        var points = new[] { new WeeklyPoint(new IsoWeek(2026, 2), 100m), new WeeklyPoint(new IsoWeek(2026, 3), 80m) };
        var progress = KpiProgress.Evaluate(Plan, points, new IsoWeek(2026, 3));

        var rows = KpiTimeline.Of(progress, points);

        Assert.Equal(12, rows.Count);
        Assert.Equal(new IsoWeek(2026, 13), rows[^1].Week);
        // week 3: 100 + 80 = 180; trajectory at Sunday 18 January = 1 200 × 13 / 83 days
        var week3 = rows[1];
        Assert.Equal(80m, week3.Weekly);
        Assert.Equal(180m, week3.Value);
        var expected = 1200m * 13m / 83m;
        Assert.Equal(expected, week3.Trajectory);
        Assert.Equal(expected - (expected * 10m / 100m), week3.AmberLimit);
        Assert.Equal(expected - (expected * 25m / 100m), week3.RedLimit);
        Assert.Null(rows[2].Value);
    }

    [Fact]
    public void The_forecast_line_runs_from_the_current_value_to_the_forecast_at_the_deadline()
    {
        var points = new[]
        {
            new WeeklyPoint(new IsoWeek(2026, 2), 100m), new WeeklyPoint(new IsoWeek(2026, 3), 100m), new WeeklyPoint(new IsoWeek(2026, 4), 100m),
        };
        var progress = KpiProgress.Evaluate(Plan, points, new IsoWeek(2026, 4));

        var rows = KpiTimeline.Of(progress, points);

        // 300 after 3 weeks, 100 a week for the 9 weeks left: 1 200 at the deadline, 100 more each week on the way
        Assert.Equal(1200m, progress.Forecast.Value!.Value, 6);
        Assert.Equal(300m, rows.Single(r => r.Week == new IsoWeek(2026, 4)).Forecast!.Value, 6);
        Assert.Equal(400m, rows.Single(r => r.Week == new IsoWeek(2026, 5)).Forecast!.Value, 6);
        Assert.Equal(1200m, rows[^1].Forecast!.Value, 6);
        Assert.All(rows.Where(r => r.Week < new IsoWeek(2026, 4)), r => Assert.Null(r.Forecast));
    }

    [Fact]
    public void A_single_week_of_data_has_a_value_but_no_forecast_line()
    {
        var points = new[] { new WeeklyPoint(new IsoWeek(2026, 2), 100m) };
        var progress = KpiProgress.Evaluate(Plan, points, new IsoWeek(2026, 2));

        var rows = KpiTimeline.Of(progress, points);

        Assert.Equal(100m, rows[0].Value);
        Assert.All(rows, r => Assert.Null(r.Forecast));
    }

    [Fact]
    public void When_lower_is_better_the_limits_lie_above_the_trajectory()
    {
        var plan = new KpiPlan("Response time", 60m, 30m, Start, new DateOnly(2026, 3, 29), Direction.LowerIsBetter, Aggregation.Average);

        // 50 minutes expected: amber from 55, red from 62.5
        Assert.Equal(55m, KpiTimeline.Limit(plan, 50m, 10m));
        Assert.Equal(62.5m, KpiTimeline.Limit(plan, 50m, 25m));
    }

    [Fact]
    public void A_trajectory_at_zero_takes_its_limits_from_the_whole_plan_as_the_status_does()
    {
        // 10 % of |1 200 − 0| below 0
        Assert.Equal(-120m, KpiTimeline.Limit(Plan, 0m, 10m));
    }
}
