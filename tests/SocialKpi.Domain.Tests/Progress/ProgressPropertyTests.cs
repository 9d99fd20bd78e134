using FsCheck.Xunit;

using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Domain.Tests.Progress;

public class ProgressPropertyTests
{
    [Property]
    public bool Attainment_is_always_between_0_and_1(decimal actual, decimal baseline, decimal target, bool lowerIsBetter)
    {
        var attainment = Attainment.Of(actual, baseline, target, lowerIsBetter ? Direction.LowerIsBetter : Direction.HigherIsBetter);

        return attainment.Value is >= 0m and <= 1m;
    }

    [Fact]
    public void Attainment_is_between_0_and_1_at_the_extremes_of_decimal()
    {
        decimal[] extremes = [decimal.MaxValue, decimal.MinValue, 0m, 1m, -1m];
        foreach (var actual in extremes)
        {
            foreach (var baseline in extremes)
            {
                foreach (var target in extremes)
                {
                    foreach (var direction in Enum.GetValues<Direction>())
                    {
                        Assert.InRange(Attainment.Of(actual, baseline, target, direction).Value, 0m, 1m);
                    }
                }
            }
        }
    }

    [Property]
    public bool Trajectory_stays_between_baseline_and_target(decimal baseline, decimal target, int dayOffset)
    {
        var line = new Trajectory(baseline, target, Plans.Start, Plans.Deadline);

        var value = line.ValueAt(Plans.Start.AddDays((dayOffset % 200) - 50));

        return value >= Math.Min(baseline, target) && value <= Math.Max(baseline, target);
    }

    [Property]
    public bool Status_is_not_computable_exactly_when_there_is_no_value(decimal? actual, decimal baseline, decimal target, bool lowerIsBetter)
    {
        var plan = new KpiPlan("KPI", baseline, target, Plans.Start, Plans.Deadline, lowerIsBetter ? Direction.LowerIsBetter : Direction.HigherIsBetter);

        var status = KpiStatusAssessment.Evaluate(plan, actual, new IsoWeek(2026, 6));

        return (status.Status == KpiStatus.NotComputable) == (actual is null);
    }

    [Property]
    public bool Objective_attainment_is_always_between_0_and_1(decimal[] attainments)
    {
        var kpis = (attainments ?? []).Select(a => KpiProgress.Evaluate(Plans.Followers(), [Plans.Point(6, a)], new IsoWeek(2026, 6)));

        var progress = ObjectiveProgress.Of(kpis);

        return progress.Attainment is null or (>= 0m and <= 1m);
    }
}
