using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Domain.Tests.Progress;

public class TrajectoryTests
{
    private static readonly Trajectory Line = new(1000m, 2000m, Plans.Start, Plans.Deadline);

    [Fact]
    public void Trajectory_starts_at_the_baseline_and_ends_at_the_target()
    {
        Assert.Equal(1000m, Line.ValueAt(Plans.Start));
        Assert.Equal(2000m, Line.ValueAt(Plans.Deadline));
    }

    [Fact]
    public void Trajectory_is_linear_by_day()
    {
        // 8 February is 35 of 70 days in: 1 000 + 1 000 × 35 ÷ 70 = 1 500
        Assert.Equal(1500m, Line.ValueAt(new DateOnly(2026, 2, 8)));
    }

    [Fact]
    public void Trajectory_of_a_week_is_its_value_at_the_end_of_the_week()
    {
        // Week 2 ends on Sunday 11 January, 7 days in: 1 000 + 1 000 × 7 ÷ 70 = 1 100
        Assert.Equal(1100m, Line.ValueAt(new IsoWeek(2026, 2)));

        // Week 6 ends on Sunday 8 February: 1 500
        Assert.Equal(1500m, Line.ValueAt(new IsoWeek(2026, 6)));
    }

    [Fact]
    public void Trajectory_is_the_baseline_before_the_start()
    {
        Assert.Equal(1000m, Line.ValueAt(new DateOnly(2025, 11, 1)));
        Assert.Equal(1000m, Line.ValueAt(new IsoWeek(2025, 50)));
    }

    [Fact]
    public void Trajectory_is_clamped_to_the_target_after_the_deadline()
    {
        Assert.Equal(2000m, Line.ValueAt(new DateOnly(2026, 6, 1)));
        Assert.Equal(2000m, Line.ValueAt(new IsoWeek(2026, 30)));
    }

    [Fact]
    public void Trajectory_reaches_the_target_in_the_week_of_a_mid_week_deadline()
    {
        // Deadline Wednesday 11 March (week 11); week 11 ends after it
        var line = new Trajectory(0m, 700m, Plans.Start, new DateOnly(2026, 3, 11));

        Assert.Equal(700m, line.ValueAt(new IsoWeek(2026, 11)));
    }

    [Fact]
    public void Trajectory_of_a_lower_is_better_kpi_falls_towards_the_target()
    {
        // 60 − 30 × 35 ÷ 70 = 45 minutes at week 6
        var line = Plans.ResponseTime().Trajectory;

        Assert.Equal(45m, line.ValueAt(new IsoWeek(2026, 6)));
    }

    [Fact]
    public void Trajectory_with_the_deadline_on_the_start_is_the_target_from_that_day()
    {
        var line = new Trajectory(10m, 20m, Plans.Start, Plans.Start);

        Assert.Equal(10m, line.ValueAt(Plans.Start.AddDays(-1)));
        Assert.Equal(20m, line.ValueAt(Plans.Start));
    }
}
