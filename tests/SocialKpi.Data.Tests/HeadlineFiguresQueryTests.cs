using Microsoft.EntityFrameworkCore;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Costs;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Progress;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Tests;

/// <summary>Headline figures of a small hand-made workspace, checked against values computed by hand.</summary>
public class HeadlineFiguresQueryTests
{
    // Period: 2026-W45 to W46. Previous: W43–W44. Year before: 2025-W45 to W46.
    private static readonly WeekRange Period = new(new IsoWeek(2026, 45), new IsoWeek(2026, 46));

    private sealed record Fixture(TestDatabase Database, int WorkspaceId, int Instagram, int LinkedIn) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static async Task<Fixture> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        var workspace = new Workspace { Name = "Test" };
        var other = new Workspace { Name = "Other" };
        db.Workspaces.AddRange(workspace, other);
        await db.SaveChangesAsync();
        var instagram = new Channel { WorkspaceId = workspace.Id, Name = "Instagram", Kind = ChannelKind.Instagram };
        var linkedIn = new Channel { WorkspaceId = workspace.Id, Name = "LinkedIn", Kind = ChannelKind.LinkedIn, SortOrder = 1 };
        var foreign = new Channel { WorkspaceId = other.Id, Name = "Instagram", Kind = ChannelKind.Instagram };
        db.Channels.AddRange(instagram, linkedIn, foreign);
        await db.SaveChangesAsync();
        var metric = await db.Metrics.Where(m => m.WorkspaceId == null).ToDictionaryAsync(m => m.Key, m => m.Id);

        void Value(Channel channel, string key, int year, int week, double value) =>
            db.MetricValues.Add(new MetricValue
            {
                WorkspaceId = channel.WorkspaceId, ChannelId = channel.Id, MetricId = metric[key], Week = new IsoWeek(year, week).Key, Value = value,
            });

        // Current period, Instagram: reach 10 000 + 12 000, reactions 400 + 500, comments 50 + 50; followers 5 000 then 5 100.
        Value(instagram, StandardMetrics.Reach, 2026, 45, 10000);
        Value(instagram, StandardMetrics.Reach, 2026, 46, 12000);
        Value(instagram, StandardMetrics.Reactions, 2026, 45, 400);
        Value(instagram, StandardMetrics.Reactions, 2026, 46, 500);
        Value(instagram, StandardMetrics.Comments, 2026, 45, 50);
        Value(instagram, StandardMetrics.Comments, 2026, 46, 50);
        Value(instagram, StandardMetrics.Followers, 2026, 45, 5000);
        Value(instagram, StandardMetrics.Followers, 2026, 46, 5100);
        Value(instagram, StandardMetrics.LinkClicks, 2026, 46, 300);
        // LinkedIn: reach 8 000 in week 46, 100 reactions, 2 000 followers, 10 leads.
        Value(linkedIn, StandardMetrics.Reach, 2026, 46, 8000);
        Value(linkedIn, StandardMetrics.Reactions, 2026, 46, 100);
        Value(linkedIn, StandardMetrics.Followers, 2026, 46, 2000);
        Value(linkedIn, StandardMetrics.Leads, 2026, 46, 10);
        // Previous period: Instagram only, reach 20 000, 600 reactions, 4 900 followers at the end.
        Value(instagram, StandardMetrics.Reach, 2026, 43, 9000);
        Value(instagram, StandardMetrics.Reach, 2026, 44, 11000);
        Value(instagram, StandardMetrics.Reactions, 2026, 44, 600);
        Value(instagram, StandardMetrics.Followers, 2026, 44, 4900);
        // The year before: reach 15 000.
        Value(instagram, StandardMetrics.Reach, 2025, 46, 15000);
        // Outside the three periods, or in another workspace: ignored.
        Value(instagram, StandardMetrics.Reach, 2026, 47, 99999);
        Value(instagram, StandardMetrics.Reach, 2026, 42, 99999);
        Value(foreign, StandardMetrics.Reach, 2026, 45, 99999);

