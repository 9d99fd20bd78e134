using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// The brand against its rivals (seed 001, social proof: "quels sont les KPI clés de vos concurrents directs ?").
/// Every figure is computed over a period of ISO weeks on <see cref="BrandFigures"/>; a brand is counted from the week it is
/// tracked (<see cref="BrandFigures.TrackedFrom"/>), and from then on a missing figure makes the result not computable with
/// the brand and the week — never a silent 0. docs/metrics.md, "Benchmark against rivals", gives the rules.
/// </summary>
public static class Benchmark
{
    public const string InteractionsPerPostKey = "interactions-per-post";
    public const string EngagementPerFollowerKey = "engagement-per-follower";
    public const string PostingFrequencyKey = "posting-frequency";
    public const string RatingKey = "rating";
    public const string RatingGapKey = "rating-gap";

    /// <summary>The identifier of a rank on a formula, e.g. "rank.follower-growth-rate".</summary>
    public static string RankKey(string formula) => $"rank.{formula}";

    /// <summary>The identifier of a brand-minus-rival difference, e.g. "follower-growth-rate.gap".</summary>
    public static string GapKey(string formula) => $"{formula}.gap";

    /// <summary>
    /// A brand's figure over the period: counts are added up over every tracked week (one missing week fails, naming it);
    /// stocks (followers, reviews) are the value of the last week; the rating is the mean of the weeks that have one.
    /// </summary>
    public static KpiResult PeriodValue(BrandFigures brand, BenchmarkMetric metric, IsoWeek from, IsoWeek to)
    {
        ArgumentNullException.ThrowIfNull(brand);
        var formula = BenchmarkMetrics.Key(metric);
        var unit = KpiUnit.Count;
        var first = brand.TrackedFrom > from ? brand.TrackedFrom : from;
        switch (BenchmarkMetrics.Aggregation(metric))
        {
            case Aggregation.Last:
                return brand.Value(metric, to) is { } last
                    ? Checked(brand, formula, unit, last, formula, to)
                    : Missing(brand, formula, unit, formula, to);
            case Aggregation.Average:
                var rated = IsoWeek.Range(first, to).Select(w => brand.Value(metric, w)).OfType<decimal>().ToList();
                return rated.Count == 0
                    ? Missing(brand, formula, unit, formula, null)
                    : KpiResult.Of(rated.Sum(v => v / rated.Count), unit, formula); // divided first: cannot overflow
            default:
                if (first > to)
                {
                    return Missing(brand, formula, unit, formula, to);
                }

                var total = 0m;
                foreach (var week in IsoWeek.Range(first, to))
                {
                    if (brand.Value(metric, week) is not { } value)
                    {
                        return Missing(brand, formula, unit, formula, week);
                    }

                    if (value < 0m)
                    {
                        return Fail(brand, formula, unit, NotComputableReason.NegativeInput, formula, week);
                    }

                    if (decimal.MaxValue - value < total)
                    {
                        return FormulaGuard.OutOfRange(formula, unit, formula);
                    }

                    total += value;
                }

                return KpiResult.Of(total, unit, formula);
        }
    }

    /// <summary>
    /// Share of voice of <paramref name="brandName"/>: its mentions ÷ the mentions of every brand tracked during the period
    /// (itself included) × 100. Nobody mentioned gives "all brands' mentions is 0", not 0 %.
    /// </summary>
    public static KpiResult ShareOfVoice(IReadOnlyList<BrandFigures> brands, string brandName, IsoWeek from, IsoWeek to)
    {
        ArgumentNullException.ThrowIfNull(brands);
        const string formula = Formulas.ShareOfVoice.FormulaKey;
        decimal? brandMentions = null;
        var total = 0m;
        foreach (var brand in brands.Where(b => b.IsTrackedBy(to)))
        {
            var mentions = PeriodValue(brand, BenchmarkMetric.Mentions, from, to);
            if (mentions.Value is not { } value)
            {
                return Relabel(mentions, formula, KpiUnit.Percent);
            }

            total += value;
            if (brand.Name == brandName)
            {
                brandMentions = value;
            }
        }

        if (brandMentions is null)
        {
            return KpiResult.Fails(formula, KpiUnit.Percent, NotComputableReason.MissingInput, StandardMetrics.Mentions);
        }

        return FormulaGuard.Quotient(formula, KpiUnit.Percent, brandMentions.Value, total, FormulaInputNames.AllTrackedBrandsMentions, 100m);
    }

