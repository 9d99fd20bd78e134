using SocialKpi.Domain.Importing;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Tests.Importing;

public class WeeklyRollupTests
{
    private static readonly FigureCell Cell = new(1, 2, 202645);

    [Fact]
    public void Counts_add_up_over_the_week()
    {
        var rollup = new WeeklyRollup();
        rollup.Add(Cell, Aggregation.Sum, 10, day: 1, row: 1);
        rollup.Add(Cell, Aggregation.Sum, 5.5, day: 2, row: 2);

        Assert.Equal(15.5, Assert.Single(rollup.Figures()).Value);
    }

    [Fact]
    public void The_last_value_is_the_latest_days_then_the_latest_rows()
    {
        var rollup = new WeeklyRollup();
        rollup.Add(Cell, Aggregation.Last, 300, day: 7, row: 1);
        rollup.Add(Cell, Aggregation.Last, 100, day: 1, row: 2);
        rollup.Add(Cell, Aggregation.Last, 310, day: 7, row: 3);

        Assert.Equal(310, Assert.Single(rollup.Figures()).Value);
    }

    [Fact]
    public void Rates_are_weighted_by_their_base_and_fall_back_to_a_plain_mean_when_a_weight_is_missing()
    {
        var weighted = new WeeklyRollup();
        weighted.Add(Cell, Aggregation.Average, 40, 1, 1, weight: 100);
        weighted.Add(Cell, Aggregation.Average, 60, 2, 2, weight: 300);
        var plain = new WeeklyRollup();
        plain.Add(Cell, Aggregation.Average, 40, 1, 1, weight: 100);
        plain.Add(Cell, Aggregation.Average, 60, 2, 2);

        Assert.Equal(55, Assert.Single(weighted.Figures()).Value);
        Assert.Equal(50, Assert.Single(plain.Figures()).Value);
    }

    [Fact]
    public void Rates_whose_bases_are_all_zero_take_the_plain_mean_rather_than_dividing_by_zero()
    {
        var rollup = new WeeklyRollup();
        rollup.Add(Cell, Aggregation.Average, 40, 1, 1, weight: 0);
        rollup.Add(Cell, Aggregation.Average, 60, 2, 2, weight: 0);

        Assert.Equal(50, Assert.Single(rollup.Figures()).Value);
    }
}
