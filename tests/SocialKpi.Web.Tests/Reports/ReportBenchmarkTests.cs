using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Reporting;
using SocialKpi.Web.Features.Reports;
using SocialKpi.Web.Features.SocialProof;

namespace SocialKpi.Web.Tests.Reports;

/// <summary>
/// The demo workspace reduced to a case computed by hand: the brand and one rival, Cire &amp; Flamme, on Instagram, over the
/// two weeks S46–S47 2026 compared with S44–S45 (and S43, the week before the comparison period, for follower growth).
/// </summary>
public sealed class BenchmarkReportDatabase : IAsyncLifetime
{
    public static readonly IsoWeek To = new(2026, 47);

    public DemoReportDatabase Demo { get; } = new();

    public ReportDefinition Definition(string language) =>
        ReportDefinition.Default(Demo.WorkspaceId, To, language) with { From = To.AddWeeks(-1) };

    public async Task InitializeAsync()
    {
        await Demo.InitializeAsync();
        await using var db = Demo.CreateDbContext();
        var workspaceId = Demo.WorkspaceId;
        var instagram = await db.Channels.Where(c => c.WorkspaceId == workspaceId && c.Name == "Instagram").Select(c => c.Id).SingleAsync();
        var keys = BenchmarkMetrics.All.Select(BenchmarkMetrics.BrandMetricKey).ToList();
        var metrics = await db.Metrics.Where(m => m.WorkspaceId == null && keys.Contains(m.Key)).ToDictionaryAsync(m => m.Key, m => m.Id);
        var metricIds = metrics.Values.ToList();
        await db.MetricValues.Where(v => v.WorkspaceId == workspaceId && metricIds.Contains(v.MetricId) && v.Week >= 202640).ExecuteDeleteAsync();
        await db.CompetitorFigures.Where(f => f.WorkspaceId == workspaceId).ExecuteDeleteAsync();
        await db.Competitors.Where(c => c.WorkspaceId == workspaceId && c.Name != "Cire & Flamme").ExecuteUpdateAsync(s => s.SetProperty(c => c.IsArchived, true));
        await db.Competitors.Where(c => c.WorkspaceId == workspaceId).ExecuteUpdateAsync(s => s.SetProperty(c => c.TrackedFromWeek, 202640));
        var rival = await db.Competitors.Where(c => c.Name == "Cire & Flamme").Select(c => c.Id).SingleAsync();

        void Own(string key, int week, double value) =>
            db.MetricValues.Add(new MetricValue { WorkspaceId = workspaceId, ChannelId = instagram, MetricId = metrics[key], Week = 202600 + week, Value = value });
        void Theirs(BenchmarkMetric metric, int week, double value) =>
            db.CompetitorFigures.Add(new CompetitorFigure { WorkspaceId = workspaceId, CompetitorId = rival, ChannelId = instagram, Week = 202600 + week, Metric = metric, Value = value });

        foreach (var (week, followers) in new[] { (43, 1000d), (45, 1100d), (47, 1210d) })
        {
            Own(StandardMetrics.Followers, week, followers);
        }

        foreach (var (week, followers) in new[] { (43, 2000d), (45, 2000d), (47, 2200d) })
        {
            Theirs(BenchmarkMetric.Followers, week, followers);
        }

        foreach (var (week, posts) in new[] { (44, 2d), (45, 2d), (46, 3d), (47, 2d) })
        {
            Own(StandardMetrics.Posts, week, posts);
            Own(StandardMetrics.Mentions, week, 10);
            Theirs(BenchmarkMetric.Posts, week, posts * 2);
        }

        // The rival's mentions: 10 a week before the period, 30 a week during it.
        foreach (var week in new[] { 44, 45 })
        {
            Theirs(BenchmarkMetric.Mentions, week, 10);
        }

        foreach (var week in new[] { 46, 47 })
        {
            Theirs(BenchmarkMetric.Mentions, week, 30);
            Theirs(BenchmarkMetric.Likes, week, 150);
            Theirs(BenchmarkMetric.Comments, week, 0);
            Theirs(BenchmarkMetric.Shares, week, 0);
            Own(StandardMetrics.Comments, week, 5);
            Own(StandardMetrics.Shares, week, 0);
        }

        Own(StandardMetrics.Reactions, 46, 40);
        Own(StandardMetrics.Reactions, 47, 50);
        Own(StandardMetrics.OnlineRating, 46, 4.5);
        Own(StandardMetrics.OnlineRating, 47, 4.7);
        Own(StandardMetrics.Reviews, 47, 120);
        Theirs(BenchmarkMetric.Reviews, 47, 80);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Demo.DisposeAsync();
}

public sealed class ReportBenchmarkTests(BenchmarkReportDatabase database) : IClassFixture<BenchmarkReportDatabase>
{
    private const string Brand = "Maison Lumière";
    private const string Rival = "Cire & Flamme";

