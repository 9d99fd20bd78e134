using Microsoft.EntityFrameworkCore;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Data.Tests;

public class FormulaByChannelQueryTests
{
    // A week after the demo's data: only the figures written by the test.
    private static readonly IsoWeek Week = IsoWeek.LastCompleteWeek(TestDatabase.Today).AddWeeks(3);

    [Fact]
    public async Task A_ratio_kpi_is_computed_on_each_channel_s_own_figures_and_says_why_where_the_denominator_is_missing()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();
        var channels = await db.Channels.Where(c => c.WorkspaceId == workspace.Id).OrderBy(c => c.Id).Take(3).Select(c => c.Id).ToListAsync();
        var clicks = await db.Metrics.SingleAsync(m => m.Key == StandardMetrics.LinkClicks && m.WorkspaceId == null);
        var impressions = await db.Metrics.SingleAsync(m => m.Key == StandardMetrics.Impressions && m.WorkspaceId == null);
        var objective = await db.Objectives.OrderBy(o => o.Id).FirstAsync();
        var ctr = new Kpi { ObjectiveId = objective.Id, Name = "CTR", Formula = FormulaId.Ctr, Unit = KpiUnit.Percent, Aggregation = Aggregation.Average, Deadline = objective.EndDate };
        var reachKpi = new Kpi { ObjectiveId = objective.Id, Name = "Clicks", MetricId = clicks.Id, Deadline = objective.EndDate };
        db.Kpis.AddRange(ctr, reachKpi);
        void Value(int channel, int metric, double value) =>
            db.MetricValues.Add(new() { WorkspaceId = workspace.Id, ChannelId = channel, MetricId = metric, Week = Week.Key, Value = value });
        Value(channels[0], clicks.Id, 30);
        Value(channels[0], impressions.Id, 1200);
        Value(channels[1], clicks.Id, 10);
        Value(channels[2], impressions.Id, 500);
        Value(channels[2], clicks.Id, 0);
        await db.SaveChangesAsync();

        var weeks = await db.FormulaKpiChannelWeeksAsync(workspace.Id, [ctr, reachKpi], Week, Week);

        Assert.All(weeks, w => Assert.Equal(ctr.Id, w.KpiId));
        var byChannel = weeks.ToDictionary(w => w.ChannelId, w => w.Result);
        Assert.Equal(3, byChannel.Count);
        Assert.Equal(2.5m, byChannel[channels[0]].Value);    // 30 ÷ 1 200 × 100
        Assert.Null(byChannel[channels[1]].Value);            // clicks but no impressions
        Assert.Equal(NotComputableReason.MissingInput, byChannel[channels[1]].NotComputable!.Reason);
        Assert.Equal(StandardMetrics.Impressions, byChannel[channels[1]].NotComputable!.Input);
        Assert.Equal(0m, byChannel[channels[2]].Value);       // 0 ÷ 500: a real 0 %
    }

    [Fact]
    public async Task A_ratio_kpi_limited_to_some_channels_is_broken_down_on_those_channels_only()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();
        var objective = await db.Objectives.OrderBy(o => o.Id).FirstAsync();
        var channel = await db.Channels.Where(c => c.WorkspaceId == workspace.Id).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var ctr = new Kpi { ObjectiveId = objective.Id, Name = "CTR", Formula = FormulaId.Ctr, ChannelIds = [channel], Deadline = objective.EndDate };
        db.Kpis.Add(ctr);
        await db.SaveChangesAsync();
        var last = IsoWeek.LastCompleteWeek(TestDatabase.Today);

        var weeks = await db.FormulaKpiChannelWeeksAsync(workspace.Id, [ctr], last.AddWeeks(-3), last);

        Assert.NotEmpty(weeks);
        Assert.All(weeks, w => Assert.Equal(channel, w.ChannelId));
    }
}
