using SocialKpi.Domain.Formulas;

namespace SocialKpi.Domain.Kpis;

/// <summary>
/// A key performance indicator of one objective: a metric, or a formula over metrics, with a baseline,
/// a target to reach by a deadline, and the thresholds that turn it amber or red.
/// </summary>
public class Kpi
{
    public int Id { get; set; }

    public int ObjectiveId { get; set; }

    public required string Name { get; set; }

    /// <summary>Relative weight in the objective's progress (any positive number; normalised when averaging).</summary>
    public decimal Weight { get; set; } = 1m;

    /// <summary>The measured metric, when the KPI measures one metric.</summary>
    public int? MetricId { get; set; }

    /// <summary>The formula, when the KPI measures a formula over metrics. Exactly one of MetricId / Formula is set.</summary>
    public FormulaId? Formula { get; set; }

    public decimal Baseline { get; set; }

    public decimal Target { get; set; }

    /// <summary>The date the target must be reached; defaults to the objective's end.</summary>
    public DateOnly Deadline { get; set; }

    public Direction Direction { get; set; } = Direction.HigherIsBetter;

    public KpiUnit Unit { get; set; } = KpiUnit.Count;

    public Aggregation Aggregation { get; set; } = Aggregation.Sum;

    public FunnelStage? FunnelStage { get; set; }

    /// <summary>Channels the KPI counts; empty means all channels of the workspace.</summary>
    public List<int> ChannelIds { get; set; } = [];

    /// <summary>Shortfall against the trajectory, in % of the trajectory value, from which the KPI is at risk.</summary>
    public decimal AmberThresholdPercent { get; set; } = 10m;

    /// <summary>Shortfall against the trajectory, in % of the trajectory value, from which the KPI is off track.</summary>
    public decimal RedThresholdPercent { get; set; } = 25m;

    public bool IsArchived { get; set; }
}
