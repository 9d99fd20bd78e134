using SocialKpi.Web.Features.Import;

namespace SocialKpi.Web.Tests.Import;

public class ImportValuesTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("+cmd|'/C calc'")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("  =1+1")]
    public void Formula_leading_cells_are_never_taken_as_values(string cell) =>
        Assert.True(ImportValues.IsFormula(cell) || !ImportValues.TryParseNumber(cell, '.', out _));

    [Theory]
    [InlineData("-12")]
    [InlineData("+4,5")]
    [InlineData("1234")]
    public void Signed_numbers_are_not_formulas(string cell) => Assert.False(ImportValues.IsFormula(cell));

    [Theory]
    [InlineData("1 234,5", ',', 1234.5)]
    [InlineData("1\u202F234,5", ',', 1234.5)]
    [InlineData("1.234,5", ',', 1234.5)]
    [InlineData("1,234.5", '.', 1234.5)]
    [InlineData("12,5 %", ',', 12.5)]
    [InlineData("0.4523", '.', 0.4523)]
    public void Numbers_are_read_with_the_files_decimal_separator(string text, char separator, double expected)
    {
        Assert.True(ImportValues.TryParseNumber(text, separator, out var value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,2,3.4.5")]
    [InlineData("NaN")]
    [InlineData("1e400")]
    [InlineData("")]
    public void Text_that_is_not_a_number_is_refused(string text) => Assert.False(ImportValues.TryParseNumber(text, '.', out _));

    [Fact]
    public void The_decimal_separator_is_the_one_followed_by_other_than_three_digits()
    {
        Assert.Equal(',', ImportValues.DetectDecimalSeparator(["1 234,5", "12", "3,25"], '.'));
        Assert.Equal('.', ImportValues.DetectDecimalSeparator(["1,234.5", "0.45"], ','));
        Assert.Equal(',', ImportValues.DetectDecimalSeparator(["1,234", "2,345"], ','));
    }

    [Fact]
    public void Month_first_dates_of_consecutive_days_are_read_month_first_even_for_a_French_user()
    {
        var format = ImportValues.DetectDateFormat(["11/02/2026", "11/03/2026", "11/04/2026"], dayFirst: true);

        Assert.Equal("MM/dd/yyyy", format);
    }

    [Fact]
    public void Day_first_dates_a_day_above_12_settles_are_read_day_first()
    {
        Assert.Equal("dd/MM/yyyy", ImportValues.DetectDateFormat(["12/11/2026", "13/11/2026"], dayFirst: false));
    }

    [Fact]
    public void Iso_weeks_Google_Analytics_dates_and_timestamps_are_recognised()
    {
        Assert.Equal(ImportValues.WeekFormat, ImportValues.DetectDateFormat(["2026-W05", "2026-W06"], dayFirst: true));
        Assert.Equal("yyyyMMdd", ImportValues.DetectDateFormat(["20261102", "20261103"], dayFirst: true));
        Assert.Equal("yyyy-MM-dd", ImportValues.DetectDateFormat(["2026-11-02 14:05:00", "2026-11-03T09:00:00"], dayFirst: true));
        Assert.Null(ImportValues.DetectDateFormat(["yesterday"], dayFirst: true));
    }
}
