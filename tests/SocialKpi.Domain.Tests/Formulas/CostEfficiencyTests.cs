using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Tests.Formulas;

public class CostEfficiencyTests
{
    [Fact]
    public void Cost_per_engagement_is_cost_over_engagements()
    {
        // 500 ÷ 200 = 2.50 per engagement
        var result = CostEfficiency.CostPerEngagement(500m, 200m);

        Assert.Equal(2.5m, result.Value);
        Assert.Equal(KpiUnit.Currency, result.Unit);
        Assert.Equal("cost-efficiency.cost-per-engagement", result.Formula);
    }

    [Fact]
    public void Cost_per_engagement_is_zero_when_nothing_was_spent()
    {
        // 0 ÷ 200 = 0: free engagements are a result, not a missing figure
        Assert.Equal(0m, CostEfficiency.CostPerEngagement(0m, 200m).Value);
    }

    [Fact]
    public void Cost_per_engagement_is_not_computable_when_there_are_no_engagements()
    {
        var result = CostEfficiency.CostPerEngagement(500m, 0m);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.Engagements, result.NotComputable.Input);
    }

    [Fact]
    public void Cost_per_engagement_is_not_computable_when_no_cost_was_entered()
    {
        var result = CostEfficiency.CostPerEngagement(null, 200m);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.Cost, result.NotComputable.Input);
    }

    [Fact]
    public void Cpm_is_cost_per_thousand_impressions()
    {
        // 250 ÷ 50 000 × 1 000 = 5.00
        var result = CostEfficiency.Cpm(250m, 50000m);

        Assert.Equal(5m, result.Value);
        Assert.Equal(KpiUnit.Currency, result.Unit);
        Assert.Equal("cost-efficiency.cpm", result.Formula);
    }

    [Fact]
    public void Cpm_is_not_computable_when_impressions_are_zero()
    {
        var result = CostEfficiency.Cpm(250m, 0m);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.Impressions, result.NotComputable.Input);
    }

    [Fact]
    public void Cpc_is_cost_per_link_click()
    {
        // 300 ÷ 240 = 1.25
        var result = CostEfficiency.Cpc(300m, 240m);

        Assert.Equal(1.25m, result.Value);
        Assert.Equal("cost-efficiency.cpc", result.Formula);
    }

    [Fact]
    public void Cpc_is_not_computable_when_the_cost_is_negative()
    {
        var result = CostEfficiency.Cpc(-300m, 240m);

        Assert.Equal(NotComputableReason.NegativeInput, result.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.Cost, result.NotComputable.Input);
        Assert.Equal("non calculable : cost est négatif", result.NotComputable.Describe("fr-FR"));
    }
}