    private async Task<ReportBenchmark> BenchmarkAsync()
    {
        var data = await database.Demo.Builder.BuildAsync(database.Definition("en-US"));
        return data.Benchmark ?? throw new InvalidOperationException("The competitor section is missing.");
    }

    private static BenchmarkCell Cell(ReportBenchmark benchmark, BenchmarkFigure figure, string brand) =>
        benchmark.Rows.Single(r => r.Figure == figure).Cells.Single(c => c.Brand == brand);

    [Fact]
    public async Task The_benchmark_compares_the_brand_with_each_active_rival_in_the_social_proof_pages_colours()
    {
        var benchmark = await BenchmarkAsync();

        Assert.Equal([Brand, Rival], benchmark.Brands.Select(b => b.Name));
        Assert.Equal([BrandColors.OwnBrand, BrandColors.Rival(0)], benchmark.Brands.Select(b => b.Color));
        Assert.Equal(BenchmarkTable.Figures, benchmark.Rows.Select(r => r.Figure));
    }

    [Fact]
    public async Task Share_of_voice_is_each_brands_mentions_over_all_mentions_with_the_change_in_points()
    {
        var benchmark = await BenchmarkAsync();

        // 20 of 80 mentions during the period, 20 of 40 during the comparison period.
        var ours = Cell(benchmark, BenchmarkFigure.ShareOfVoice, Brand);
        var theirs = Cell(benchmark, BenchmarkFigure.ShareOfVoice, Rival);
        Assert.Equal((25m, 50m, -25m, 2), (ours.Current.Value, ours.Comparison.Value, ours.Change.Value, ours.Rank));
        Assert.Equal((75m, 50m, 25m, 1), (theirs.Current.Value, theirs.Comparison.Value, theirs.Change.Value, theirs.Rank));
        Assert.Equal([25m, 25m, 75m, 75m], benchmark.Brands.SelectMany(b => b.WeeklyShareOfVoice.Select(p => p.Value)));
    }

    [Fact]
    public async Task Equal_follower_growths_share_the_first_rank()
    {
        var benchmark = await BenchmarkAsync();

        // 1 100 → 1 210 and 2 000 → 2 200: both +10 %; before, 1 000 → 1 100 (+10 %) and 2 000 → 2 000 (0 %).
        var ours = Cell(benchmark, BenchmarkFigure.FollowerGrowth, Brand);
        var theirs = Cell(benchmark, BenchmarkFigure.FollowerGrowth, Rival);
        Assert.Equal((10m, 1, 0m), (ours.Current.Value, ours.Rank, ours.Change.Value));
        Assert.Equal((10m, 1, 10m), (theirs.Current.Value, theirs.Rank, theirs.Change.Value));
        Assert.Equal((1210m, 2), (Cell(benchmark, BenchmarkFigure.Followers, Brand).Current.Value, Cell(benchmark, BenchmarkFigure.Followers, Brand).Rank));
    }

