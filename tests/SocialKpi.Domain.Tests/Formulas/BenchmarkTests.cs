using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Tests.Formulas;

public class BenchmarkTests
{
    private static readonly IsoWeek Week9 = new(2026, 9);
    private static readonly IsoWeek Week10 = new(2026, 10);
    private static readonly IsoWeek Week11 = new(2026, 11);

    /// <summary>A brand with the same figure every week from <paramref name="from"/> to week 11, except where <paramref name="overrides"/> says.</summary>
    internal static BrandFigures Brand(
        string name, IsoWeek from, (BenchmarkMetric Metric, decimal Value)[] everyWeek,
        (IsoWeek Week, BenchmarkMetric Metric, decimal? Value)[]? overrides = null, bool own = false)
    {
        var values = new Dictionary<(IsoWeek, BenchmarkMetric), decimal?>();
        foreach (var week in IsoWeek.Range(from, Week11))
        {
            foreach (var (metric, value) in everyWeek)
            {
                values[(week, metric)] = value;
            }
        }

        foreach (var (week, metric, value) in overrides ?? [])
        {
            values[(week, metric)] = value;
        }

        return new BrandFigures(name, own, from, values.Where(v => v.Value is not null)
            .Select(v => new BrandWeekValue(v.Key.Item1, v.Key.Item2, v.Value!.Value)));
    }

    private static BrandFigures Mentions(string name, decimal week10, decimal week11, bool own = false) =>
        Brand(name, Week10, [], [(Week10, BenchmarkMetric.Mentions, week10), (Week11, BenchmarkMetric.Mentions, week11)], own);

    [Fact]
    public void Share_of_voice_is_the_brands_mentions_over_the_mentions_of_every_tracked_brand()
    {
        // ours 30 + 50 = 80; rival A 60 + 60 = 120; rival B 100 + 100 = 200 → 80 ÷ 400 × 100 = 20 %
        BrandFigures[] brands = [Mentions("Maison Lumière", 30m, 50m, own: true), Mentions("Rival A", 60m, 60m), Mentions("Rival B", 100m, 100m)];

        var result = Benchmark.ShareOfVoice(brands, "Maison Lumière", Week10, Week11);

        Assert.Equal(20m, result.Value);
        Assert.Equal(KpiUnit.Percent, result.Unit);
        Assert.Equal("share-of-voice", result.Formula);
        Assert.Equal(30m, Benchmark.ShareOfVoice(brands, "Rival A", Week10, Week11).Value);
    }

