using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Domain.Tests.Formulas;

public class PeriodAggregationTests
{
    [Fact]
    public void Sum_adds_the_weeks_that_have_a_value()
    {
        // 10 + 5 = 15; the missing week is ignored
        Assert.Equal(15m, PeriodAggregation.Aggregate([10m, null, 5m], Aggregation.Sum));
    }

    [Fact]
    public void Average_is_the_mean_of_the_weeks_that_have_a_value()
    {
        // (10 + 20) ÷ 2 = 15, not (10 + 0 + 20) ÷ 3
        Assert.Equal(15m, PeriodAggregation.Aggregate([10m, null, 20m], Aggregation.Average));
    }

    [Fact]
    public void Last_is_the_latest_week_that_has_a_value()
    {
        Assert.Equal(20m, PeriodAggregation.Aggregate([10m, 20m, null], Aggregation.Last));
    }

    [Theory]
    [InlineData(Aggregation.Sum)]
    [InlineData(Aggregation.Average)]
    [InlineData(Aggregation.Last)]
    public void A_period_without_any_value_has_no_value_rather_than_zero(Aggregation aggregation)
    {
        Assert.Null(PeriodAggregation.Aggregate(Array.Empty<decimal?>(), aggregation));
        Assert.Null(PeriodAggregation.Aggregate(new decimal?[] { null, null }, aggregation));
    }

    [Fact]
    public void A_sum_of_zeros_is_zero()
    {
        Assert.Equal(0m, PeriodAggregation.Aggregate([0m, 0m], Aggregation.Sum));
    }

    [Fact]
    public void Last_of_weekly_points_takes_the_latest_week_whatever_the_order()
    {
        WeeklyPoint[] points =
        [
            new(new IsoWeek(2026, 3), 8300m),
            new(new IsoWeek(2025, 52), 7900m),
            new(new IsoWeek(2026, 1), 8100m),
        ];

        Assert.Equal(8300m, PeriodAggregation.Aggregate(points, Aggregation.Last));
    }

    [Fact]
    public void Last_of_weekly_points_crosses_the_year_boundary_in_time_order()
    {
        WeeklyPoint[] points = [new(new IsoWeek(2026, 1), 8100m), new(new IsoWeek(2025, 52), 7900m)];

        Assert.Equal(8100m, PeriodAggregation.Aggregate(points, Aggregation.Last));
    }
}