    /// <summary>
    /// Follower growth over the period: (followers at the end − followers the week before the period) ÷ the latter × 100.
    /// A rival added mid-period has no figure the week before: not computable, naming that week.
    /// </summary>
    public static KpiResult FollowerGrowth(BrandFigures brand, IsoWeek from, IsoWeek to)
    {
        ArgumentNullException.ThrowIfNull(brand);
        const string formula = FollowerGrowthRate.FormulaKey;
        var startWeek = from.AddWeeks(-1);
        var startInput = FormulaInputNames.AtStart(StandardMetrics.Followers);
        if (brand.Value(BenchmarkMetric.Followers, startWeek) is not { } start)
        {
            return Missing(brand, formula, KpiUnit.Percent, StandardMetrics.Followers, startWeek);
        }

        var end = PeriodValue(brand, BenchmarkMetric.Followers, from, to);
        if (end.Value is not { } last)
        {
            return Relabel(end, formula, KpiUnit.Percent);
        }

        return start switch
        {
            < 0m => Fail(brand, formula, KpiUnit.Percent, NotComputableReason.NegativeInput, StandardMetrics.Followers, startWeek),
            0m => Fail(brand, formula, KpiUnit.Percent, NotComputableReason.ZeroDenominator, startInput, startWeek),
            // Both are non-negative, so the difference cannot overflow; the quotient can.
            _ => FormulaGuard.Quotient(formula, KpiUnit.Percent, last - start, start, startInput, 100m),
        };
    }

    /// <summary>Public interactions (likes + comments + shares) ÷ posts published over the period.</summary>
    public static KpiResult InteractionsPerPost(BrandFigures brand, IsoWeek from, IsoWeek to)
    {
        var interactions = Interactions(brand, from, to);
        if (interactions.Value is not { } total)
        {
            return Relabel(interactions, InteractionsPerPostKey, KpiUnit.Ratio);
        }

        var posts = PeriodValue(brand, BenchmarkMetric.Posts, from, to);
        if (posts.Value is not { } count)
        {
            return Relabel(posts, InteractionsPerPostKey, KpiUnit.Ratio);
        }

        return count == 0m
            ? Fail(brand, InteractionsPerPostKey, KpiUnit.Ratio, NotComputableReason.ZeroDenominator, StandardMetrics.Posts, null)
            : FormulaGuard.Quotient(InteractionsPerPostKey, KpiUnit.Ratio, total, count, StandardMetrics.Posts, 1m);
    }

    /// <summary>Public interactions over the period ÷ followers at its end × 100: engagement per follower, in percent.</summary>
    public static KpiResult EngagementPerFollower(BrandFigures brand, IsoWeek from, IsoWeek to)
    {
        var interactions = Interactions(brand, from, to);
        if (interactions.Value is not { } total)
        {
            return Relabel(interactions, EngagementPerFollowerKey, KpiUnit.Percent);
        }

        var followers = PeriodValue(brand, BenchmarkMetric.Followers, from, to);
        if (followers.Value is not { } count)
        {
            return Relabel(followers, EngagementPerFollowerKey, KpiUnit.Percent);
        }

        return count == 0m
            ? Fail(brand, EngagementPerFollowerKey, KpiUnit.Percent, NotComputableReason.ZeroDenominator, StandardMetrics.Followers, to)
            : FormulaGuard.Quotient(EngagementPerFollowerKey, KpiUnit.Percent, total, count, StandardMetrics.Followers, 100m);
    }

    /// <summary>Posts published per week, over the weeks the brand is tracked in the period.</summary>
    public static KpiResult PostingFrequency(BrandFigures brand, IsoWeek from, IsoWeek to)
    {
        ArgumentNullException.ThrowIfNull(brand);
        var posts = PeriodValue(brand, BenchmarkMetric.Posts, from, to);
        if (posts.Value is not { } count)
        {
            return Relabel(posts, PostingFrequencyKey, KpiUnit.Ratio);
        }

        var first = brand.TrackedFrom > from ? brand.TrackedFrom : from;
        return KpiResult.Of(count / (first.WeeksUntil(to) + 1), KpiUnit.Ratio, PostingFrequencyKey);
    }

    /// <summary>The brand's average online rating over the period, in stars.</summary>
    public static KpiResult Rating(BrandFigures brand, IsoWeek from, IsoWeek to) =>
        Relabel(PeriodValue(brand, BenchmarkMetric.Rating, from, to), RatingKey, KpiUnit.Ratio);

    /// <summary>Rating gap: the brand's average rating − the rival's, in stars (positive: the brand is better rated).</summary>
    public static KpiResult RatingGap(BrandFigures brand, BrandFigures rival, IsoWeek from, IsoWeek to) =>
        Relabel(Gap(Rating(brand, from, to), Rating(rival, from, to)), RatingGapKey, KpiUnit.Ratio);

