using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

using static SocialKpi.Domain.Tests.Progress.Plans;

namespace SocialKpi.Domain.Tests.Progress;

public class KpiCurrentValueTests
{
    [Fact]
    public void Current_value_of_a_sum_kpi_is_the_total_from_the_start_to_the_as_of_week()
    {
        WeeklyPoint[] points = [new(new IsoWeek(2025, 52), 999m), Point(1, 100m), Point(2, 200m), Point(3, 300m)];

        // Weeks 1 and 2: 100 + 200 = 300 (week 52 of 2025 is before the start, week 3 after the as-of week)
        Assert.Equal(300m, KpiCurrentValue.Of(points, Aggregation.Sum, Week(1), Week(2)));
    }

    [Fact]
    public void Current_value_of_a_sum_kpi_ignores_missing_weeks()
    {
        // 100 + 300 = 400; week 2 has no data
        Assert.Equal(400m, KpiCurrentValue.Of([Point(1, 100m), Point(3, 300m)], Aggregation.Sum, Week(1), Week(3)));
    }

    [Fact]
    public void Current_value_of_a_last_kpi_is_the_latest_value_up_to_the_as_of_week()
    {
        WeeklyPoint[] points = [Point(1, 8000m), Point(2, 8100m), Point(4, 8300m)];

        Assert.Equal(8100m, KpiCurrentValue.Of(points, Aggregation.Last, Week(1), Week(3)));
    }

    [Fact]
    public void Current_value_of_an_average_kpi_is_the_mean_of_the_last_four_weeks_with_data()
    {
        WeeklyPoint[] points = [Point(1, 10m), Point(2, 20m), Point(3, 30m), Point(5, 40m), Point(6, 50m)];

        // Last four weeks with data: 2, 3, 5, 6 → (20 + 30 + 40 + 50) ÷ 4 = 35
        Assert.Equal(35m, KpiCurrentValue.Of(points, Aggregation.Average, Week(1), Week(6)));
    }

    [Fact]
    public void Current_value_of_an_average_kpi_with_fewer_than_four_weeks_is_their_mean()
    {
        // (10 + 20) ÷ 2 = 15
        Assert.Equal(15m, KpiCurrentValue.Of([Point(1, 10m), Point(2, 20m)], Aggregation.Average, Week(1), Week(6)));
    }

    [Theory]
    [InlineData(Aggregation.Sum)]
    [InlineData(Aggregation.Average)]
    [InlineData(Aggregation.Last)]
    public void Current_value_without_data_in_the_range_is_null(Aggregation aggregation)
    {
        Assert.Null(KpiCurrentValue.Of([Point(9, 10m)], aggregation, Week(1), Week(6)));
        Assert.Null(KpiCurrentValue.Of([], aggregation, Week(1), Week(6)));
    }

    [Fact]
    public void Current_value_counts_across_the_year_boundary()
    {
        WeeklyPoint[] points = [new(new IsoWeek(2025, 52), 10m), new(new IsoWeek(2026, 1), 20m)];

        // 10 + 20 = 30
        Assert.Equal(30m, KpiCurrentValue.Of(points, Aggregation.Sum, new IsoWeek(2025, 52), new IsoWeek(2026, 1)));
    }

    [Fact]
    public void Current_value_of_a_plan_counts_from_its_start_week()
    {
        // Reach starts in week 1: 100 + 200 = 300
        Assert.Equal(300m, KpiCurrentValue.Of(Reach(), [Point(1, 100m), Point(2, 200m)], Week(2)));
    }
}