    [Fact]
    public void Share_of_voice_when_nobody_is_mentioned_is_not_computable_rather_than_zero()
    {
        BrandFigures[] brands = [Mentions("Maison Lumière", 0m, 0m, own: true), Mentions("Rival A", 0m, 0m)];

        var result = Benchmark.ShareOfVoice(brands, "Maison Lumière", Week10, Week11);

        Assert.Null(result.Value);
        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.AllTrackedBrandsMentions, result.NotComputable.Input);
    }

    [Fact]
    public void A_rival_without_mentions_for_a_week_makes_share_of_voice_not_computable_naming_the_rival_and_the_week()
    {
        var rival = Brand("Rival A", Week10, [], [(Week10, BenchmarkMetric.Mentions, 60m)]);
        BrandFigures[] brands = [Mentions("Maison Lumière", 30m, 50m, own: true), rival];

        var result = Benchmark.ShareOfVoice(brands, "Maison Lumière", Week10, Week11);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal("Rival A", result.NotComputable.Brand);
        Assert.Equal(Week11, result.NotComputable.Week);
        Assert.Equal("not computable: Rival A has no mentions for week 11 of 2026", result.NotComputable.Describe("en-GB"));
        Assert.Equal("non calculable : Rival A n’a pas de donnée mentions en semaine 11 de 2026", result.NotComputable.Describe("fr-FR"));
    }

    [Fact]
    public void A_rival_added_mid_period_counts_in_share_of_voice_only_from_the_week_it_is_tracked()
    {
        // ours 80, rival A 120, rival C tracked from week 11 only: 200 → 80 ÷ 400 × 100 = 20 %
        var late = Brand("Rival C", Week11, [], [(Week11, BenchmarkMetric.Mentions, 200m)]);
        BrandFigures[] brands = [Mentions("Maison Lumière", 30m, 50m, own: true), Mentions("Rival A", 60m, 60m), late];

        Assert.Equal(20m, Benchmark.ShareOfVoice(brands, "Maison Lumière", Week10, Week11).Value);
        Assert.Equal(50m, Benchmark.ShareOfVoice(brands, "Rival C", Week10, Week11).Value);
    }

    [Fact]
    public void A_rival_tracked_after_the_period_is_left_out_of_it()
    {
        var later = Brand("Rival C", Week11, [], [(Week11, BenchmarkMetric.Mentions, 500m)]);
        BrandFigures[] brands = [Mentions("Maison Lumière", 30m, 50m, own: true), Mentions("Rival A", 30m, 60m), later];

        // Week 10 alone: 30 ÷ (30 + 30) × 100 = 50 %
        Assert.Equal(50m, Benchmark.ShareOfVoice(brands, "Maison Lumière", Week10, Week10).Value);
    }

    [Fact]
    public void A_rival_added_mid_period_has_no_follower_growth_over_the_period_and_the_reason_names_the_week_before_it()
    {
        var late = Brand("Rival C", Week11, [(BenchmarkMetric.Followers, 900m)]);

        var result = Benchmark.FollowerGrowth(late, Week10, Week11);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal(Week9, result.NotComputable.Week);
        Assert.Equal("not computable: Rival C has no followers for week 9 of 2026", result.NotComputable.Describe("en"));
    }

    [Fact]
    public void Follower_growth_runs_from_the_week_before_the_period_to_its_last_week()
    {
        // (1 050 − 1 000) ÷ 1 000 × 100 = 5 %
        var brand = Brand("Maison Lumière", Week9, [], [(Week9, BenchmarkMetric.Followers, 1000m), (Week11, BenchmarkMetric.Followers, 1050m)]);

        Assert.Equal(5m, Benchmark.FollowerGrowth(brand, Week10, Week11).Value);
    }

    [Fact]
    public void Interactions_per_post_engagement_per_follower_and_posting_frequency_use_the_public_interactions()
    {
        // weeks 10 and 11: likes 45 + 45, comments 10 + 10, shares 5 + 5 = 120 interactions; 2 + 2 = 4 posts; 1 200 followers at the end
        var brand = Brand("Rival A", Week10, [(BenchmarkMetric.Likes, 45m), (BenchmarkMetric.Comments, 10m), (BenchmarkMetric.Shares, 5m),
            (BenchmarkMetric.Posts, 2m), (BenchmarkMetric.Followers, 1200m)]);

        Assert.Equal(30m, Benchmark.InteractionsPerPost(brand, Week10, Week11).Value);  // 120 ÷ 4
        Assert.Equal(10m, Benchmark.EngagementPerFollower(brand, Week10, Week11).Value); // 120 ÷ 1 200 × 100
        Assert.Equal(2m, Benchmark.PostingFrequency(brand, Week10, Week11).Value);       // 4 posts ÷ 2 weeks
    }

    [Fact]
    public void Interactions_per_post_is_not_computable_when_a_rival_posted_nothing()
    {
        var brand = Brand("Rival A", Week10, [(BenchmarkMetric.Likes, 0m), (BenchmarkMetric.Comments, 0m), (BenchmarkMetric.Shares, 0m), (BenchmarkMetric.Posts, 0m)]);

        var result = Benchmark.InteractionsPerPost(brand, Week10, Week11);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal("not computable: posts of Rival A is 0", result.NotComputable.Describe("en"));
    }

    [Fact]
    public void Rating_gap_is_the_brands_mean_rating_minus_the_rivals_in_stars()
    {
        var ours = Brand("Maison Lumière", Week10, [], [(Week10, BenchmarkMetric.Rating, 4.6m), (Week11, BenchmarkMetric.Rating, 4.8m)], own: true);
        var rival = Brand("Rival A", Week10, [], [(Week11, BenchmarkMetric.Rating, 4.2m)]);

        // (4.6 + 4.8) ÷ 2 = 4.7; the rival rated once: 4.2 → +0.5 star
        Assert.Equal(0.5m, Benchmark.RatingGap(ours, rival, Week10, Week11).Value);
        Assert.Equal("rating-gap", Benchmark.RatingGap(ours, rival, Week10, Week11).Formula);
    }

    [Fact]
    public void A_rival_never_rated_in_the_period_gives_a_rating_gap_that_is_not_computable()
    {
        var ours = Brand("Maison Lumière", Week10, [(BenchmarkMetric.Rating, 4.5m)], own: true);
        var rival = Brand("Rival A", Week10, [(BenchmarkMetric.Followers, 10m)]);

        var result = Benchmark.RatingGap(ours, rival, Week10, Week11);

        Assert.Equal("Rival A", result.NotComputable!.Brand);
        Assert.Equal("not computable: Rival A has no rating", result.NotComputable.Describe("en"));
    }

    [Fact]
    public void Gap_versus_a_rival_is_in_points_of_the_figure()
    {
        var result = Benchmark.Gap(KpiResult.Of(5m, KpiUnit.Percent, "follower-growth-rate"), KpiResult.Of(10m, KpiUnit.Percent, "follower-growth-rate"));

        Assert.Equal(-5m, result.Value);
        Assert.Equal("follower-growth-rate.gap", result.Formula);
    }

    [Fact]
    public void Equal_figures_share_a_rank_and_the_next_rank_skips_places()
    {
        (string, KpiResult)[] figures =
        [
            ("A", KpiResult.Of(10m, KpiUnit.Percent, "x")), ("B", KpiResult.Of(5m, KpiUnit.Percent, "x")),
            ("C", KpiResult.Of(5m, KpiUnit.Percent, "x")), ("D", KpiResult.Of(2m, KpiUnit.Percent, "x")),
        ];

        Assert.Equal([1, 2, 2, 4], Benchmark.Ranks(figures, Direction.HigherIsBetter).Select(r => r.Rank));
        Assert.Equal([4, 2, 2, 1], Benchmark.Ranks(figures, Direction.LowerIsBetter).Select(r => r.Rank));
    }

    [Fact]
    public void The_brand_tied_second_on_follower_growth_ranks_second_from_the_catalogue()
    {
        // growth week 9 → 11: ours 1 000 → 1 050 = 5 %; A 2 000 → 2 200 = 10 %; B 500 → 525 = 5 %; C 100 → 102 = 2 %
        static BrandFigures Growth(string name, decimal start, decimal end, bool own = false) =>
            Brand(name, Week9, [], [(Week9, BenchmarkMetric.Followers, start), (Week11, BenchmarkMetric.Followers, end)], own);
        var inputs = new FormulaInputs
        {
            Benchmark = new BenchmarkInputs(
                [Growth("Maison Lumière", 1000m, 1050m, own: true), Growth("A", 2000m, 2200m), Growth("B", 500m, 525m), Growth("C", 100m, 102m)],
                Week10, Week11),
        };

        var result = FormulaCatalog.Compute(FormulaId.FollowerGrowthRank, inputs);

        Assert.Equal(2m, result.Value);
        Assert.Equal("rank.follower-growth-rate", result.Formula);
        Assert.Equal(Direction.LowerIsBetter, FormulaCatalog.Get(FormulaId.FollowerGrowthRank).NaturalDirection);
    }

    [Fact]
    public void A_rank_is_not_computable_when_one_rival_has_no_figure_since_the_place_could_be_anything()
    {
        var ours = Brand("Maison Lumière", Week9, [(BenchmarkMetric.Followers, 1000m)], own: true);
        var rival = Brand("Rival A", Week9, [(BenchmarkMetric.Followers, 1000m)], [(Week11, BenchmarkMetric.Followers, null)]);

        var result = FormulaCatalog.Compute(FormulaId.FollowerGrowthRank, new FormulaInputs { Benchmark = new([ours, rival], Week10, Week11) });

        Assert.Equal("Rival A", result.NotComputable!.Brand);
        Assert.Equal(Week11, result.NotComputable.Week);
        Assert.Equal("rank.follower-growth-rate", result.Formula);
    }

    [Fact]
    public void Share_of_voice_from_the_catalogue_uses_the_competitor_figures_when_there_are_some()
    {
        BrandFigures[] brands = [Mentions("Maison Lumière", 30m, 50m, own: true), Mentions("Rival A", 60m, 60m), Mentions("Rival B", 100m, 100m)];

        var result = FormulaCatalog.Compute(FormulaId.ShareOfVoice, new FormulaInputs { Benchmark = new(brands, Week10, Week11) });

        Assert.Equal(20m, result.Value);
    }
}
