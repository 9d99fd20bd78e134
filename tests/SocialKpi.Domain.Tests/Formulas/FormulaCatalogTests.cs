using System.Text.RegularExpressions;

using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Tests.Formulas;

public partial class FormulaCatalogTests
{
    public static TheoryData<FormulaId> AllFormulaIds()
    {
        var data = new TheoryData<FormulaId>();
        foreach (var id in Enum.GetValues<FormulaId>())
        {
            data.Add(id);
        }

        return data;
    }

    /// <summary>A period with every input, so that every formula is computable.</summary>
    internal static FormulaInputs CompleteInputs() => new()
    {
        Values = new Dictionary<string, decimal?>
        {
            [StandardMetrics.Reach] = 2000m,
            [StandardMetrics.Impressions] = 3700m,
            [StandardMetrics.VideoViews] = 740m,
            [StandardMetrics.Followers] = 10000m,
            [StandardMetrics.NewFollowers] = 40m,
            [StandardMetrics.Reactions] = 120m,
            [StandardMetrics.Comments] = 30m,
            [StandardMetrics.Shares] = 25m,
            [StandardMetrics.Saves] = 10m,
            [StandardMetrics.LinkClicks] = 90m,
            [StandardMetrics.ProfileVisits] = 160m,
            [StandardMetrics.Posts] = 10m,
            [StandardMetrics.Mentions] = 300m,
            [StandardMetrics.MessagesReceived] = 50m,
            [StandardMetrics.MessagesAnswered] = 45m,
            [StandardMetrics.AverageResponseTime] = 15m,
            [StandardMetrics.Sessions] = 300m,
            [StandardMetrics.BounceRate] = 40m,
            [StandardMetrics.FormCompletions] = 3m,
            [StandardMetrics.NewsletterSignups] = 50m,
            [StandardMetrics.Leads] = 10m,
            [StandardMetrics.Conversions] = 5m,
            [StandardMetrics.Revenue] = 2000m,
        },
        ValuesPerUnit = new Dictionary<string, decimal?> { [StandardMetrics.Leads] = 40m },
        StartValues = new Dictionary<string, decimal?> { [StandardMetrics.Followers] = 8000m },
        AllTrackedBrandsMentions = 1200m,
        Cost = 1000m,
        Benchmark = new BenchmarkInputs(
            [
                BenchmarkTests.Brand("Maison Lumière", new IsoWeek(2026, 9), EveryFigure(10000m, 300m), own: true),
                BenchmarkTests.Brand("Rival", new IsoWeek(2026, 9), EveryFigure(8000m, 900m)),
            ],
            new IsoWeek(2026, 10),
            new IsoWeek(2026, 11)),
    };

    private static (BenchmarkMetric, decimal)[] EveryFigure(decimal followers, decimal mentions) =>
    [
        (BenchmarkMetric.Followers, followers), (BenchmarkMetric.Posts, 10m), (BenchmarkMetric.Likes, 120m),
        (BenchmarkMetric.Comments, 30m), (BenchmarkMetric.Shares, 25m), (BenchmarkMetric.VideoViews, 740m),
        (BenchmarkMetric.Mentions, mentions), (BenchmarkMetric.Rating, 4.5m), (BenchmarkMetric.Reviews, 80m),
    ];

    [Fact]
    public void Catalog_defines_every_formula_exactly_once()
    {
        Assert.Equal(Enum.GetValues<FormulaId>(), FormulaCatalog.All.Select(d => d.Id));
    }

    [Fact]
    public void Catalog_keys_are_unique_lowercase_identifiers()
    {
        var keys = FormulaCatalog.All.Select(d => d.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, key => Assert.Matches(KeyPattern(), key));
    }

    [Theory]
    [MemberData(nameof(AllFormulaIds))]
    public void Every_formula_has_names_and_definitions_in_french_and_english(FormulaId id)
    {
        var definition = FormulaCatalog.Get(id);

        Assert.False(string.IsNullOrWhiteSpace(definition.NameFr));
        Assert.False(string.IsNullOrWhiteSpace(definition.NameEn));
        Assert.False(string.IsNullOrWhiteSpace(definition.DefinitionFr));
        Assert.False(string.IsNullOrWhiteSpace(definition.DefinitionEn));
        Assert.NotEqual(definition.DefinitionFr, definition.DefinitionEn);
        Assert.Equal(definition.NameFr, definition.Name("fr-FR"));
        Assert.Equal(definition.NameEn, definition.Name("en-US"));
        Assert.NotEmpty(definition.MetricKeys);
        Assert.All(definition.MetricKeys, key => Assert.NotNull(StandardMetrics.Find(key)));
    }

    [Theory]
    [MemberData(nameof(AllFormulaIds))]
    public void Every_formula_is_computable_on_a_complete_period_and_names_itself(FormulaId id)
    {
        var definition = FormulaCatalog.Get(id);

        var result = definition.Compute(CompleteInputs());

        Assert.True(result.IsComputable, $"{definition.Key}: {result.NotComputable?.Describe("en-US")}");
        Assert.Equal(definition.Key, result.Formula);
        Assert.Equal(definition.Unit, result.Unit);
    }

    [Theory]
    [MemberData(nameof(AllFormulaIds))]
    public void Every_formula_is_not_computable_on_a_period_without_data(FormulaId id)
    {
        var definition = FormulaCatalog.Get(id);

        var result = definition.Compute(new FormulaInputs());

        Assert.False(result.IsComputable);
        Assert.Equal(definition.Key, result.Formula);
        Assert.Equal(definition.Unit, result.Unit);
    }

