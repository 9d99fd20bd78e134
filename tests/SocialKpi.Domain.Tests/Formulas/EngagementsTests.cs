using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Tests.Formulas;

public class EngagementsTests
{
    [Fact]
    public void Total_adds_reactions_comments_shares_and_saves()
    {
        // 120 + 30 + 25 + 10 = 185
        var result = Engagements.Total(120m, 30m, 25m, 10m);

        Assert.Equal(185m, result.Value);
        Assert.Equal(KpiUnit.Count, result.Unit);
        Assert.Equal("engagements.total", result.Formula);
    }

    [Fact]
    public void Total_leaves_out_a_component_the_network_does_not_report()
    {
        // 120 + 30 + 25 = 175; saves are not reported
        var result = Engagements.Total(120m, 30m, 25m, null);

        Assert.Equal(175m, result.Value);
    }

    [Fact]
    public void Total_is_not_computable_when_every_component_is_missing()
    {
        var result = Engagements.Total(null, null, null, null);

        Assert.False(result.IsComputable);
        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.Engagements, result.NotComputable.Input);
    }

    [Fact]
    public void Total_of_zero_actions_is_zero_not_missing()
    {
        var result = Engagements.Total(0m, 0m, 0m, 0m);

        Assert.Equal(0m, result.Value);
    }

    [Fact]
    public void Total_is_not_computable_when_a_component_is_negative()
    {
        var result = Engagements.Total(120m, -1m, 25m, 10m);

        Assert.Equal(NotComputableReason.NegativeInput, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.Comments, result.NotComputable.Input);
    }

    [Fact]
    public void FromInputs_reads_the_four_standard_engagement_metrics()
    {
        var inputs = new FormulaInputs
        {
            Values = new Dictionary<string, decimal?>
            {
                [StandardMetrics.Reactions] = 120m,
                [StandardMetrics.Comments] = 30m,
                [StandardMetrics.Shares] = 25m,
                [StandardMetrics.Saves] = 10m,
                [StandardMetrics.LinkClicks] = 999m,
            },
        };

        // Link clicks are traffic, not engagement: 120 + 30 + 25 + 10 = 185
        Assert.Equal(185m, Engagements.FromInputs(inputs).Value);
    }
}
