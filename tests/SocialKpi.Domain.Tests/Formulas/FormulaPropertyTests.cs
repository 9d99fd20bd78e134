using FsCheck.Xunit;

using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Tests.Formulas;

public class FormulaPropertyTests
{
    private static readonly decimal[] Extremes = [decimal.MaxValue, decimal.MinValue, 0m, 1m, -1m, 0.0000000000000000000000000001m, 79228162514264337593543950.335m];

    [Property(MaxTest = 300)]
    public bool No_catalogue_formula_throws_on_any_inputs(decimal?[] values, decimal? cost, decimal? followersAtStart, decimal? allBrands, decimal? leadValue)
    {
        var inputs = Inputs(values ?? [], cost, followersAtStart, allBrands, leadValue);

        foreach (var definition in FormulaCatalog.All)
        {
            var result = definition.Compute(inputs);
            if (result.IsComputable == (result.NotComputable is not null))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void No_catalogue_formula_throws_on_the_extremes_of_decimal()
    {
        foreach (var a in Extremes)
        {
            foreach (var b in Extremes)
            {
                var values = StandardMetrics.All.Select((_, i) => (decimal?)(i % 2 == 0 ? a : b)).ToArray();
                var inputs = Inputs(values, b, a, b, a);

                foreach (var definition in FormulaCatalog.All)
                {
                    var result = definition.Compute(inputs);
                    Assert.Equal(result.IsComputable, result.NotComputable is null);
                }
            }
        }
    }

    [Property]
    public bool A_rate_is_computable_exactly_when_both_inputs_are_present_non_negative_and_the_denominator_is_not_zero(decimal? engagements, decimal? reach)
    {
        var result = EngagementRate.ByReach(engagements, reach);
        var expectComputable = engagements >= 0m && reach > 0m && !Overflows(engagements!.Value, reach!.Value);

        return result.IsComputable == expectComputable && (result.Value ?? 0m) >= 0m;
    }

    [Property]
    public bool Roi_is_zero_when_the_return_equals_the_cost(decimal amount)
    {
        var cost = Math.Abs(amount);

        var result = Roi.Of(cost, cost);

        return cost == 0m ? !result.Ratio.IsComputable : result.Ratio.Value == 0m && result.Percent.Value == 0m;
    }

    [Property]
    public bool Roi_percent_is_always_100_times_the_ratio(decimal revenue, decimal cost)
    {
        var result = Roi.Of(Math.Abs(revenue), Math.Abs(cost));

        return result.Ratio.Value is not { } ratio || result.Percent.Value == ratio * 100m;
    }

    private static bool Overflows(decimal numerator, decimal denominator)
    {
        try
        {
            _ = numerator / denominator * 100m;
            return false;
        }
        catch (OverflowException)
        {
            return true;
        }
    }

    private static FormulaInputs Inputs(decimal?[] values, decimal? cost, decimal? followersAtStart, decimal? allBrands, decimal? leadValue)
    {
        var byKey = new Dictionary<string, decimal?>();
        for (var i = 0; i < StandardMetrics.All.Count; i++)
        {
            byKey[StandardMetrics.All[i].Key] = values.Length == 0 ? null : values[i % values.Length];
        }

        return new FormulaInputs
        {
            Values = byKey,
            Cost = cost,
            StartValues = new Dictionary<string, decimal?> { [StandardMetrics.Followers] = followersAtStart },
            AllTrackedBrandsMentions = allBrands,
            ValuesPerUnit = new Dictionary<string, decimal?> { [StandardMetrics.Leads] = leadValue, [StandardMetrics.Conversions] = leadValue },
        };
    }
}