    [Fact]
    public async Task Interactions_per_post_and_engagement_per_follower_are_computed_over_the_period()
    {
        var benchmark = await BenchmarkAsync();

        // Brand: (40 + 50 likes + 10 comments) ÷ 5 posts = 20; rival: 300 ÷ 10 = 30.
        Assert.Equal((20m, 2), (Cell(benchmark, BenchmarkFigure.InteractionsPerPost, Brand).Current.Value, Cell(benchmark, BenchmarkFigure.InteractionsPerPost, Brand).Rank));
        Assert.Equal((30m, 1), (Cell(benchmark, BenchmarkFigure.InteractionsPerPost, Rival).Current.Value, Cell(benchmark, BenchmarkFigure.InteractionsPerPost, Rival).Rank));
        Assert.Equal(100m / 1210m * 100m, Cell(benchmark, BenchmarkFigure.EngagementPerFollower, Brand).Current.Value);
        var posts = Cell(benchmark, BenchmarkFigure.Posts, Rival);
        Assert.Equal((10m, 8m, 25m), (posts.Current.Value, posts.Comparison.Value, posts.Change.Value));
    }

    [Fact]
    public async Task A_rival_without_a_rating_is_not_computable_with_the_reason_never_0_and_has_no_rank()
    {
        var benchmark = await BenchmarkAsync();

        var ours = Cell(benchmark, BenchmarkFigure.Rating, Brand);
        var theirs = Cell(benchmark, BenchmarkFigure.Rating, Rival);
        Assert.Equal((4.6m, 1), (ours.Current.Value, ours.Rank));
        Assert.Null(theirs.Current.Value);
        Assert.Null(theirs.Rank);
        Assert.Equal((NotComputableReason.MissingInput, Rival), (theirs.Current.NotComputable!.Reason, theirs.Current.NotComputable.Brand));
        // No like was entered before the period: the change of interactions per post is not computable either.
        Assert.Null(Cell(benchmark, BenchmarkFigure.InteractionsPerPost, Brand).Change.Value);
    }

    [Fact]
    public async Task Without_the_section_or_without_an_active_rival_the_report_has_no_benchmark()
    {
        var without = await database.Demo.Builder.BuildAsync(database.Definition("en-US") with { Sections = ReportSections.All & ~ReportSections.Competitors });
        Assert.Null(without.Benchmark);

        var other = new DemoReportDatabase();
        await other.InitializeAsync();
        try
        {
            await using (var db = other.CreateDbContext())
            {
                await db.Competitors.ExecuteUpdateAsync(s => s.SetProperty(c => c.IsArchived, true));
            }

            var data = await other.Builder.BuildAsync(other.Default("en-US"));
            Assert.Null(data.Benchmark);
            Assert.DoesNotContain("Competitor benchmark", PdfReportTests.TextOf(PdfReportRenderer.Render(data)), StringComparison.Ordinal);
        }
        finally
        {
            await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_English_pdf_prints_the_table_the_ranks_and_why_a_figure_is_missing()
    {
        var pdf = PdfReportRenderer.Render(await database.Demo.Builder.BuildAsync(database.Definition("en-US")));

        var text = PdfReportTests.Squeezed(PdfReportTests.TextOf(pdf));
        foreach (var expected in new[]
                 {
                     "Competitor benchmark", "Share of voice", "25.00%", "75.00%", "−25.0pt", "rank 1/2", "rank 2/2", "1,210", "n/c [",
                     "Cire & Flamme · Rating (stars) — not computable: Cire & Flamme has no Average online rating (stars)",
                     "Share of voice, week by week",
                 })
        {
            Assert.Contains(PdfReportTests.Squeezed(expected), text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Benchmark concurrentiel", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_French_pdf_prints_the_table_in_French_with_French_numbers()
    {
        var pdf = PdfReportRenderer.Render(await database.Demo.Builder.BuildAsync(database.Definition("fr-FR")));

        var text = PdfReportTests.Squeezed(PdfReportTests.TextOf(pdf));
        foreach (var expected in new[]
                 {
                     "Benchmark concurrentiel", "Part de voix", "25,00 %", "75,00 %", "−25,0 pt", "rang 1/2", "1 210", "n.c. [",
                     "Cire & Flamme · Note (étoiles) — non calculable : Cire & Flamme n’a pas de donnée Note moyenne en ligne (étoiles)",
                     "Part de voix, semaine par semaine",
                 })
        {
            Assert.Contains(PdfReportTests.Squeezed(expected), text, StringComparison.Ordinal);
        }
    }
}
