using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Domain.Tests.Progress;

public class AttainmentTests
{
    [Fact]
    public void Attainment_is_the_share_of_the_way_from_baseline_to_target()
    {
        // (1 500 − 1 000) ÷ (2 000 − 1 000) = 0.5
        var attainment = Attainment.Of(1500m, 1000m, 2000m, Direction.HigherIsBetter);

        Assert.Equal(0.5m, attainment.Value);
        Assert.Equal(0.5m, attainment.Uncapped);
        Assert.Equal(AttainmentBasis.Linear, attainment.Basis);
    }

    [Fact]
    public void Attainment_is_capped_at_1_beyond_the_target_and_the_overshoot_kept_uncapped()
    {
        // (2 400 − 1 000) ÷ 1 000 = 1.4
        var attainment = Attainment.Of(2400m, 1000m, 2000m, Direction.HigherIsBetter);

        Assert.Equal(1m, attainment.Value);
        Assert.Equal(1.4m, attainment.Uncapped);
    }

    [Fact]
    public void Attainment_is_capped_at_0_below_the_baseline()
    {
        // (900 − 1 000) ÷ 1 000 = −0.1
        var attainment = Attainment.Of(900m, 1000m, 2000m, Direction.HigherIsBetter);

        Assert.Equal(0m, attainment.Value);
        Assert.Equal(-0.1m, attainment.Uncapped);
    }

    [Fact]
    public void Attainment_of_a_lower_is_better_kpi_uses_the_same_formula()
    {
        // Response time 60 → 30 min; at 45: (45 − 60) ÷ (30 − 60) = −15 ÷ −30 = 0.5
        Assert.Equal(0.5m, Attainment.Of(45m, 60m, 30m, Direction.LowerIsBetter).Value);

        // At 20: (20 − 60) ÷ (−30) = 1.333… → capped to 1
        var beyond = Attainment.Of(20m, 60m, 30m, Direction.LowerIsBetter);
        Assert.Equal(1m, beyond.Value);
        Assert.Equal(1.3333333333333333333333333333m, beyond.Uncapped);

        // At 70, worse than the baseline: (70 − 60) ÷ (−30) = −0.333… → 0
        Assert.Equal(0m, Attainment.Of(70m, 60m, 30m, Direction.LowerIsBetter).Value);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(6, 1)]
    [InlineData(4, 0)]
    public void Attainment_when_the_target_was_met_at_the_start_is_1_while_it_stays_met(int actual, int expected)
    {
        var attainment = Attainment.Of(actual, 5m, 5m, Direction.HigherIsBetter);

        Assert.Equal(expected, attainment.Value);
        Assert.Equal(AttainmentBasis.TargetMetAtStart, attainment.Basis);
    }

    [Theory]
    [InlineData(14, 1)]
    [InlineData(15, 1)]
    [InlineData(16, 0)]
    public void Attainment_when_a_lower_is_better_target_was_met_at_the_start_is_1_while_at_or_below_it(int actual, int expected)
    {
        Assert.Equal(expected, Attainment.Of(actual, 15m, 15m, Direction.LowerIsBetter).Value);
    }

    [Theory]
    [InlineData(9500, 1)]
    [InlineData(9000, 1)]
    [InlineData(8900, 0)]
    public void Attainment_with_a_higher_is_better_target_below_the_baseline_treats_it_as_a_floor(int actual, int expected)
    {
        // "Keep at least 9 000 followers" from 10 000: met at the start, still met while ≥ 9 000
        var attainment = Attainment.Of(actual, 10000m, 9000m, Direction.HigherIsBetter);

        Assert.Equal(expected, attainment.Value);
        Assert.Equal(AttainmentBasis.TargetInWrongDirection, attainment.Basis);
    }

    [Theory]
    [InlineData(35, 1)]
    [InlineData(45, 0)]
    public void Attainment_with_a_lower_is_better_target_above_the_baseline_treats_it_as_a_ceiling(int actual, int expected)
    {
        Assert.Equal(expected, Attainment.Of(actual, 30m, 40m, Direction.LowerIsBetter).Value);
    }

    [Fact]
    public void Attainment_of_a_plan_uses_its_baseline_target_and_direction()
    {
        // Followers 8 000 → 9 000; at 8 250: 250 ÷ 1 000 = 0.25
        Assert.Equal(0.25m, Attainment.Of(Plans.Followers(), 8250m).Value);
    }
}
