using SocialKpi.Domain.Calendar;

namespace SocialKpi.Web.Features.Dashboard;

public enum PeriodKind
{
    Weeks4,
    Weeks13,
    Weeks52,
    Quarter,
    Year,
    Custom,
}

/// <summary>
/// The period picked on the dashboard, as kept in the address (<c>?period=13w</c>, <c>?period=custom&amp;from=2026-W10&amp;to=2026-W22</c>)
/// so that a link or a reload shows the same figures. Quarter and year run to date: from their first week to the last
/// complete week.
/// </summary>
public sealed record PeriodChoice(PeriodKind Kind, IsoWeek? From = null, IsoWeek? To = null)
{
    public const string QueryName = "period";
    public const string FromQueryName = "from";
    public const string ToQueryName = "to";

    public static PeriodChoice Default { get; } = new(PeriodKind.Weeks13);

    private static readonly Dictionary<string, PeriodKind> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["4w"] = PeriodKind.Weeks4,
        ["13w"] = PeriodKind.Weeks13,
        ["52w"] = PeriodKind.Weeks52,
        ["quarter"] = PeriodKind.Quarter,
        ["year"] = PeriodKind.Year,
        ["custom"] = PeriodKind.Custom,
    };

    /// <summary>The value of <c>?period=</c>.</summary>
    public string QueryValue => Names.First(n => n.Value == Kind).Key;

    /// <summary>Reads the address; anything unreadable falls back to the last 13 weeks rather than failing.</summary>
    public static PeriodChoice Parse(string? period, string? from, string? to)
    {
        if (period is null || !Names.TryGetValue(period, out var kind))
        {
            return Default;
        }

        if (kind != PeriodKind.Custom)
        {
            return new(kind);
        }

        return new(kind, IsoWeek.TryParse(from, out var first) ? first : null, IsoWeek.TryParse(to, out var last) ? last : null);
    }

    /// <summary>The weeks of the period on <paramref name="today"/>; null for a custom period that is incomplete or reversed.</summary>
    public WeekRange? Resolve(DateOnly today) => Kind switch
    {
        PeriodKind.Weeks4 => WeekRange.LastCompleteWeeks(4, today),
        PeriodKind.Weeks13 => WeekRange.LastCompleteWeeks(13, today),
        PeriodKind.Weeks52 => WeekRange.LastCompleteWeeks(52, today),
        PeriodKind.Quarter => WeekRange.QuarterToDate(today),
        PeriodKind.Year => WeekRange.YearToDate(today),
        _ => From is { } from && To is { } to && WeekRange.TryCustom(from, to, out var range) ? range : null,
    };

    /// <summary>"?period=13w" (with from and to for a custom period), to carry the period from page to page.</summary>
    public string ToQueryString() =>
        "?" + string.Join('&', QueryParameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString((string)p.Value!)}"));

    /// <summary>The query parameters that select this period.</summary>
    public IReadOnlyDictionary<string, object?> QueryParameters => new Dictionary<string, object?>
    {
        [QueryName] = QueryValue,
        [FromQueryName] = Kind == PeriodKind.Custom ? From?.ToString() : null,
        [ToQueryName] = Kind == PeriodKind.Custom ? To?.ToString() : null,
    };
}