    [Fact]
    public void Formulas_that_divide_or_subtract_the_cost_say_they_need_it()
    {
        var needingCost = FormulaCatalog.All.Where(d => d.NeedsCost).Select(d => d.Id);

        Assert.Equal(
            [FormulaId.CostPerEngagement, FormulaId.Cpm, FormulaId.Cpc, FormulaId.Roi, FormulaId.RoaReachPerCost, FormulaId.RoeEngagementsPerCost],
            needingCost);
    }

    [Fact]
    public void Only_follower_growth_needs_a_start_value_and_only_share_of_voice_needs_competitor_mentions()
    {
        Assert.Equal([FormulaId.FollowerGrowthRate], FormulaCatalog.All.Where(d => d.NeedsStartValue).Select(d => d.Id));
        Assert.Equal([FormulaId.ShareOfVoice], FormulaCatalog.All.Where(d => d.NeedsAllTrackedBrandsMentions).Select(d => d.Id));
    }

    [Fact]
    public void Engagement_rate_by_reach_from_the_catalogue_adds_up_the_engagements_first()
    {
        // (120 + 30 + 25 + 10) ÷ 2 000 × 100 = 9.25 %
        var result = FormulaCatalog.Compute(FormulaId.EngagementRateByReach, CompleteInputs());

        Assert.Equal(9.25m, result.Value);
    }

    [Fact]
    public void Follower_growth_from_the_catalogue_uses_the_start_value()
    {
        // (10 000 − 8 000) ÷ 8 000 × 100 = 25 %
        Assert.Equal(25m, FormulaCatalog.Compute(FormulaId.FollowerGrowthRate, CompleteInputs()).Value);
    }

    [Fact]
    public void Roi_from_the_catalogue_counts_revenue_and_valued_leads()
    {
        // (2 000 + 10 × 40 − 1 000) ÷ 1 000 = 1.4
        Assert.Equal(1.4m, FormulaCatalog.Compute(FormulaId.Roi, CompleteInputs()).Value);
    }

    [Fact]
    public void Share_of_voice_from_the_catalogue_is_not_computable_without_competitor_mentions()
    {
        var inputs = CompleteInputs() with { AllTrackedBrandsMentions = null, Benchmark = null };

        var result = FormulaCatalog.Compute(FormulaId.ShareOfVoice, inputs);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.AllTrackedBrandsMentions, result.NotComputable.Input);
    }

    [Fact]
    public void A_cost_formula_from_the_catalogue_is_not_computable_without_cost()
    {
        var inputs = CompleteInputs() with { Cost = null };

        var result = FormulaCatalog.Compute(FormulaId.Cpm, inputs);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.Cost, result.NotComputable.Input);
    }

    [Fact]
    public void An_engagement_formula_passes_on_why_the_engagements_are_not_computable()
    {
        var values = new Dictionary<string, decimal?>(CompleteInputs().Values) { [StandardMetrics.Shares] = -3m };

        var result = FormulaCatalog.Compute(FormulaId.EngagementRateByImpressions, CompleteInputs() with { Values = values });

        Assert.Equal(NotComputableReason.NegativeInput, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.Shares, result.NotComputable.Input);
        Assert.Equal("engagement-rate.by-impressions", result.Formula);
    }

    [Theory]
    [InlineData(RoaVariant.EngagedAttentionRate)]
    [InlineData(RoaVariant.ReachPerCost)]
    [InlineData(RoaVariant.AttentionRetention)]
    public void Each_roa_variant_has_its_catalogue_entry(RoaVariant variant)
    {
        var definition = FormulaCatalog.Get(ReturnOnAttention.FormulaIdOf(variant));

        Assert.Equal(ReturnOnAttention.FormulaKey(variant), definition.Key);
    }

    [Theory]
    [InlineData(RoeVariant.ValuePerEngagement)]
    [InlineData(RoeVariant.ConversionsPerEngagement)]
    [InlineData(RoeVariant.EngagementsPerCost)]
    public void Each_roe_variant_has_its_catalogue_entry(RoeVariant variant)
    {
        var definition = FormulaCatalog.Get(ReturnOnEngagement.FormulaIdOf(variant));

        Assert.Equal(ReturnOnEngagement.FormulaKey(variant), definition.Key);
    }

    [Fact]
    public void A_definition_is_found_by_its_key()
    {
        Assert.Equal(FormulaId.EngagementRateByReach, FormulaCatalog.FindByKey("engagement-rate.by-reach")!.Id);
        Assert.Null(FormulaCatalog.FindByKey("no-such-formula"));
    }

    [Fact]
    public void Cost_formulas_response_time_and_ranks_are_lower_is_better()
    {
        var lowerIsBetter = FormulaCatalog.All.Where(d => d.NaturalDirection == Direction.LowerIsBetter).Select(d => d.Id);

        Assert.Equal(
            [FormulaId.CostPerEngagement, FormulaId.Cpm, FormulaId.Cpc, FormulaId.AverageResponseTime,
             FormulaId.FollowerGrowthRank, FormulaId.InteractionsPerPostRank, FormulaId.EngagementPerFollowerRank],
            lowerIsBetter);
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)?$")]
    private static partial Regex KeyPattern();
}
