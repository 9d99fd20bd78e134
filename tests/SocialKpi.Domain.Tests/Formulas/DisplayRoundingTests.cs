using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Tests.Formulas;

public class DisplayRoundingTests
{
    [Theory]
    [InlineData("2.345", KpiUnit.Currency, "2.35")] // half away from zero; banker's rounding would give 2.34
    [InlineData("0.125", KpiUnit.Currency, "0.13")]
    [InlineData("-2.345", KpiUnit.Currency, "-2.35")]
    [InlineData("9.255", KpiUnit.Percent, "9.26")]
    [InlineData("2.345", KpiUnit.Ratio, "2.35")]
    [InlineData("12.25", KpiUnit.Duration, "12.3")]
    [InlineData("12.5", KpiUnit.Count, "13")]
    public void Display_rounding_is_half_away_from_zero_to_the_places_of_the_unit(string value, KpiUnit unit, string expected)
    {
        var rounded = DisplayRounding.Round(Parse(value), unit);

        Assert.Equal(Parse(expected), rounded);
    }

    [Fact]
    public void Display_rounding_of_a_result_that_is_not_computable_is_null()
    {
        Assert.Null(DisplayRounding.Round(EngagementRate.ByReach(10m, 0m)));
    }

    [Fact]
    public void Display_rounding_of_a_result_uses_its_unit()
    {
        // 1 ÷ 3 × 100 = 33.333… % → 33.33 %
        Assert.Equal(33.33m, DisplayRounding.Round(EngagementRate.ByReach(1m, 3m)));
    }

    private static decimal Parse(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
