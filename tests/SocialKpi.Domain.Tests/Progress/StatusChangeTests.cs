using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Domain.Tests.Progress;

public class StatusChangeTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    // Target 5 200 over a year (about 100 a week): weeks at 100 stay on track, weeks at 0 drag the total down.
    private static readonly KpiPlan Plan = new("Reach", 0m, 5200m, Start, Start.AddDays((7 * 52) - 1));

    private static List<WeeklyPoint> Weeks(params decimal[] values) =>
        [.. values.Select((v, i) => new WeeklyPoint(new IsoWeek(2026, 2).AddWeeks(i), v))];

    [Fact]
    public void A_kpi_on_track_four_weeks_ago_and_off_track_now_turned_red()
    {
        // 4 weeks at 100 (on track at W05), then 4 weeks at 0: 400 against about 800 expected at W09
        var points = Weeks(100, 100, 100, 100, 0, 0, 0, 0);
        var now = KpiProgress.Evaluate(Plan, points, new IsoWeek(2026, 9));

        var change = StatusChange.Since(now, points, new IsoWeek(2026, 5));

        Assert.Equal(KpiStatus.OnTrack, change.Before.Status.Status);
        Assert.Equal(KpiStatus.OffTrack, change.Now.Status.Status);
        Assert.True(change.TurnedRed);
    }

    [Fact]
    public void A_kpi_already_red_at_the_end_of_the_previous_period_is_not_a_new_alert()
    {
        var points = Weeks(10, 10, 10, 10, 10, 10, 10, 10);
        var now = KpiProgress.Evaluate(Plan, points, new IsoWeek(2026, 9));

        var change = StatusChange.Since(now, points, new IsoWeek(2026, 5));

        Assert.Equal(KpiStatus.OffTrack, change.Before.Status.Status);
        Assert.False(change.TurnedRed);
    }

    [Fact]
    public void The_previous_status_ignores_the_weeks_entered_after_it()
    {
        // Without data up to W05 the KPI was not computable then, whatever came later
        var points = Weeks(0, 0, 0, 0, 0, 0, 0, 0).Where(p => p.Week > new IsoWeek(2026, 5)).ToList();
        var now = KpiProgress.Evaluate(Plan, points, new IsoWeek(2026, 9));

        var change = StatusChange.Since(now, points, new IsoWeek(2026, 5));

        Assert.Equal(KpiStatus.NotComputable, change.Before.Status.Status);
        Assert.True(change.TurnedRed);
    }
}
