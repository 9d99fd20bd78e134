using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Formulas;

/// <summary>The figures of the brand-vs-rivals table, in the order they are printed.</summary>
public enum BenchmarkFigure
{
    /// <summary>Followers at the end of the period.</summary>
    Followers,
    FollowerGrowth,
    Posts,
    InteractionsPerPost,
    EngagementPerFollower,
    ShareOfVoice,
    Rating,
    /// <summary>Number of reviews at the end of the period.</summary>
    Reviews,
}

/// <summary>One brand's figure over the period and the comparison period, the change between them, and its rank (null: no rank).</summary>
public sealed record BenchmarkCell(string Brand, bool IsOwnBrand, KpiResult Current, KpiResult Comparison, KpiResult Change, int? Rank);

/// <summary>One figure for every tracked brand.</summary>
public sealed record BenchmarkRow(BenchmarkFigure Figure, IReadOnlyList<BenchmarkCell> Cells);

/// <summary>
/// The brand against each rival over a period and its comparison period: every <see cref="BenchmarkFigure"/> of every
/// brand tracked by the end of the period, ranked among them (higher is better; equal values share a rank, see
/// <see cref="Benchmark.Ranks"/>), with the change from the comparison period (<see cref="PeriodChange"/>).
/// </summary>
public static class BenchmarkTable
{
    public static IReadOnlyList<BenchmarkFigure> Figures { get; } = Enum.GetValues<BenchmarkFigure>();

    /// <summary>One brand's figure over a period; <paramref name="brands"/> are the brands the share of voice is shared among.</summary>
    public static KpiResult Compute(BenchmarkFigure figure, IReadOnlyList<BrandFigures> brands, BrandFigures brand, IsoWeek from, IsoWeek to)
    {
        ArgumentNullException.ThrowIfNull(brand);
        return figure switch
        {
            BenchmarkFigure.Followers => Benchmark.PeriodValue(brand, BenchmarkMetric.Followers, from, to),
            BenchmarkFigure.FollowerGrowth => Benchmark.FollowerGrowth(brand, from, to),
            BenchmarkFigure.Posts => Benchmark.PeriodValue(brand, BenchmarkMetric.Posts, from, to),
            BenchmarkFigure.InteractionsPerPost => Benchmark.InteractionsPerPost(brand, from, to),
            BenchmarkFigure.EngagementPerFollower => Benchmark.EngagementPerFollower(brand, from, to),
            BenchmarkFigure.ShareOfVoice => Benchmark.ShareOfVoice(brands, brand.Name, from, to),
            BenchmarkFigure.Rating => Benchmark.Rating(brand, from, to),
            BenchmarkFigure.Reviews => Benchmark.PeriodValue(brand, BenchmarkMetric.Reviews, from, to),
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, null),
        };
    }

    /// <summary>
    /// Every figure of every brand tracked by <paramref name="to"/>, in the order of <paramref name="brands"/>. A rival
    /// tracked only from inside the period is compared over the weeks it is tracked; over the comparison period it may
    /// not be tracked yet, and its change is then not computable with that reason.
    /// </summary>
    public static IReadOnlyList<BenchmarkRow> Build(IReadOnlyList<BrandFigures> brands, IsoWeek from, IsoWeek to, IsoWeek compareFrom, IsoWeek compareTo)
    {
        ArgumentNullException.ThrowIfNull(brands);
        var tracked = brands.Where(b => b.IsTrackedBy(to)).ToList();
        var trackedBefore = brands.Where(b => b.IsTrackedBy(compareTo)).ToList();
        return Figures.Select(figure =>
        {
            var current = tracked.Select(b => (b.Name, Compute(figure, tracked, b, from, to))).ToList();
            var ranks = Benchmark.Ranks(current, Direction.HigherIsBetter);
            var cells = tracked.Select((brand, i) =>
            {
                var comparison = Compute(figure, trackedBefore, brand, compareFrom, compareTo);
                var now = current[i].Item2;
                return new BenchmarkCell(brand.Name, brand.IsOwnBrand, now, comparison, PeriodChange.Between(comparison, now), ranks[i].Rank);
            }).ToList();
            return new BenchmarkRow(figure, cells);
        }).ToList();
    }
}
