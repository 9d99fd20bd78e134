using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Data.Queries;

/// <summary>A KPI that is off track at the end of the period and was not at the end of the previous one.</summary>
public sealed record KpiAlert(ObjectiveProgressView Objective, KpiProgressView Kpi, StatusChange Change);

/// <summary>Everything the home dashboard shows for a period.</summary>
public sealed record HomeDashboardView(
    WeekRange Period,
    IReadOnlyList<ObjectiveProgressView> Objectives,
    HeadlineFiguresView Headlines,
    IReadOnlyList<KpiAlert> Alerts);

/// <summary>
/// The home dashboard's data: objectives evaluated at the end of the period, the headline figures, and the KPIs that
/// turned red since the end of the previous period (re-evaluated from the weekly points already loaded: no query).
/// </summary>
public static class HomeDashboardQuery
{
    public static async Task<HomeDashboardView> HomeDashboardAsync(
        this SocialKpiDbContext db, int workspaceId, WeekRange period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);

        // One connection for both loads (EF counts nested opens).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var objectives = await db.ObjectiveProgressAsync(workspaceId, period.To, cancellationToken: cancellationToken);
            var headlines = await db.HeadlineFiguresAsync(workspaceId, period, channelId: null, cancellationToken);
            return new HomeDashboardView(period, objectives, headlines, AlertsOf(objectives, period.Previous.To));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static IReadOnlyList<KpiAlert> AlertsOf(IEnumerable<ObjectiveProgressView> objectives, IsoWeek previousAsOf) =>
        [.. from objective in objectives
            from kpi in objective.Kpis
            let change = StatusChange.Since(kpi.Progress, kpi.Weekly, previousAsOf)
            where change.TurnedRed
            select new KpiAlert(objective, kpi, change)];
}
