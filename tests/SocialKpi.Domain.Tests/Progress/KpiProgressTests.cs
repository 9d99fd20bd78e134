using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Progress;

using static SocialKpi.Domain.Tests.Progress.Plans;

namespace SocialKpi.Domain.Tests.Progress;

public class KpiProgressTests
{
    [Fact]
    public void Kpi_progress_brings_together_value_attainment_status_and_forecast()
    {
        // Reach 0 → 10 000; 820 a week over weeks 1–5 → 4 100 cumulative.
        // Trajectory at the end of week 5 (28 days of 70): 4 000 → 2.5 % above, on track.
        // Attainment 4 100 ÷ 10 000 = 0.41. Forecast: 4 100 + 820 × 6 weeks left = 9 020 → attainment 0.902.
        var points = Enumerable.Range(1, 5).Select(week => Point(week, 820m)).ToList();

        var progress = KpiProgress.Evaluate(Reach(), points, Week(5));

        Assert.Equal(4100m, progress.Current);
        Assert.Equal(0.41m, progress.Attainment!.Value);
        Assert.Equal(4000m, progress.Status.Expected);
        Assert.Equal(KpiStatus.OnTrack, progress.Status.Status);
        Assert.Equal("Reach is 2.5 % above the trajectory for week 5", progress.Status.ReasonEn);
        Assert.Equal(9020m, progress.Forecast.Value);
        Assert.Equal(0.902m, progress.ForecastAttainment!.Value);
    }

    [Fact]
    public void Kpi_progress_without_data_is_not_computable_throughout()
    {
        var progress = KpiProgress.Evaluate(Reach(), [], Week(5));

        Assert.Null(progress.Current);
        Assert.Null(progress.Attainment);
        Assert.Equal(KpiStatus.NotComputable, progress.Status.Status);
        Assert.Equal(NotComputableReason.NotEnoughHistory, progress.Forecast.NotComputable!.Reason);
        Assert.Null(progress.ForecastAttainment);
    }

    [Fact]
    public void Kpi_progress_of_a_lower_is_better_kpi_uses_the_four_week_average()
    {
        // Response time weeks 3–6: 50, 48, 46, 44 → mean 47; trajectory at week 6: 45.
        // (47 − 45) ÷ 45 × 100 = 4.44 % above → on track. Attainment (47 − 60) ÷ (30 − 60) = 13 ÷ 30 = 0.4333…
        WeeklyPoint[] points = [Point(1, 70m), Point(3, 50m), Point(4, 48m), Point(5, 46m), Point(6, 44m)];

        var progress = KpiProgress.Evaluate(ResponseTime(), points, Week(6));

        Assert.Equal(47m, progress.Current);
        Assert.Equal(KpiStatus.OnTrack, progress.Status.Status);
        Assert.Equal(0.4333333333333333333333333333m, progress.Attainment!.Value);
    }
}
