using System.Globalization;

namespace SocialKpi.Web.Features.WeeklyEntry;

/// <summary>
/// Reads a figure typed or pasted into the weekly grid, whichever locale wrote it: "1 234,5", "1,234.5", "1234.5",
/// "1.234,5", with ordinary, non-breaking (U+00A0), narrow (U+202F) or thin spaces as thousands separators, a leading
/// sign (also the typographic minus U+2212) and a trailing "%" (the value stays in percent, as stored).
/// <para>
/// When both "," and "." appear, the last one is the decimal separator. When only one of them appears several
/// times, it separates thousands. A single "," or "." followed by exactly three digits after a 1–3 digit
/// integer part ("1,234", "12.500") is ambiguous: spreadsheets in French write "1,234" for 1.234 and in English for
/// 1234. It is decided by the UI culture: the culture's decimal separator is read as decimal, the other one as
/// thousands (fr-FR: "1,234" = 1.234 and "1.234" = 1234; en-US: "1,234" = 1234 and "1.234" = 1.234). Anything else
/// with one separator ("1,5", "0,234", "1234,567") is a decimal.
/// </para>
/// </summary>
public static class FigureParser
{
    private static readonly char[] Spaces = [' ', '\u00A0', '\u202F', '\u2009', '\u2007'];

    /// <summary>The number in <paramref name="text"/>, or false when it is not one (text, "NaN", two signs…).</summary>
    public static bool TryParse(string? text, CultureInfo culture, out double value)
    {
        var parsed = TryParseDecimal(text, culture, out var number);
        value = (double)number;
        return parsed;
    }

    /// <summary>The number in <paramref name="text"/> as a decimal (money stays exact), or false when it is not one.</summary>
    public static bool TryParseDecimal(string? text, CultureInfo culture, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(culture);
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().Replace('\u2212', '-');
        if (s.EndsWith('%'))
        {
            s = s[..^1].TrimEnd();
        }

        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..].TrimStart();
        }

        var hadSpaces = s.IndexOfAny(Spaces) >= 0;
        s = string.Concat(s.Where(c => Array.IndexOf(Spaces, c) < 0));
        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c is ',' or '.') || !char.IsAsciiDigit(s[^1]))
        {
            return false;
        }

        var normalized = Normalize(s, hadSpaces, culture);
        if (normalized is null
            || !decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        value = negative ? -number : number;
        return true;
    }

    /// <summary>
    /// The text a stored figure shows in its cell for editing, in the user's culture and without thousands separators,
    /// so that it parses back to the same value: 1234.5 is "1234,5" in French and "1234.5" in English.
    /// </summary>
    public static string EditText<TValue>(TValue value, CultureInfo culture)
        where TValue : IFormattable =>
        value.ToString("0.##########", culture);

    /// <summary>The digits with "." as the only (decimal) separator, or null when the separators make no sense.</summary>
    private static string? Normalize(string s, bool hadSpaces, CultureInfo culture)
    {
        var commas = s.Count(c => c == ',');
        var dots = s.Count(c => c == '.');
        if (commas > 0 && dots > 0)
        {
            var decimalSeparator = s.LastIndexOf(',') > s.LastIndexOf('.') ? ',' : '.';
            var thousands = decimalSeparator == ',' ? '.' : ',';
            if (s.Count(c => c == decimalSeparator) > 1 || s.IndexOf(thousands, StringComparison.Ordinal) > s.LastIndexOf(decimalSeparator))
            {
                return null;
            }

            return s.Replace(thousands.ToString(), "", StringComparison.Ordinal).Replace(',', '.');
        }

        var separator = commas > 0 ? ',' : dots > 0 ? '.' : '\0';
        var count = Math.Max(commas, dots);
        if (count == 0)
        {
            return s;
        }

        if (count > 1)
        {
            // "1,234,567" or "1.234.567": thousands only, every group after the first of three digits.
            var groups = s.Split(separator);
            return groups.Skip(1).All(g => g.Length == 3) && groups[0].Length is >= 1 and <= 3 ? string.Concat(groups) : null;
        }

        var at = s.IndexOf(separator, StringComparison.Ordinal);
        var integerPart = s[..at];
        var fraction = s[(at + 1)..];
        var ambiguous = !hadSpaces && fraction.Length == 3 && integerPart.Length is >= 1 and <= 3 && integerPart != "0";
        if (ambiguous && culture.NumberFormat.NumberDecimalSeparator != separator.ToString())
        {
            return integerPart + fraction;
        }

        return (integerPart.Length == 0 ? "0" : integerPart) + "." + fraction;
    }
}
