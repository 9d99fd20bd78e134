using System.Globalization;

namespace SocialKpi.Web.Features.Import;

/// <summary>
/// Reads the cells of an export: numbers with the file's decimal separator (thousands separators, spaces and a
/// trailing % allowed), dates in the file's format, and spots spreadsheet formulas (<c>=cmd|…</c>), which are never
/// taken as values.
/// </summary>
public static class ImportValues
{
    /// <summary>The date formats platform exports use, most specific first; "ISO week" rows use <see cref="WeekFormat"/>.</summary>
    public static IReadOnlyList<string> DateFormats { get; } =
    [
        "yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "yyyy/MM/dd", "dd-MM-yyyy", "yyyyMMdd", "d/M/yyyy", "M/d/yyyy",
    ];

    public const string WeekFormat = "yyyy-Www";

    private static readonly char[] Spaces = [' ', '\u00A0', '\u202F', '\u2009', '\u2007', '\''];

    /// <summary>A cell a spreadsheet would run as a formula: "=…", "@…", or "+…"/"-…" that is not a number.</summary>
    public static bool IsFormula(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.TrimStart();
        if (s.Length == 0)
        {
            return false;
        }

        return s[0] switch
        {
            '=' or '@' => true,
            '+' or '-' => s.Length > 1 && !char.IsAsciiDigit(s[1]) && s[1] is not '.' and not ',' and not ' ',
            _ => false,
        };
    }

    /// <summary>
    /// The number in <paramref name="text"/> with <paramref name="decimalSeparator"/> as decimal mark; the other of
    /// "," and "." and spaces separate thousands. A trailing "%" keeps the value in percent.
    /// </summary>
    public static bool TryParseNumber(string text, char decimalSeparator, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;

        // A line break or a quote left in a figure means the CSV's quoting went wrong (an unclosed quote ran on).
        if (text.AsSpan().IndexOfAny('\n', '\r', '"') >= 0)
        {
            return false;
        }

        var s = text.Trim();
        if (s.EndsWith('%'))
        {
            s = s[..^1].TrimEnd();
        }

        var thousands = decimalSeparator == ',' ? '.' : ',';
        Span<char> buffer = stackalloc char[Math.Min(s.Length, 64)];
        if (s.Length > 64)
        {
            return false;
        }

        var length = 0;
        var seenDecimal = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i] == '\u2212' ? '-' : s[i];
            if (c == thousands || Array.IndexOf(Spaces, c) >= 0)
            {
                if (seenDecimal)
                {
                    return false;
                }

                continue;
            }

            if (c == decimalSeparator)
            {
                if (seenDecimal)
                {
                    return false;
                }

                seenDecimal = true;
                c = '.';
            }
            else if (!char.IsAsciiDigit(c) && !(c is '-' or '+' && length == 0))
            {
                return false;
            }

            buffer[length++] = c;
        }

        return length > 0
               && double.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
               && double.IsFinite(value);
    }

    /// <summary>
    /// The decimal separator of a file from its number-like cells: a "," or "." followed by 1, 2 or more than 3 digits
    /// is a decimal mark; "1,234" alone is ambiguous, and a file with nothing else falls back to <paramref name="fallback"/>.
    /// </summary>
    public static char DetectDecimalSeparator(IEnumerable<string> cells, char fallback)
    {
        ArgumentNullException.ThrowIfNull(cells);
        int comma = 0, dot = 0;
        foreach (var raw in cells)
        {
            var s = raw.Trim().TrimEnd('%').Trim();
            if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c is ',' or '.' or '-' or ' ' or '\u00A0' or '\u202F'))
            {
                continue;
            }

            var lastComma = s.LastIndexOf(',');
            var lastDot = s.LastIndexOf('.');
            if (lastComma >= 0 && lastDot >= 0)
            {
                if (lastComma > lastDot)
                {
                    comma++;
                }
                else
                {
                    dot++;
                }

                continue;
            }

            var at = Math.Max(lastComma, lastDot);
            if (at < 0 || s.Count(c => c is ',' or '.') > 1)
            {
                continue;
            }

            var digitsAfter = s.Length - at - 1;
            if (digitsAfter != 3 || s[..at].TrimStart('-') == "0")
            {
                if (lastComma >= 0)
                {
                    comma++;
                }
                else
                {
                    dot++;
                }
            }
        }

        return comma > dot ? ',' : dot > comma ? '.' : fallback;
    }

    /// <summary>The day in <paramref name="text"/> read with <paramref name="format"/>; a time after the date is ignored.</summary>
    public static bool TryParseDate(string text, string format, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        date = default;
        var s = text.Trim();
        var cut = s.IndexOfAny([' ', 'T']);
        if (cut > 0 && format.Length <= cut + 2)
        {
            s = s[..cut];
        }

        return DateOnly.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
               && date.Year is >= 1900 and <= 9000;
    }

    /// <summary>
    /// The first format that reads every sampled date, or null. Day-first and month-first formats both read
    /// "05/01/2026": <paramref name="dayFirst"/> (the user's culture) decides when no day above 12 settles it.
    /// </summary>
    public static string? DetectDateFormat(IReadOnlyCollection<string> cells, bool dayFirst)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var values = cells.Where(c => c.Trim().Length > 0).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        if (values.All(v => Domain.Calendar.IsoWeek.TryParse(v, out _)))
        {
            return WeekFormat;
        }

        var candidates = DateFormats.Where(f => values.All(v => TryParseDate(v, f, out _))).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (candidates.Contains("yyyy-MM-dd"))
        {
            return "yyyy-MM-dd";
        }

        // Exports list days close together: the reading that packs the dates into the shortest span is the right one
        // ("11/02/2026, 11/03/2026…" are consecutive days month-first, months apart day-first). The culture breaks ties.
        return candidates
            .Select(f => (Format: f, Span: Span(values, f), Preferred: dayFirst ? f.StartsWith('d') : f.StartsWith('M')))
            .OrderBy(c => c.Span).ThenByDescending(c => c.Preferred).First().Format;
    }

    private static int Span(List<string> values, string format)
    {
        var days = values.Select(v => TryParseDate(v, format, out var d) ? d.DayNumber : 0).ToList();
        return days.Max() - days.Min();
    }
}