    /// <summary>
    /// The brand's figure minus a rival's, in the figure's unit (percentage points for a rate): "vs each rival".
    /// Not computable when either is, with that one's reason.
    /// </summary>
    public static KpiResult Gap(KpiResult brand, KpiResult rival)
    {
        ArgumentNullException.ThrowIfNull(brand);
        ArgumentNullException.ThrowIfNull(rival);
        var formula = GapKey(brand.Formula);
        if (brand.Value is not { } ours)
        {
            return Relabel(brand, formula, brand.Unit);
        }

        if (rival.Value is not { } theirs)
        {
            return Relabel(rival, formula, brand.Unit);
        }

        // Opposite signs near the limits of decimal could overflow: only entry errors get there.
        return (ours >= 0m) == (theirs >= 0m) || decimal.MaxValue - Math.Abs(ours) >= Math.Abs(theirs)
            ? KpiResult.Of(ours - theirs, brand.Unit, formula)
            : FormulaGuard.OutOfRange(formula, brand.Unit, formula);
    }

    /// <summary>
    /// Competition ranking ("1, 2, 2, 4") of every brand on one figure: equal values share a rank and the next rank
    /// skips as many places. Values are compared exactly. A brand whose figure is not computable has no rank (null).
    /// </summary>
    public static IReadOnlyList<(string Brand, int? Rank)> Ranks(IReadOnlyList<(string Brand, KpiResult Figure)> figures, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var values = figures.Where(f => f.Figure.Value is not null).Select(f => f.Figure.Value!.Value).ToList();
        return figures.Select(f => (f.Brand, f.Figure.Value is { } value
            ? 1 + values.Count(other => direction == Direction.HigherIsBetter ? other > value : other < value)
            : (int?)null)).ToList();
    }

    /// <summary>
    /// The rank of <paramref name="brandName"/> among the tracked brands (1 = best; lower is better). Not computable when any
    /// brand's figure is, since the rank could then be anything.
    /// </summary>
    public static KpiResult Rank(IReadOnlyList<(string Brand, KpiResult Figure)> figures, string brandName, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var formula = RankKey(figures.Count > 0 ? figures[0].Figure.Formula : string.Empty);
        foreach (var (_, figure) in figures)
        {
            if (!figure.IsComputable)
            {
                return Relabel(figure, formula, KpiUnit.Count);
            }
        }

        var rank = Ranks(figures, direction).FirstOrDefault(r => r.Brand == brandName).Rank;
        return rank is { } found
            ? KpiResult.Of(found, KpiUnit.Count, formula)
            : KpiResult.Fails(formula, KpiUnit.Count, NotComputableReason.MissingInput, brandName);
    }

    /// <summary>The rank of the workspace's own brand on a figure among the brands tracked by <paramref name="to"/>.</summary>
    public static KpiResult OwnRank(IReadOnlyList<BrandFigures> brands, Func<BrandFigures, KpiResult> figure, Direction direction, IsoWeek to)
    {
        ArgumentNullException.ThrowIfNull(brands);
        ArgumentNullException.ThrowIfNull(figure);
        var own = brands.FirstOrDefault(b => b.IsOwnBrand);
        var figures = brands.Where(b => b.IsTrackedBy(to)).Select(b => (b.Name, figure(b))).ToList();
        return own is null
            ? KpiResult.Fails(RankKey(string.Empty), KpiUnit.Count, NotComputableReason.MissingInput, FormulaInputNames.Competitors)
            : Rank(figures, own.Name, direction);
    }

    private static KpiResult Interactions(BrandFigures brand, IsoWeek from, IsoWeek to)
    {
        var total = 0m;
        foreach (var metric in (BenchmarkMetric[])[BenchmarkMetric.Likes, BenchmarkMetric.Comments, BenchmarkMetric.Shares])
        {
            var part = PeriodValue(brand, metric, from, to);
            if (part.Value is not { } value)
            {
                return part;
            }

            if (decimal.MaxValue - value < total)
            {
                return FormulaGuard.OutOfRange(FormulaInputNames.Engagements, KpiUnit.Count, FormulaInputNames.Engagements);
            }

            total += value;
        }

        return KpiResult.Of(total, KpiUnit.Count, FormulaInputNames.Engagements);
    }

    private static KpiResult Checked(BrandFigures brand, string formula, KpiUnit unit, decimal value, string input, IsoWeek week) =>
        value < 0m ? Fail(brand, formula, unit, NotComputableReason.NegativeInput, input, week) : KpiResult.Of(value, unit, formula);

    private static KpiResult Missing(BrandFigures brand, string formula, KpiUnit unit, string input, IsoWeek? week) =>
        Fail(brand, formula, unit, NotComputableReason.MissingInput, input, week);

    private static KpiResult Fail(BrandFigures brand, string formula, KpiUnit unit, NotComputableReason reason, string input, IsoWeek? week) =>
        KpiResult.Fails(formula, unit, new NotComputable(reason, input) { Brand = brand.Name, Week = week });

    private static KpiResult Relabel(KpiResult result, string formula, KpiUnit unit) =>
        result.NotComputable is { } notComputable
            ? KpiResult.Fails(formula, unit, notComputable)
            : KpiResult.Of(result.Value!.Value, unit, formula);
}
