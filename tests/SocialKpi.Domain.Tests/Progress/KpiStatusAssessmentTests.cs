using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

using static SocialKpi.Domain.Tests.Progress.Plans;

namespace SocialKpi.Domain.Tests.Progress;

/// <summary>Reach: 0 → 10 000 cumulative; at the end of week 6 the trajectory is 5 000.</summary>
public class KpiStatusAssessmentTests
{
    [Fact]
    public void Status_says_how_far_below_the_trajectory_the_kpi_is_in_english()
    {
        // (4 100 − 5 000) ÷ 5 000 × 100 = −18 %: shortfall 18 ≥ amber 10, < red 25
        var status = KpiStatusAssessment.Evaluate(Reach("Reach"), 4100m, Week(6));

        Assert.Equal(KpiStatus.AtRisk, status.Status);
        Assert.Equal(5000m, status.Expected);
        Assert.Equal(-18m, status.DeviationPercent);
        Assert.Equal(18m, status.ShortfallPercent);
        Assert.Equal("Reach is 18 % below the trajectory for week 6", status.ReasonEn);
        Assert.Equal(status.ReasonEn, status.Reason("en-US"));
    }

    [Fact]
    public void Status_says_how_far_below_the_trajectory_the_kpi_is_in_french()
    {
        var status = KpiStatusAssessment.Evaluate(Reach("Portée"), 4100m, Week(6));

        Assert.Equal("Portée\u00A0: 18\u00A0% sous la trajectoire en semaine\u00A06", status.ReasonFr);
        Assert.Equal(status.ReasonFr, status.Reason("fr-FR"));
    }

    [Fact]
    public void Status_reason_names_the_iso_week_of_the_as_of_week()
    {
        // Start Sunday 4 January, deadline Sunday 27 December 2026 (357 days). Week 34 ends on Sunday 23 August, 231 days in:
        // 5 100 × 231 ÷ 357 = 3 300; (2 706 − 3 300) ÷ 3 300 × 100 = −18 %
        var plan = Reach("Reach") with { Target = 5100m, Deadline = new DateOnly(2026, 12, 27) };

        var status = KpiStatusAssessment.Evaluate(plan, 2706m, Week(34));

        Assert.Equal("Reach is 18 % below the trajectory for week 34", status.ReasonEn);
        Assert.Equal("Reach\u00A0: 18\u00A0% sous la trajectoire en semaine\u00A034", status.ReasonFr);
    }

    [Fact]
    public void Status_reason_in_french_uses_a_decimal_comma()
    {
        // (4 125 − 5 000) ÷ 5 000 × 100 = −17.5 %
        var status = KpiStatusAssessment.Evaluate(Reach("Portée"), 4125m, Week(6));

        Assert.Equal("Portée\u00A0: 17,5\u00A0% sous la trajectoire en semaine\u00A06", status.ReasonFr);
        Assert.Equal("Portée is 17.5 % below the trajectory for week 6", status.ReasonEn);
    }

    [Fact]
    public void Status_above_the_trajectory_is_on_track_and_says_so()
    {
        // (5 500 − 5 000) ÷ 5 000 × 100 = +10 %
        var status = KpiStatusAssessment.Evaluate(Reach("Portée"), 5500m, Week(6));

        Assert.Equal(KpiStatus.OnTrack, status.Status);
        Assert.Equal(-10m, status.ShortfallPercent);
        Assert.Equal("Portée\u00A0: 10\u00A0% au-dessus de la trajectoire en semaine\u00A06", status.ReasonFr);
        Assert.Equal("Portée is 10 % above the trajectory for week 6", status.ReasonEn);
    }

    [Fact]
    public void Status_exactly_on_the_trajectory_is_on_track()
    {
        var status = KpiStatusAssessment.Evaluate(Reach(), 5000m, Week(6));

        Assert.Equal(KpiStatus.OnTrack, status.Status);
        Assert.Equal("Reach is on the trajectory for week 6", status.ReasonEn);
        Assert.Equal("Reach\u00A0: sur la trajectoire en semaine\u00A06", status.ReasonFr);
    }

    [Theory]
    [InlineData(4501, KpiStatus.OnTrack)] // shortfall 9.98 % < amber 10
    [InlineData(4500, KpiStatus.AtRisk)] // shortfall 10 % = amber: at risk from the threshold on
    [InlineData(3751, KpiStatus.AtRisk)] // shortfall 24.98 % < red 25
    [InlineData(3750, KpiStatus.OffTrack)] // shortfall 25 % = red
    [InlineData(0, KpiStatus.OffTrack)] // shortfall 100 %
    public void Status_changes_at_the_amber_and_red_thresholds(int actual, KpiStatus expected)
    {
        Assert.Equal(expected, KpiStatusAssessment.Evaluate(Reach(), actual, Week(6)).Status);
    }

