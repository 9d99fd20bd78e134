using Microsoft.EntityFrameworkCore;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Data.Tests;

public class BenchmarkQueriesTests
{
    private static readonly IsoWeek LastWeek = IsoWeek.LastCompleteWeek(TestDatabase.Today);

    [Fact]
    public async Task Rival_figures_match_the_raw_rows_channels_added_up_and_the_rating_averaged()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();
        var from = LastWeek.AddWeeks(-7);

        var brands = await db.BenchmarkFiguresAsync(workspace.Id, [], from, LastWeek);

        var raw = await db.CompetitorFigures.AsNoTracking().Where(f => f.Week >= from.Key && f.Week <= LastWeek.Key).ToListAsync();
        var rivals = await db.Competitors.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name);
        Assert.Equal(["Maison Lumière", "Cire & Flamme", "Atelier Douce Mèche", "Lueur Sauvage"], brands.Select(b => b.Name));
        Assert.True(brands[0].IsOwnBrand);
        foreach (var group in raw.GroupBy(f => (f.CompetitorId, f.Metric, f.Week)))
        {
            var brand = brands.Single(b => b.Name == rivals[group.Key.CompetitorId]);
            var expected = group.Key.Metric == BenchmarkMetric.Rating ? group.Average(f => f.Value) : group.Sum(f => f.Value);
            Assert.Equal((decimal)expected, brand.Value(group.Key.Metric, IsoWeek.FromKey(group.Key.Week)));
        }
    }

    [Fact]
    public async Task The_brands_own_figures_come_from_its_metric_values_on_the_chosen_channels()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();
        var instagram = await db.Channels.SingleAsync(c => c.Name == "Instagram");
        var mentions = await db.Metrics.SingleAsync(m => m.Key == "mentions" && m.WorkspaceId == null);
        var reactions = await db.Metrics.SingleAsync(m => m.Key == "reactions" && m.WorkspaceId == null);

        var brand = (await db.BenchmarkFiguresAsync(workspace.Id, [instagram.Id], LastWeek, LastWeek))[0];

        var expectedMentions = await db.MetricValues.Where(v => v.MetricId == mentions.Id && v.ChannelId == instagram.Id && v.Week == LastWeek.Key).SingleAsync();
        var expectedLikes = await db.MetricValues.Where(v => v.MetricId == reactions.Id && v.ChannelId == instagram.Id && v.Week == LastWeek.Key).SingleAsync();
        Assert.Equal((decimal)expectedMentions.Value, brand.Value(BenchmarkMetric.Mentions, LastWeek));
        Assert.Equal((decimal)expectedLikes.Value, brand.Value(BenchmarkMetric.Likes, LastWeek));
    }

    [Fact]
    public async Task An_archived_rival_is_no_longer_compared()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();
        var rival = await db.Competitors.SingleAsync(c => c.Name == "Lueur Sauvage");
        rival.IsArchived = true;
        await db.SaveChangesAsync();

        var brands = await db.BenchmarkFiguresAsync(workspace.Id, [], LastWeek, LastWeek);

        Assert.DoesNotContain(brands, b => b.Name == "Lueur Sauvage");
    }

    [Fact]
    public async Task The_demo_share_of_voice_kpi_is_computed_from_the_rivals_instagram_mentions()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();

        var view = (await db.ObjectiveProgressAsync(workspace.Id, LastWeek)).SelectMany(o => o.Kpis)
            .Single(k => k.Kpi.Formula == FormulaId.ShareOfVoice);

        Assert.NotEqual(KpiStatus.NotComputable, view.Progress.Status.Status);
        Assert.InRange(view.Weekly[^1].Value, 10m, 40m);
    }

    [Fact]
    public async Task A_week_a_rival_has_no_mentions_gives_no_share_of_voice_point_rather_than_a_wrong_one()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();
        var rival = await db.Competitors.SingleAsync(c => c.Name == "Cire & Flamme");
        await db.CompetitorFigures.Where(f => f.CompetitorId == rival.Id && f.Metric == BenchmarkMetric.Mentions && f.Week == LastWeek.Key).ExecuteDeleteAsync();

        var view = (await db.ObjectiveProgressAsync(workspace.Id, LastWeek)).SelectMany(o => o.Kpis)
            .Single(k => k.Kpi.Formula == FormulaId.ShareOfVoice);

        Assert.DoesNotContain(view.Weekly, p => p.Week == LastWeek);
        Assert.Contains(view.Weekly, p => p.Week == LastWeek.AddWeeks(-1));
    }

    [Fact]
    public async Task A_rank_kpi_on_follower_growth_ranks_the_brand_among_the_rivals_since_the_objective_started()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var objective = await db.Objectives.Include(o => o.Kpis).OrderBy(o => o.Id).FirstAsync();
        var instagram = await db.Channels.SingleAsync(c => c.Name == "Instagram");
        objective.Kpis.Add(new Kpi
        {
            Name = "Rang croissance Instagram", Formula = FormulaId.FollowerGrowthRank, ChannelIds = [instagram.Id],
            Baseline = 3, Target = 1, Deadline = objective.EndDate, Direction = Direction.LowerIsBetter, Aggregation = Aggregation.Last,
        });
        await db.SaveChangesAsync();

        var view = Assert.Single((await db.ObjectiveProgressAsync(objective.WorkspaceId, LastWeek, objective.Id)).Single().Kpis,
            k => k.Kpi.Name == "Rang croissance Instagram");

        // Lueur Sauvage triples its audience: the fastest growth, so the brand is 2nd at best.
        Assert.InRange(view.Weekly[^1].Value, 2m, 4m);
        Assert.NotEqual(KpiStatus.NotComputable, view.Progress.Status.Status);
    }

    [Fact]
    public async Task A_rival_figure_changed_in_between_is_not_silently_overwritten()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var first = database.Open();
        await using var second = database.Open();
        var figure = await first.CompetitorFigures.OrderBy(f => f.Id).FirstAsync();
        var stale = await second.CompetitorFigures.OrderBy(f => f.Id).FirstAsync();

        figure.Value += 1;
        await first.SaveChangesAsync();
        stale.Value += 2;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(2, (await database.Open().CompetitorFigures.FindAsync(figure.Id))!.Version);
    }
}
