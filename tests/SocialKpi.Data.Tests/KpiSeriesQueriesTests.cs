using Microsoft.EntityFrameworkCore;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;

namespace SocialKpi.Data.Tests;

/// <summary>The SQL aggregations must return exactly what the same computation over the raw rows gives.</summary>
public class KpiSeriesQueriesTests
{
    private static readonly IsoWeek LastWeek = IsoWeek.LastCompleteWeek(TestDatabase.Today);

    [Fact]
    public async Task Kpi_week_totals_match_the_raw_values_with_each_kpi_channel_filter()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();
        var from = LastWeek.AddWeeks(-12).Key;
        var to = LastWeek.Key;

        var totals = await db.KpiWeekTotalsAsync(workspace.Id, from, to);

        var kpis = await db.Kpis.Where(k => k.MetricId != null).ToListAsync();
        var values = await db.MetricValues.Where(v => v.Week >= from && v.Week <= to).ToListAsync();
        var expected = (from k in kpis
                        from v in values
                        where v.MetricId == k.MetricId && (k.ChannelIds.Count == 0 || k.ChannelIds.Contains(v.ChannelId))
                        group v.Value by (k.Id, v.Week) into g
                        select new KpiWeekTotal(g.Key.Id, g.Key.Week, g.Sum(), g.Average(), g.Count()))
                       .OrderBy(t => t.KpiId).ThenBy(t => t.Week).ToList();

        Assert.Equal(kpis.Count * 13, totals.Count);
        Assert.Equal(expected, totals.OrderBy(t => t.KpiId).ThenBy(t => t.Week).ToList());
    }

    [Fact]
    public async Task Kpi_week_totals_of_one_objective_hold_only_its_kpis()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var objective = await db.Objectives.Include(o => o.Kpis).OrderBy(o => o.Id).FirstAsync();

        var totals = await db.KpiWeekTotalsAsync(objective.WorkspaceId, LastWeek.AddWeeks(-3).Key, LastWeek.Key, objective.Id);

        Assert.NotEmpty(totals);
        Assert.All(totals, t => Assert.Contains(objective.Kpis, k => k.Id == t.KpiId));
    }

    [Fact]
    public async Task Archived_kpis_and_objectives_are_left_out()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var objective = await db.Objectives.OrderBy(o => o.Id).FirstAsync();
        objective.IsArchived = true;
        var kpi = await db.Kpis.Where(k => k.ObjectiveId != objective.Id && k.MetricId != null).OrderBy(k => k.Id).FirstAsync();
        kpi.IsArchived = true;
        await db.SaveChangesAsync();

        var totals = await db.KpiWeekTotalsAsync(objective.WorkspaceId, LastWeek.Key, LastWeek.Key);

        Assert.DoesNotContain(totals, t => t.KpiId == kpi.Id);
        var archivedObjectiveKpis = await db.Kpis.Where(k => k.ObjectiveId == objective.Id).Select(k => k.Id).ToListAsync();
        Assert.DoesNotContain(totals, t => archivedObjectiveKpis.Contains(t.KpiId));
    }

    [Fact]
    public async Task Metric_week_totals_sum_the_chosen_channels_only()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();
        var reach = await db.Metrics.SingleAsync(m => m.Key == "reach" && m.WorkspaceId == null);
        var channels = await db.Channels.OrderBy(c => c.Id).Take(2).Select(c => c.Id).ToListAsync();

        var totals = await db.MetricWeekTotalsAsync(workspace.Id, [reach.Id], channels, LastWeek.Key, LastWeek.Key);

        var expected = await db.MetricValues
            .Where(v => v.MetricId == reach.Id && v.Week == LastWeek.Key && channels.Contains(v.ChannelId))
            .Select(v => v.Value).ToListAsync();
        var total = Assert.Single(totals);
        Assert.Equal(expected.Sum(), total.Sum);
        Assert.Equal(2, total.Count);
    }

    [Fact]
    public async Task Cost_week_totals_add_every_category_and_channel_to_the_cent()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();
        var from = LastWeek.AddWeeks(-51).Key;

        var totals = await db.CostWeekTotalsAsync(workspace.Id, [], from, LastWeek.Key);

        var costs = await db.Costs.ToListAsync();
        Assert.Equal(52, totals.Count);
        Assert.Equal(costs.Sum(c => c.Amount), totals.Sum(t => t.Amount));
        // A week outside the campaign: 350 ads + 900 staff + 79 tools + 300 + 150 content.
        Assert.Equal(1_779m, totals.Single(t => t.Week == LastWeek.Key).Amount);
    }

    [Fact]
    public async Task Queries_never_leak_another_workspace()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();

        var totals = await db.KpiWeekTotalsAsync(workspaceId: 999, IsoWeek.LastCompleteWeek(TestDatabase.Today).AddWeeks(-51).Key, LastWeek.Key);

        Assert.Empty(totals);
    }

    [Fact]
    public async Task An_objective_s_kpi_values_can_be_read_before_its_start_as_the_raw_figures_sum_them()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var objective = await db.Objectives.Include(o => o.Kpis).OrderBy(o => o.Id).FirstAsync();
        var start = IsoWeek.FromDate(objective.StartDate);
        var from = start.AddWeeks(-4);
        var to = start.AddWeeks(-1);

        var values = await db.KpiWeeklyValuesAsync(objective.WorkspaceId, objective, from, to);

        var kpi = objective.Kpis.Where(k => k.MetricId != null).OrderBy(k => k.Id).First();
        var raw = await db.MetricValues.Where(v => v.MetricId == kpi.MetricId && v.Week >= from.Key && v.Week <= to.Key).ToListAsync();
        var expected = raw.Where(v => kpi.ChannelIds.Count == 0 || kpi.ChannelIds.Contains(v.ChannelId))
            .GroupBy(v => v.Week).OrderBy(g => g.Key).Select(g => (IsoWeek.FromKey(g.Key), (decimal)g.Sum(v => v.Value))).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, values[kpi.Id].Select(p => (p.Week, p.Value)).ToList());
        Assert.All(values.Values.SelectMany(v => v), p => Assert.InRange(p.Week.Key, from.Key, to.Key));
    }
}
