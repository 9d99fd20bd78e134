using SocialKpi.Domain.Calendar;

namespace SocialKpi.Domain.Progress;

/// <summary>A KPI's status at the end of the previous period and now: what the dashboard's alerts are made of.</summary>
public sealed record StatusChange(KpiProgress Before, KpiProgress Now)
{
    /// <summary>Off track now and not at the end of the previous period (a KPI without data then counts as not red).</summary>
    public bool TurnedRed => Now.Status.Status == KpiStatus.OffTrack && Before.Status.Status != KpiStatus.OffTrack;

    /// <summary>
    /// Evaluates the KPI again as of <paramref name="previousAsOf"/> from the same weekly points (later weeks are
    /// ignored, as they were not known then) and pairs it with its current progress.
    /// </summary>
    public static StatusChange Since(KpiProgress now, IEnumerable<WeeklyPoint> points, IsoWeek previousAsOf)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(points);
        var before = KpiProgress.Evaluate(now.Plan, points.Where(p => p.Week <= previousAsOf), previousAsOf);
        return new StatusChange(before, now);
    }
}