    [Fact]
    public void Status_uses_the_kpis_own_thresholds()
    {
        // Amber 5, red 15; (4 600 − 5 000) ÷ 5 000 = −8 % → at risk (on track with the defaults)
        var plan = Reach() with { AmberThresholdPercent = 5m, RedThresholdPercent = 15m };

        Assert.Equal(KpiStatus.AtRisk, KpiStatusAssessment.Evaluate(plan, 4600m, Week(6)).Status);
        Assert.Equal(KpiStatus.OffTrack, KpiStatusAssessment.Evaluate(plan, 4250m, Week(6)).Status);
    }

    [Theory]
    [InlineData("54", KpiStatus.AtRisk)] // (54 − 45) ÷ 45 = +20 % above: the shortfall of a lower-is-better KPI
    [InlineData("56.25", KpiStatus.OffTrack)] // (56.25 − 45) ÷ 45 = +25 %
    [InlineData("40", KpiStatus.OnTrack)] // below the trajectory: ahead
    public void Status_of_a_lower_is_better_kpi_counts_being_above_the_trajectory_as_the_shortfall(string actual, KpiStatus expected)
    {
        // Response time 60 → 30 min: 45 at the end of week 6
        var status = KpiStatusAssessment.Evaluate(ResponseTime(), decimal.Parse(actual, System.Globalization.CultureInfo.InvariantCulture), Week(6));

        Assert.Equal(expected, status.Status);
    }

    [Fact]
    public void Status_reason_of_a_lower_is_better_kpi_describes_the_raw_position()
    {
        var behind = KpiStatusAssessment.Evaluate(ResponseTime("Temps de réponse"), 54m, Week(6));
        var ahead = KpiStatusAssessment.Evaluate(ResponseTime("Response time"), 40m, Week(6));

        Assert.Equal("Temps de réponse\u00A0: 20\u00A0% au-dessus de la trajectoire en semaine\u00A06", behind.ReasonFr);

        // (40 − 45) ÷ 45 × 100 = −11.11… % → "11.1 %"
        Assert.Equal("Response time is 11.1 % below the trajectory for week 6", ahead.ReasonEn);
    }

    [Fact]
    public void Status_without_data_is_not_computable_with_the_reason()
    {
        var status = KpiStatusAssessment.Evaluate(Reach("Portée"), null, Week(6));

        Assert.Equal(KpiStatus.NotComputable, status.Status);
        Assert.Null(status.DeviationPercent);
        Assert.Equal("Portée\u00A0: aucune donnée jusqu'à la semaine\u00A06", status.ReasonFr);
        Assert.Equal("Portée has no data up to week 6", status.ReasonEn);
    }

    [Fact]
    public void Status_when_the_trajectory_is_still_zero_measures_against_the_whole_way()
    {
        // Week 1 ends on the start day: trajectory 0. The gap is taken in % of |target − baseline| = 10 000:
        // (500 − 0) ÷ 10 000 × 100 = 5 % above
        var status = KpiStatusAssessment.Evaluate(Reach(), 500m, Week(1));

        Assert.Equal(0m, status.Expected);
        Assert.Equal(5m, status.DeviationPercent);
        Assert.Equal(KpiStatus.OnTrack, status.Status);
    }

    [Fact]
    public void Status_of_a_lower_is_better_kpi_falling_short_of_a_zero_trajectory_is_off_track()
    {
        // The relative gap from 0 to 0 cannot be a percentage: a shortfall against zero is off track, reason without a percentage
        var plan = new KpiPlan("Réclamations", 0m, 0m, Plans.Start, Plans.Deadline, Direction.LowerIsBetter, Aggregation.Sum);

        var status = KpiStatusAssessment.Evaluate(plan, 2m, Week(6));

        Assert.Equal(KpiStatus.OffTrack, status.Status);
        Assert.Null(status.DeviationPercent);
        Assert.Equal("Réclamations\u00A0: au-dessus de la trajectoire en semaine\u00A06", status.ReasonFr);
        Assert.Equal(KpiStatus.OnTrack, KpiStatusAssessment.Evaluate(plan, 0m, Week(6)).Status);
    }

    [Fact]
    public void Status_after_the_deadline_compares_with_the_target()
    {
        // Trajectory clamped at 10 000; (9 000 − 10 000) ÷ 10 000 = −10 %
        var status = KpiStatusAssessment.Evaluate(Reach(), 9000m, new IsoWeek(2026, 20));

        Assert.Equal(10000m, status.Expected);
        Assert.Equal(KpiStatus.AtRisk, status.Status);
    }
}
