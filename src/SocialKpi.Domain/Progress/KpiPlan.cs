using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Progress;

/// <summary>
/// What progress is measured against: a KPI's baseline, target, dates, direction and thresholds, as a plain value
/// (not the EF entity), so that progress can be computed and tested without a database.
/// </summary>
/// <param name="Name">The KPI's name, used in the status reason ("Reach is 18 % below…").</param>
/// <param name="Baseline">The value at <paramref name="Start"/>. For a <see cref="Aggregation.Sum"/> KPI, the cumulative value at the start: normally 0.</param>
/// <param name="Target">The value to reach by <paramref name="Deadline"/>.</param>
/// <param name="Start">When the trajectory starts: the objective's start date.</param>
/// <param name="Deadline">When the target must be reached.</param>
/// <param name="Direction">Whether more is better or less.</param>
/// <param name="Aggregation">How weekly values make the KPI's current value (see <see cref="KpiCurrentValue"/>).</param>
/// <param name="Unit">The unit of the KPI's values.</param>
/// <param name="AmberThresholdPercent">Shortfall against the trajectory, in % of the trajectory value, from which the KPI is at risk.</param>
/// <param name="RedThresholdPercent">Shortfall against the trajectory, in % of the trajectory value, from which the KPI is off track.</param>
/// <param name="Weight">Relative weight in the objective's progress.</param>
public sealed record KpiPlan(
    string Name,
    decimal Baseline,
    decimal Target,
    DateOnly Start,
    DateOnly Deadline,
    Direction Direction = Direction.HigherIsBetter,
    Aggregation Aggregation = Aggregation.Sum,
    KpiUnit Unit = KpiUnit.Count,
    decimal AmberThresholdPercent = 10m,
    decimal RedThresholdPercent = 25m,
    decimal Weight = 1m)
{
    /// <summary>The ISO week of <see cref="Start"/>: the first week counted.</summary>
    public IsoWeek StartWeek => IsoWeek.FromDate(Start);

    /// <summary>The ISO week of <see cref="Deadline"/>.</summary>
    public IsoWeek DeadlineWeek => IsoWeek.FromDate(Deadline);

    /// <summary>The straight line from the baseline at the start to the target at the deadline.</summary>
    public Trajectory Trajectory => new(Baseline, Target, Start, Deadline);

    /// <summary>The plan of a KPI entity of an objective starting on <paramref name="objectiveStart"/>.</summary>
    public static KpiPlan FromKpi(Kpi kpi, DateOnly objectiveStart)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return new KpiPlan(
            kpi.Name,
            kpi.Baseline,
            kpi.Target,
            objectiveStart,
            kpi.Deadline,
            kpi.Direction,
            kpi.Aggregation,
            kpi.Unit,
            kpi.AmberThresholdPercent,
            kpi.RedThresholdPercent,
            kpi.Weight);
    }
}
