using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Tests.Formulas;

public class RoiTests
{
    [Fact]
    public void Roi_of_seed_001_is_9_or_900_percent()
    {
        // Seed 001: 1 000 spent a month, 10 000 of direct sales. (10 000 − 1 000) ÷ 1 000 = 9 = 900 %
        var result = Roi.Of(10000m, 1000m);

        Assert.Equal(9m, result.Ratio.Value);
        Assert.Equal(KpiUnit.Ratio, result.Ratio.Unit);
        Assert.Equal("roi", result.Ratio.Formula);
        Assert.Equal(900m, result.Percent.Value);
        Assert.Equal(KpiUnit.Percent, result.Percent.Unit);
        Assert.Equal("roi.percent", result.Percent.Formula);
    }

    [Fact]
    public void Roi_is_not_computable_when_the_cost_is_zero()
    {
        var result = Roi.Of(10000m, 0m);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.Ratio.NotComputable!.Reason);
        Assert.Equal("not computable: cost is 0", result.Ratio.NotComputable.Describe("en-US"));
        Assert.Equal(NotComputableReason.ZeroDenominator, result.Percent.NotComputable!.Reason);
    }

    [Fact]
    public void Roi_is_not_computable_when_no_cost_was_entered()
    {
        var result = Roi.Of(10000m, null);

        Assert.Equal(NotComputableReason.MissingInput, result.Ratio.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.Cost, result.Ratio.NotComputable.Input);
    }

    [Fact]
    public void Roi_is_zero_when_the_return_equals_the_cost()
    {
        // (1 000 − 1 000) ÷ 1 000 = 0
        Assert.Equal(0m, Roi.Of(1000m, 1000m).Ratio.Value);
    }

    [Fact]
    public void Roi_is_negative_when_the_return_is_below_the_cost()
    {
        // (500 − 1 000) ÷ 1 000 = −0.5 = −50 %
        var result = Roi.Of(500m, 1000m);

        Assert.Equal(-0.5m, result.Ratio.Value);
        Assert.Equal(-50m, result.Percent.Value);
    }

    [Fact]
    public void Roi_counts_valued_conversions_and_reports_the_unvalued_ones()
    {
        // Return = 2 000 revenue + 10 leads × 40 + 50 sign-ups × 2 = 2 000 + 400 + 100 = 2 500
        // (5 conversions have no value: left out.) ROI = (2 500 − 1 000) ÷ 1 000 = 1.5 = 150 %
        var result = Roi.Of(
            2000m,
            [
                new ValuedQuantity(StandardMetrics.Leads, 10m, 40m),
                new ValuedQuantity(StandardMetrics.NewsletterSignups, 50m, 2m),
                new ValuedQuantity(StandardMetrics.Conversions, 5m, null),
            ],
            1000m);

        Assert.Equal(1.5m, result.Ratio.Value);
        Assert.Equal(150m, result.Percent.Value);
        Assert.Equal(2500m, result.Return.Amount.Value);
        Assert.Equal([StandardMetrics.Revenue, StandardMetrics.Leads, StandardMetrics.NewsletterSignups], result.Return.ValuedInputs);
        Assert.Equal([StandardMetrics.Conversions], result.Return.UnvaluedInputs);
    }

    [Fact]
    public void Roi_does_not_report_an_unvalued_conversion_with_nothing_to_count()
    {
        var result = Roi.Of(2000m, [new ValuedQuantity(StandardMetrics.Leads, 0m, null), new ValuedQuantity(StandardMetrics.Conversions, null, null)], 1000m);

        Assert.Empty(result.Return.UnvaluedInputs);
        Assert.Equal(1m, result.Ratio.Value);
    }

    [Fact]
    public void Roi_is_not_computable_when_nothing_has_a_monetary_value()
    {
        var result = Roi.Of(null, [new ValuedQuantity(StandardMetrics.Leads, 10m, null)], 1000m);

        Assert.Equal(NotComputableReason.MissingInput, result.Ratio.NotComputable!.Reason);
        Assert.Equal(FormulaInputNames.AttributedValue, result.Ratio.NotComputable.Input);
        Assert.Equal([StandardMetrics.Leads], result.Return.UnvaluedInputs);
    }

    [Fact]
    public void Roi_is_not_computable_when_a_value_per_unit_is_negative()
    {
        var result = Roi.Of(2000m, [new ValuedQuantity(StandardMetrics.Leads, 10m, -40m)], 1000m);

        Assert.Equal(NotComputableReason.NegativeInput, result.Ratio.NotComputable!.Reason);
        Assert.Equal("leads_value_per_unit", result.Ratio.NotComputable.Input);
    }

    [Fact]
    public void Roi_from_inputs_values_the_macro_actions_of_the_standard_catalogue()
    {
        // Return = 10 000 + 20 leads × 50 = 11 000. ROI = (11 000 − 2 000) ÷ 2 000 = 4.5
        var inputs = new FormulaInputs
        {
            Values = new Dictionary<string, decimal?>
            {
                [StandardMetrics.Revenue] = 10000m,
                [StandardMetrics.Leads] = 20m,
                [StandardMetrics.FormCompletions] = 7m,
                [StandardMetrics.Reach] = 50000m,
            },
            ValuesPerUnit = new Dictionary<string, decimal?> { [StandardMetrics.Leads] = 50m },
            Cost = 2000m,
        };

        var result = Roi.FromInputs(inputs);

        Assert.Equal(4.5m, result.Ratio.Value);
        Assert.Equal([StandardMetrics.FormCompletions], result.Return.UnvaluedInputs);
    }

    [Fact]
    public void Roi_from_inputs_counts_a_custom_metric_that_has_a_value()
    {
        // 4 demo requests × 250 = 1 000; ROI = (1 000 − 500) ÷ 500 = 1
        var inputs = new FormulaInputs
        {
            Values = new Dictionary<string, decimal?> { ["demo_requests"] = 4m },
            ValuesPerUnit = new Dictionary<string, decimal?> { ["demo_requests"] = 250m },
            Cost = 500m,
        };

        var result = Roi.FromInputs(inputs);

        Assert.Equal(1m, result.Ratio.Value);
        Assert.Equal(["demo_requests"], result.Return.ValuedInputs);
    }
}
