using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Domain.Tests.Progress;

public class KpiPlanTests
{
    [Fact]
    public void Plan_from_a_kpi_takes_its_figures_and_the_objective_start()
    {
        var kpi = new Kpi
        {
            Name = "Temps de réponse",
            Baseline = 60m,
            Target = 30m,
            Deadline = new DateOnly(2026, 6, 30),
            Direction = Direction.LowerIsBetter,
            Aggregation = Aggregation.Average,
            Unit = KpiUnit.Duration,
            AmberThresholdPercent = 5m,
            RedThresholdPercent = 20m,
            Weight = 2m,
        };

        var plan = KpiPlan.FromKpi(kpi, new DateOnly(2026, 1, 5));

        Assert.Equal(
            new KpiPlan("Temps de réponse", 60m, 30m, new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 30), Direction.LowerIsBetter, Aggregation.Average, KpiUnit.Duration, 5m, 20m, 2m),
            plan);
        Assert.Equal(new IsoWeek(2026, 2), plan.StartWeek);
        Assert.Equal(new IsoWeek(2026, 27), plan.DeadlineWeek);
    }

    [Fact]
    public void Plan_thresholds_default_to_10_and_25_percent()
    {
        var plan = KpiPlan.FromKpi(new Kpi { Name = "Reach" }, new DateOnly(2026, 1, 5));

        Assert.Equal(10m, plan.AmberThresholdPercent);
        Assert.Equal(25m, plan.RedThresholdPercent);
    }
}