        db.Costs.AddRange(
            new Cost { WorkspaceId = workspace.Id, ChannelId = instagram.Id, Week = new IsoWeek(2026, 45).Key, Category = CostCategory.AdSpend, Amount = 500m },
            new Cost { WorkspaceId = workspace.Id, ChannelId = null, Week = new IsoWeek(2026, 46).Key, Category = CostCategory.StaffTime, Amount = 700m },
            new Cost { WorkspaceId = other.Id, Week = new IsoWeek(2026, 46).Key, Category = CostCategory.Tools, Amount = 99999m });
        db.MetricBusinessValues.Add(new MetricBusinessValue { WorkspaceId = workspace.Id, MetricId = metric[StandardMetrics.Leads], ValuePerUnit = 150m });
        await db.SaveChangesAsync();
        return new Fixture(database, workspace.Id, instagram.Id, linkedIn.Id);
    }

    [Fact]
    public async Task Workspace_figures_add_up_every_channel_and_every_cost()
    {
        await using var fixture = await CreateAsync();
        await using var db = fixture.Database.Open();

        var view = await db.HeadlineFiguresAsync(fixture.WorkspaceId, Period, channelId: null);

        // reach 10 000 + 12 000 + 8 000 = 30 000; before 20 000 → +50 %; year before 15 000 → +100 %
        Assert.Equal(30000m, view[HeadlineKind.Reach].Current.Value);
        Assert.Equal(50m, view[HeadlineKind.Reach].ChangeVsPrevious.Value);
        Assert.Equal(100m, view[HeadlineKind.Reach].ChangeVsYearBefore.Value);
        // followers: the latest week, channels added: 5 100 + 2 000 = 7 100
        Assert.Equal(7100m, view[HeadlineKind.Followers].Current.Value);
        Assert.Equal(4900m, view[HeadlineKind.Followers].Previous.Value);
        // engagements 400 + 500 + 50 + 50 + 100 = 1 100 ÷ 30 000 × 100 = 3.666… %; before 600 ÷ 20 000 = 3 %
        Assert.Equal(1100m / 30000m * 100m, view[HeadlineKind.EngagementRate].Current.Value);
        Assert.Equal(3m, view[HeadlineKind.EngagementRate].Previous.Value);
        // cost 500 + 700 = 1 200; ROI = (10 leads × 150 − 1 200) ÷ 1 200 = 25 %
        Assert.Equal(1200m, view[HeadlineKind.Cost].Current.Value);
        Assert.Equal(25m, view[HeadlineKind.Roi].Current.Value);
        // ROE = 1 500 ÷ 1 100 engagements
        Assert.Equal(1500m / 1100m, view[HeadlineKind.Roe].Current.Value);
        Assert.Equal(300m, view[HeadlineKind.LinkClicks].Current.Value);
        Assert.Null(view[HeadlineKind.LinkClicks].Previous.Value);
    }

    [Fact]
    public async Task A_period_without_cost_says_so_instead_of_showing_zero()
    {
        await using var fixture = await CreateAsync();
        await using var db = fixture.Database.Open();

        var view = await db.HeadlineFiguresAsync(fixture.WorkspaceId, Period, channelId: null);

        var cost = view[HeadlineKind.Cost].Previous;
        Assert.Null(cost.Value);
        Assert.Equal("non calculable : aucune donnée pour cost", cost.NotComputable!.Describe("fr-FR"));
        // the previous period had neither cost nor return: ROI says the return is unknown, first
        Assert.Equal(FormulaInputNames.AttributedValue, view[HeadlineKind.Roi].Previous.NotComputable!.Input);
    }

    [Fact]
    public async Task One_channel_counts_its_own_values_and_costs_only()
    {
        await using var fixture = await CreateAsync();
        await using var db = fixture.Database.Open();

        var view = await db.HeadlineFiguresAsync(fixture.WorkspaceId, Period, fixture.LinkedIn);

        Assert.Equal(8000m, view[HeadlineKind.Reach].Current.Value);
        Assert.Equal(2000m, view[HeadlineKind.Followers].Current.Value);
        Assert.Equal(100m / 8000m * 100m, view[HeadlineKind.EngagementRate].Current.Value);
        // LinkedIn had no cost of its own: the staff time belongs to no channel
        Assert.Equal(NotComputableReason.MissingInput, view[HeadlineKind.Cost].Current.NotComputable!.Reason);
        Assert.Equal(NotComputableReason.MissingInput, view[HeadlineKind.Reach].Previous.NotComputable!.Reason);
    }

    [Fact]
    public async Task The_weekly_inputs_behind_each_figure_are_returned()
    {
        await using var fixture = await CreateAsync();
        await using var db = fixture.Database.Open();

        var view = await db.HeadlineFiguresAsync(fixture.WorkspaceId, Period, channelId: null);

        Assert.Equal(
            [new WeeklyPoint(new IsoWeek(2026, 45), 10000m), new WeeklyPoint(new IsoWeek(2026, 46), 20000m)],
            view.Current.Weekly[StandardMetrics.Reach]);
        Assert.Equal(
            [new WeeklyPoint(new IsoWeek(2026, 45), 500m), new WeeklyPoint(new IsoWeek(2026, 46), 700m)],
            view.Current.Cost);
        Assert.Equal(Period.Previous, view.Previous.Period);
        Assert.Equal(Period.YearBefore, view.YearBefore.Period);
    }

    [Fact]
    public async Task The_workspace_variant_decides_the_formula_shown()
    {
        await using var fixture = await CreateAsync();
        await using (var setup = fixture.Database.Open())
        {
            var workspace = await setup.Workspaces.SingleAsync(w => w.Id == fixture.WorkspaceId);
            workspace.DefaultEngagementRate = EngagementRateVariant.ByFollowers;
            await setup.SaveChangesAsync();
        }

        await using var db = fixture.Database.Open();
        var view = await db.HeadlineFiguresAsync(fixture.WorkspaceId, Period, channelId: null);

        // 1 100 ÷ 7 100 × 100
        Assert.Equal("engagement-rate.by-followers", view[HeadlineKind.EngagementRate].Formula!.Key);
        Assert.Equal(1100m / 7100m * 100m, view[HeadlineKind.EngagementRate].Current.Value);
    }
}
