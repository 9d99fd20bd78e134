namespace SocialKpi.Domain.Metrics;

/// <summary>
/// What one unit of a metric is worth to a workspace's business (a lead = 40 €, a sign-up = 3 €), used by ROI.
/// Seed 001: "give each KPI a value for the business". Per workspace, since a lead is not worth the same everywhere.
/// </summary>
public class MetricBusinessValue
{
    public int WorkspaceId { get; set; }

    public int MetricId { get; set; }

    /// <summary>In the workspace currency.</summary>
    public decimal ValuePerUnit { get; set; }
}
