using Microsoft.EntityFrameworkCore;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Data.Tests;

public class HomeDashboardQueryTests
{
    [Fact]
    public async Task The_home_dashboard_is_its_objectives_at_the_period_end_its_headlines_and_the_kpis_that_turned_red()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();
        var period = WeekRange.LastCompleteWeeks(13, TestDatabase.Today);

        var home = await db.HomeDashboardAsync(workspace.Id, period);

        var objectives = await db.ObjectiveProgressAsync(workspace.Id, period.To);
        var headlines = await db.HeadlineFiguresAsync(workspace.Id, period, channelId: null);
        Assert.Equal(objectives.Select(o => o.Progress), home.Objectives.Select(o => o.Progress));
        Assert.Equal(headlines.Figures.Select(f => f.Current.Value), home.Headlines.Figures.Select(f => f.Current.Value));
        var expected = objectives.SelectMany(o => o.Kpis)
            .Where(k => k.Progress.Status.Status == KpiStatus.OffTrack
                        && KpiProgress.Evaluate(k.Progress.Plan, k.Weekly.Where(p => p.Week <= period.Previous.To), period.Previous.To).Status.Status != KpiStatus.OffTrack)
            .Select(k => k.Kpi.Id);
        Assert.Equal(expected, home.Alerts.Select(a => a.Kpi.Kpi.Id));
    }

    [Fact]
    public async Task A_kpi_that_slid_into_the_red_during_the_period_is_an_alert()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();
        var period = WeekRange.LastCompleteWeeks(4, TestDatabase.Today);
        var kpi = await db.Kpis.Where(k => k.MetricId != null && k.Aggregation == Domain.Kpis.Aggregation.Sum)
            .OrderBy(k => k.Id).FirstAsync();
        var before = (await db.HomeDashboardAsync(workspace.Id, period)).Alerts.Select(a => a.Kpi.Kpi.Id).ToList();

        // Nothing at all for the KPI's metric during the period: its cumulative value stalls while the trajectory climbs.
        // The red threshold is then put between the shortfall at the end of the previous period and the one now.
        await db.MetricValues.Where(v => v.MetricId == kpi.MetricId && v.Week >= period.From.Key && v.Week <= period.To.Key).ExecuteDeleteAsync();
        var stalled = (await db.ObjectiveProgressAsync(workspace.Id, period.To)).SelectMany(o => o.Kpis).Single(k => k.Kpi.Id == kpi.Id);
        var change = StatusChange.Since(stalled.Progress, stalled.Weekly, period.Previous.To);
        var shortfallBefore = change.Before.Status.ShortfallPercent!.Value;
        var shortfallNow = change.Now.Status.ShortfallPercent!.Value;
        Assert.True(shortfallNow > shortfallBefore);
        kpi.RedThresholdPercent = (shortfallBefore + shortfallNow) / 2;
        kpi.AmberThresholdPercent = Math.Min(kpi.AmberThresholdPercent, kpi.RedThresholdPercent / 2);
        await db.SaveChangesAsync();

        var alerts = (await db.HomeDashboardAsync(workspace.Id, period)).Alerts;

        Assert.DoesNotContain(kpi.Id, before);
        var alert = Assert.Single(alerts, a => a.Kpi.Kpi.Id == kpi.Id);
        Assert.NotEqual(KpiStatus.OffTrack, alert.Change.Before.Status.Status);
        Assert.Equal(KpiStatus.OffTrack, alert.Change.Now.Status.Status);
    }
}
