using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

using static SocialKpi.Domain.Tests.Progress.Plans;

namespace SocialKpi.Domain.Tests.Progress;

public class ObjectiveProgressTests
{
    [Fact]
    public void Objective_attainment_is_the_weighted_mean_of_the_kpis_attainments()
    {
        // (1 × 1.0 + 3 × 0.2) ÷ (1 + 3) = 1.6 ÷ 4 = 0.4
        var progress = ObjectiveProgress.Of([Kpi(KpiStatus.OnTrack, 1.0m, weight: 1m), Kpi(KpiStatus.OnTrack, 0.2m, weight: 3m)]);

        Assert.Equal(0.4m, progress.Attainment);
    }

    [Fact]
    public void Objective_attainment_leaves_out_kpis_without_data_and_counts_them()
    {
        var progress = ObjectiveProgress.Of([Kpi(KpiStatus.OnTrack, 0.5m), Kpi(KpiStatus.NotComputable, null)]);

        Assert.Equal(0.5m, progress.Attainment);
        Assert.Equal(1, progress.NotComputableCount);
        Assert.Equal(1, progress.ComputableCount);
        Assert.Equal(2, progress.KpiCount);
    }

    [Fact]
    public void Objective_attainment_leaves_out_kpis_of_zero_weight()
    {
        var progress = ObjectiveProgress.Of([Kpi(KpiStatus.OnTrack, 0.5m), Kpi(KpiStatus.OnTrack, 1m, weight: 0m)]);

        Assert.Equal(0.5m, progress.Attainment);
    }

    [Fact]
    public void Objective_is_off_track_when_off_track_kpis_carry_a_third_of_the_weight()
    {
        // One of three equal KPIs off track: 1 ÷ 3 of the weight
        var progress = ObjectiveProgress.Of([Kpi(KpiStatus.OffTrack, 0.1m), Kpi(KpiStatus.OnTrack, 0.6m), Kpi(KpiStatus.OnTrack, 0.6m)]);

        Assert.Equal(KpiStatus.OffTrack, progress.Status);
    }

    [Fact]
    public void Objective_is_at_risk_when_an_off_track_kpi_carries_less_than_a_third_of_the_weight()
    {
        // 1 ÷ (1 + 2.5) = 0.29 of the weight
        var progress = ObjectiveProgress.Of([Kpi(KpiStatus.OffTrack, 0.1m, weight: 1m), Kpi(KpiStatus.OnTrack, 0.6m, weight: 2.5m)]);

        Assert.Equal(KpiStatus.AtRisk, progress.Status);
    }

    [Fact]
    public void Objective_is_at_risk_when_any_kpi_is_at_risk()
    {
        var progress = ObjectiveProgress.Of([Kpi(KpiStatus.AtRisk, 0.3m), Kpi(KpiStatus.OnTrack, 0.6m), Kpi(KpiStatus.OnTrack, 0.6m)]);

        Assert.Equal(KpiStatus.AtRisk, progress.Status);
    }

    [Fact]
    public void Objective_is_on_track_when_every_computable_kpi_is()
    {
        var progress = ObjectiveProgress.Of([Kpi(KpiStatus.OnTrack, 0.3m), Kpi(KpiStatus.OnTrack, 0.6m), Kpi(KpiStatus.NotComputable, null)]);

        Assert.Equal(KpiStatus.OnTrack, progress.Status);
    }

    [Fact]
    public void Objective_is_not_computable_when_no_kpi_has_data()
    {
        var progress = ObjectiveProgress.Of([Kpi(KpiStatus.NotComputable, null), Kpi(KpiStatus.NotComputable, null)]);

        Assert.Equal(KpiStatus.NotComputable, progress.Status);
        Assert.Null(progress.Attainment);
        Assert.Equal(2, progress.NotComputableCount);
    }

    [Fact]
    public void Objective_counts_its_kpis_per_status()
    {
        var progress = ObjectiveProgress.Of(
        [
            Kpi(KpiStatus.OnTrack, 0.5m),
            Kpi(KpiStatus.OnTrack, 0.5m),
            Kpi(KpiStatus.AtRisk, 0.3m),
            Kpi(KpiStatus.OffTrack, 0.1m),
            Kpi(KpiStatus.NotComputable, null),
        ]);

        Assert.Equal((2, 1, 1, 1), (progress.OnTrackCount, progress.AtRiskCount, progress.OffTrackCount, progress.NotComputableCount));
    }

    [Fact]
    public void Objective_progress_from_evaluated_kpis()
    {
        // Reach: 4 100 at week 6 against 5 000 → at risk, attainment 0.41.
        // Followers: 8 500 at week 6 against 8 500 → on track, attainment 0.5. Mean (0.41 + 0.5) ÷ 2 = 0.455
        var reach = KpiProgress.Evaluate(Reach(), [Point(6, 4100m)], Week(6));
        var followers = KpiProgress.Evaluate(Followers(), [Point(6, 8500m)], Week(6));

        var progress = ObjectiveProgress.Of([reach, followers]);

        Assert.Equal(0.455m, progress.Attainment);
        Assert.Equal(KpiStatus.AtRisk, progress.Status);
    }

    private static KpiProgress Kpi(KpiStatus status, decimal? attainment, decimal weight = 1m)
    {
        var plan = Reach() with { Weight = weight };
        var assessment = new KpiStatusAssessment(status, attainment, 0m, null, null, string.Empty, string.Empty);
        return new KpiProgress(
            plan,
            Week(6),
            attainment,
            attainment is { } a ? new Attainment(a, a, AttainmentBasis.Linear) : null,
            assessment,
            KpiResult.Fails("forecast.linear-trend", KpiUnit.Count, NotComputableReason.NotEnoughHistory, plan.Name));
    }
}
