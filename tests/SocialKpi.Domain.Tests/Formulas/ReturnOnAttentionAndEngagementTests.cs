using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Tests.Formulas;

public class ReturnOnAttentionAndEngagementTests
{
    /// <summary>Engagements 120 + 30 + 25 + 25 = 200; reach 5 000; cost 50; revenue 1 000; 10 leads at 40; 6 conversions.</summary>
    private static FormulaInputs Inputs() => new()
    {
        Values = new Dictionary<string, decimal?>
        {
            [StandardMetrics.Reactions] = 120m,
            [StandardMetrics.Comments] = 30m,
            [StandardMetrics.Shares] = 25m,
            [StandardMetrics.Saves] = 25m,
            [StandardMetrics.Reach] = 5000m,
            [StandardMetrics.NewFollowers] = 40m,
            [StandardMetrics.ProfileVisits] = 160m,
            [StandardMetrics.Revenue] = 1000m,
            [StandardMetrics.Leads] = 10m,
            [StandardMetrics.Conversions] = 6m,
        },
        ValuesPerUnit = new Dictionary<string, decimal?> { [StandardMetrics.Leads] = 40m },
        Cost = 50m,
    };

    [Fact]
    public void Roa_engaged_attention_rate_is_engagements_over_reach_in_percent()
    {
        // 185 ÷ 2 000 × 100 = 9.25 %
        var result = ReturnOnAttention.EngagedAttentionRate(185m, 2000m);

        Assert.Equal(9.25m, result.Value);
        Assert.Equal(KpiUnit.Percent, result.Unit);
        Assert.Equal("roa.engaged-attention-rate", result.Formula);
    }

    [Fact]
    public void Roa_reach_per_cost_is_people_reached_per_currency_unit()
    {
        // 50 000 ÷ 400 = 125 people per unit of currency
        var result = ReturnOnAttention.ReachPerCost(50000m, 400m);

        Assert.Equal(125m, result.Value);
        Assert.Equal(KpiUnit.Ratio, result.Unit);
        Assert.Equal("roa.reach-per-cost", result.Formula);
    }

    [Fact]
    public void Roa_reach_per_cost_is_not_computable_when_nothing_was_spent()
    {
        var result = ReturnOnAttention.ReachPerCost(50000m, 0m);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.Cost, result.NotComputable.Input);
    }

    [Fact]
    public void Roa_attention_retention_is_new_followers_and_profile_visits_over_reach_in_percent()
    {
        // (40 + 160) ÷ 5 000 × 100 = 4 %
        var result = ReturnOnAttention.AttentionRetention(40m, 160m, 5000m);

        Assert.Equal(4m, result.Value);
        Assert.Equal("roa.attention-retention", result.Formula);
    }

    [Fact]
    public void Roa_attention_retention_leaves_out_profile_visits_the_network_does_not_report()
    {
        // 40 ÷ 5 000 × 100 = 0.8 %
        Assert.Equal(0.8m, ReturnOnAttention.AttentionRetention(40m, null, 5000m).Value);
    }

    [Fact]
    public void Roa_attention_retention_is_not_computable_without_new_followers_nor_profile_visits()
    {
        var result = ReturnOnAttention.AttentionRetention(null, null, 5000m);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
    }

    [Theory]
    [InlineData(RoaVariant.EngagedAttentionRate, "roa.engaged-attention-rate", "4")] // 200 ÷ 5 000 × 100
    [InlineData(RoaVariant.ReachPerCost, "roa.reach-per-cost", "100")] // 5 000 ÷ 50
    [InlineData(RoaVariant.AttentionRetention, "roa.attention-retention", "4")] // (40 + 160) ÷ 5 000 × 100
    public void Roa_computed_for_a_variant_names_the_variant(RoaVariant variant, string formula, string expected)
    {
        var result = ReturnOnAttention.Compute(variant, Inputs());

        Assert.Equal(formula, result.Formula);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
        Assert.Equal(ReturnOnAttention.UnitOf(variant), result.Unit);
    }

    [Fact]
    public void Roe_value_per_engagement_is_the_return_over_engagements()
    {
        // (1 000 revenue + 10 leads × 40) ÷ 200 engagements = 1 400 ÷ 200 = 7 per engagement
        var result = ReturnOnEngagement.Compute(RoeVariant.ValuePerEngagement, Inputs());

        Assert.Equal(7m, result.Value);
        Assert.Equal(KpiUnit.Currency, result.Unit);
        Assert.Equal("roe.value-per-engagement", result.Formula);
    }

    [Fact]
    public void Roe_value_per_engagement_is_not_computable_without_any_valued_return()
    {
        var result = ReturnOnEngagement.ValuePerEngagement(AttributedValue.Of(null, []), 200m);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.AttributedValue, result.NotComputable.Input);
        Assert.Equal("roe.value-per-engagement", result.Formula);
    }

    [Fact]
    public void Roe_conversions_per_engagement_is_conversions_over_engagements_in_percent()
    {
        // 6 ÷ 200 × 100 = 3 %
        var result = ReturnOnEngagement.ConversionsPerEngagement(6m, 200m);

        Assert.Equal(3m, result.Value);
        Assert.Equal("roe.conversions-per-engagement", result.Formula);
    }

    [Fact]
    public void Roe_engagements_per_cost_is_engagements_per_currency_unit()
    {
        // 200 ÷ 50 = 4 engagements per unit of currency
        var result = ReturnOnEngagement.EngagementsPerCost(200m, 50m);

        Assert.Equal(4m, result.Value);
        Assert.Equal(KpiUnit.Ratio, result.Unit);
        Assert.Equal("roe.engagements-per-cost", result.Formula);
    }

    [Theory]
    [InlineData(RoeVariant.ValuePerEngagement, "roe.value-per-engagement", "7")]
    [InlineData(RoeVariant.ConversionsPerEngagement, "roe.conversions-per-engagement", "3")]
    [InlineData(RoeVariant.EngagementsPerCost, "roe.engagements-per-cost", "4")]
    public void Roe_computed_for_a_variant_names_the_variant(RoeVariant variant, string formula, string expected)
    {
        var result = ReturnOnEngagement.Compute(variant, Inputs());

        Assert.Equal(formula, result.Formula);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData(RoeVariant.ValuePerEngagement)]
    [InlineData(RoeVariant.ConversionsPerEngagement)]
    [InlineData(RoeVariant.EngagementsPerCost)]
    public void Roe_is_not_computable_without_engagement_data(RoeVariant variant)
    {
        var result = ReturnOnEngagement.Compute(variant, new FormulaInputs { Cost = 50m });

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.Engagements, result.NotComputable.Input);
        Assert.Equal(ReturnOnEngagement.FormulaKey(variant), result.Formula);
    }
}
