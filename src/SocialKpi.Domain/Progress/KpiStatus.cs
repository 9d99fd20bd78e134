namespace SocialKpi.Domain.Progress;

/// <summary>Where a KPI or an objective stands against its trajectory: green, amber, red, or unknown.</summary>
public enum KpiStatus
{
    OnTrack,
    AtRisk,
    OffTrack,
    NotComputable,
}
