namespace SocialKpi.Domain.Progress;

/// <summary>
/// An objective's progress: the weighted mean of its KPIs' attainments and an overall status.
/// </summary>
/// <param name="Attainment">Weighted mean of the computable KPIs' capped attainments, in [0, 1]; null when none is computable.</param>
/// <param name="Status">The objective's status (see <see cref="Of"/>).</param>
/// <param name="OnTrackCount">KPIs on track.</param>
/// <param name="AtRiskCount">KPIs at risk.</param>
/// <param name="OffTrackCount">KPIs off track.</param>
/// <param name="NotComputableCount">KPIs without data, left out of the mean.</param>
public sealed record ObjectiveProgress(
    decimal? Attainment,
    KpiStatus Status,
    int OnTrackCount,
    int AtRiskCount,
    int OffTrackCount,
    int NotComputableCount)
{
    /// <summary>All the objective's KPIs.</summary>
    public int KpiCount => OnTrackCount + AtRiskCount + OffTrackCount + NotComputableCount;

    /// <summary>The KPIs that count in the mean (they have data).</summary>
    public int ComputableCount => OnTrackCount + AtRiskCount + OffTrackCount;

    /// <summary>
    /// Combines the KPIs of an objective. The attainment is Σ weight × capped attainment ÷ Σ weight over the KPIs that
    /// have data and a positive weight (weights are relative, so they are normalised); KPIs without data are left out and
    /// counted in <see cref="NotComputableCount"/>, so a missing figure neither helps nor hurts.
    /// The status:
    /// <list type="number">
    /// <item>not computable if no KPI with a positive weight is computable;</item>
    /// <item>off track if the off-track KPIs carry at least a third of that weight — a third is where the objective can no
    /// longer be met by the other KPIs doing a little better (with three equal KPIs, one red is enough);</item>
    /// <item>at risk if any KPI is at risk or off track — one red KPI of low weight is still a warning;</item>
    /// <item>otherwise on track.</item>
    /// </list>
    /// </summary>
    public static ObjectiveProgress Of(IEnumerable<KpiProgress> kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        var list = kpis.ToList();
        int Count(KpiStatus status) => list.Count(k => k.Status.Status == status);

        var weighted = list
            .Where(k => k.Status.Status != KpiStatus.NotComputable && k.Attainment is not null && k.Plan.Weight > 0m)
            .ToList();
        var totalWeight = weighted.Sum(k => k.Plan.Weight);
        decimal? attainment = null;
        KpiStatus status;
        if (weighted.Count == 0 || totalWeight == 0m)
        {
            status = KpiStatus.NotComputable;
        }
        else
        {
            attainment = weighted.Sum(k => k.Plan.Weight * k.Attainment!.Value) / totalWeight;
            var offTrackWeight = weighted.Where(k => k.Status.Status == KpiStatus.OffTrack).Sum(k => k.Plan.Weight);
            status = offTrackWeight * 3m >= totalWeight ? KpiStatus.OffTrack
                : list.Exists(k => k.Status.Status is KpiStatus.AtRisk or KpiStatus.OffTrack) ? KpiStatus.AtRisk
                : KpiStatus.OnTrack;
        }

        return new ObjectiveProgress(
            attainment,
            status,
            Count(KpiStatus.OnTrack),
            Count(KpiStatus.AtRisk),
            Count(KpiStatus.OffTrack),
            Count(KpiStatus.NotComputable));
    }
}
