using System.Globalization;
using SocialKpi.Web.Features.WeeklyEntry;

namespace SocialKpi.Web.Tests.WeeklyEntry;

public class FigureParserTests
{
    private static readonly CultureInfo French = new("fr-FR");
    private static readonly CultureInfo English = new("en-US");

    [Theory]
    [InlineData("1234.5", 1234.5)]
    [InlineData("1234,5", 1234.5)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1\u00A0234,5", 1234.5)]
    [InlineData("1\u202F234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1 234 567", 1234567)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1,234,567.25", 1234567.25)]
    [InlineData("  42 ", 42)]
    [InlineData("0,234", 0.234)]
    [InlineData("1234,567", 1234.567)]
    [InlineData("1,5", 1.5)]
    [InlineData("12,5 %", 12.5)]
    [InlineData("-3", -3)]
    [InlineData("\u22123,5", -3.5)]
    [InlineData("+7", 7)]
    [InlineData(",5", 0.5)]
    public void Numbers_of_both_locales_read_the_same_whatever_the_ui_culture(string text, double expected)
    {
        Assert.True(FigureParser.TryParse(text, French, out var inFrench));
        Assert.True(FigureParser.TryParse(text, English, out var inEnglish));
        Assert.Equal(expected, inFrench, 9);
        Assert.Equal(expected, inEnglish, 9);
    }

    [Theory]
    [InlineData("1,234", "fr-FR", 1.234)]
    [InlineData("1,234", "en-US", 1234)]
    [InlineData("1.234", "fr-FR", 1234)]
    [InlineData("1.234", "en-US", 1.234)]
    [InlineData("12,500", "en-US", 12500)]
    [InlineData("12,500", "fr-FR", 12.5)]
    public void A_single_separator_before_three_digits_is_decided_by_the_ui_culture(string text, string culture, double expected)
    {
        Assert.True(FigureParser.TryParse(text, new CultureInfo(culture), out var value));
        Assert.Equal(expected, value, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("12abc")]
    [InlineData("1,2,3")]
    [InlineData("1.2.3,4,5")]
    [InlineData("1,234.5.6")]
    [InlineData("--3")]
    [InlineData("1e5")]
    [InlineData("5,")]
    public void Text_that_is_not_a_number_is_refused(string text)
    {
        Assert.False(FigureParser.TryParse(text, French, out _));
        Assert.False(FigureParser.TryParse(text, English, out _));
    }

    [Theory]
    [InlineData(1234.5, "fr-FR", "1234,5")]
    [InlineData(1234.5, "en-US", "1234.5")]
    [InlineData(1_000_000, "fr-FR", "1000000")]
    [InlineData(0.125, "fr-FR", "0,125")]
    public void A_stored_figure_is_edited_without_thousands_separators_and_reads_back_the_same(double value, string culture, string text)
    {
        var info = new CultureInfo(culture);

        Assert.Equal(text, FigureParser.EditText(value, info));
        Assert.True(FigureParser.TryParse(text, info, out var back));
        Assert.Equal(value, back, 9);
    }
}
