using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Web.Features.SocialProof;

/// <summary>One weekly point of a brand's chart; weeks whose figure is not computable have no point.</summary>
public sealed record BrandPoint(IsoWeek Week, DateTime Date, decimal Value);

/// <summary>A brand (ours or a rival) over the period: its colour, weekly series and period figures.</summary>
public sealed record BrandBenchmark(
    string Name,
    bool IsOwnBrand,
    string Color,
    IReadOnlyList<BrandPoint> ShareOfVoice,
    IReadOnlyList<BrandPoint> InteractionsPerPost,
    IReadOnlyList<BrandPoint> Followers,
    KpiResult PeriodShareOfVoice,
    KpiResult ComparisonShareOfVoice,
    KpiResult FollowerGrowth,
    KpiResult InteractionsPerPostOverPeriod,
    KpiResult EngagementPerFollower,
    KpiResult PostingFrequency,
    KpiResult Rating);

/// <summary>One figure of the comparison table: each brand's value and rank (1 = best; ties share a rank).</summary>
public sealed record RankedFigure(string Key, Direction Direction, IReadOnlyList<(string Brand, KpiResult Figure, int? Rank)> Brands);

/// <summary>The social-proof page: the brand against its rivals over a period and its comparison period.</summary>
public sealed record SocialProofData(
    WeekRange Period,
    WeekRange Comparison,
    IReadOnlyList<BrandBenchmark> Brands,
    IReadOnlyList<RankedFigure> Table);

/// <summary>
/// Computes what the social-proof page shows from the benchmark figures (one SQL aggregation, <see cref="BenchmarkQueries"/>):
/// share of voice week by week, follower growth, interactions per post, engagement, posting frequency and ratings, with the
/// brand's rank among the tracked brands. All arithmetic is the domain's <see cref="Benchmark"/>.
/// </summary>
public sealed class SocialProofService(IDbContextFactory<SocialKpiDbContext> dbFactory)
{
    /// <summary>The brand against its rivals over <paramref name="period"/> (the dashboard's) and <paramref name="comparison"/>.</summary>
    public async Task<SocialProofData> LoadAsync(
        int workspaceId, int? channelId, WeekRange period, WeekRange comparison, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(comparison);
        var (from, to) = (period.From, period.To);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // One week before the comparison period: follower growth starts from the week before a period.
        var first = comparison.From < from ? comparison.From : from;
        var all = await db.BenchmarkFiguresAsync(workspaceId, channelId is { } id ? [id] : [], first.AddWeeks(-1), to, cancellationToken);
        var brands = all.Where(b => b.IsTrackedBy(to)).ToList();
        var periodWeeks = IsoWeek.Range(from, to).ToList();
        var colors = BrandColors.For(brands);

        var benchmarks = brands.Select((brand, i) =>
        {
            var color = colors[i];
            return new BrandBenchmark(
                brand.Name,
                brand.IsOwnBrand,
                color,
                Series(periodWeeks, brand, week => Benchmark.ShareOfVoice(brands, brand.Name, week, week)),
                Series(periodWeeks, brand, week => Benchmark.InteractionsPerPost(brand, week, week)),
                Series(periodWeeks, brand, week => Benchmark.PeriodValue(brand, BenchmarkMetric.Followers, week, week)),
                Benchmark.ShareOfVoice(brands, brand.Name, from, to),
                Benchmark.ShareOfVoice(brands, brand.Name, comparison.From, comparison.To),
                Benchmark.FollowerGrowth(brand, from, to),
                Benchmark.InteractionsPerPost(brand, from, to),
                Benchmark.EngagementPerFollower(brand, from, to),
                Benchmark.PostingFrequency(brand, from, to),
                Benchmark.Rating(brand, from, to));
        }).ToList();

        RankedFigure Ranked(string key, Func<BrandBenchmark, KpiResult> figure)
        {
            var figures = benchmarks.Select(b => (b.Name, figure(b))).ToList();
            var ranks = Benchmark.Ranks(figures, Direction.HigherIsBetter);
            return new RankedFigure(key, Direction.HigherIsBetter,
                figures.Zip(ranks, (f, r) => (f.Name, f.Item2, r.Rank)).ToList());
        }

        var table = new List<RankedFigure>
        {
            Ranked("SocialProofShareOfVoice", b => b.PeriodShareOfVoice),
            Ranked("SocialProofFollowerGrowth", b => b.FollowerGrowth),
            Ranked("SocialProofInteractionsPerPost", b => b.InteractionsPerPostOverPeriod),
            Ranked("SocialProofEngagementPerFollower", b => b.EngagementPerFollower),
            Ranked("SocialProofPostingFrequency", b => b.PostingFrequency),
            Ranked("SocialProofRating", b => b.Rating),
        };
        return new SocialProofData(period, comparison, benchmarks, table);
    }

    /// <summary>A brand's weekly figure over <paramref name="weeks"/> from the week it is tracked; weeks not computable have no point.</summary>
    public static List<BrandPoint> Series(IReadOnlyList<IsoWeek> weeks, BrandFigures brand, Func<IsoWeek, KpiResult> figure) =>
        weeks.Where(w => brand.TrackedFrom <= w)
            .Select(w => (Week: w, Result: figure(w)))
            .Where(p => p.Result.Value is not null)
            .Select(p => new BrandPoint(p.Week, p.Week.Monday.ToDateTime(TimeOnly.MinValue), p.Result.Value!.Value))
            .ToList();
}
