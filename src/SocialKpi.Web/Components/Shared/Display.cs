using System.Globalization;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using Microsoft.Extensions.Localization;
using SocialKpi.Domain.Progress;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Resources;

namespace SocialKpi.Web.Components.Shared;

/// <summary>
/// The one place where figures become text, in the user's culture: fr-FR gives "1 234,5" and "12,5 %",
/// en-US "1,234.5" and "12.5%". A missing value is a dash, never 0.
/// </summary>
public static class Display
{
    public const string Missing = "—";

    public static string Number(decimal? value, KpiUnit unit, string currency = "EUR")
    {
        if (value is not { } v)
        {
            return Missing;
        }

        var culture = CultureInfo.CurrentCulture;
        var french = culture.TwoLetterISOLanguageName == "fr";
        return unit switch
        {
            KpiUnit.Percent => v.ToString("#,##0.00", culture) + (french ? "\u00A0%" : "%"),
            KpiUnit.Currency => v.ToString("#,##0.00", culture) + "\u00A0" + CurrencySymbol(currency),
            KpiUnit.Duration => v.ToString("#,##0", culture) + "\u00A0min",
            KpiUnit.Ratio => v.ToString("#,##0.00", culture),
            _ => Math.Abs(v) >= 100 ? v.ToString("#,##0", culture) : v.ToString("#,##0.##", culture),
        };
    }

    /// <summary>
    /// A chart axis label (Radzen passes the tick as an object): as few decimals as the tick needs — "60 %", "12,5 %",
    /// "2,25" — where a table figure keeps two.
    /// </summary>
    public static string Tick(object value, KpiUnit unit, string currency = "EUR")
    {
        var v = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        var culture = CultureInfo.CurrentCulture;
        var number = v.ToString(Math.Abs(v) >= 100 ? "#,##0" : "#,##0.##", culture);
        return unit switch
        {
            KpiUnit.Percent => number + (culture.TwoLetterISOLanguageName == "fr" ? "\u00A0%" : "%"),
            KpiUnit.Currency => number + "\u00A0" + CurrencySymbol(currency),
            KpiUnit.Duration => number + "\u00A0min",
            _ => number,
        };
    }

    /// <summary>A stored weekly figure (a double) as the entry grid shows it: "1 234,5" in French.</summary>
    public static string Figure(double? value) =>
        value is { } v ? v.ToString(Math.Abs(v) >= 100 ? "#,##0.##" : "#,##0.####", CultureInfo.CurrentCulture) : Missing;

    /// <summary>A moment in the user's culture and the server's time zone: "23 nov. 2026 22:05".</summary>
    public static string Moment(DateTimeOffset moment) => moment.ToLocalTime().ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    public static string Percent(decimal? fraction) =>
        fraction is { } f ? Number(f * 100m, KpiUnit.Percent) : Missing;

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"S47" in French, "W47" in English, as on the charts.</summary>
    public static string Week(IsoWeek week) =>
        (CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr" ? "S" : "W") + week.Week.ToString(CultureInfo.InvariantCulture);

    /// <summary>"S35 2026 – S47 2026" in French, "W35 2026 – W47 2026" in English.</summary>
    public static string Weeks(WeekRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return $"{Week(range.From)} {range.From.Year.ToString(CultureInfo.InvariantCulture)} – {Week(range.To)} {range.To.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>A formula's value, or "not computable: …" with the reason in the user's language (never 0).</summary>
    public static string Result(KpiResult result, IStringLocalizer<Strings> text, string currency = "EUR")
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.NotComputable is { } missing ? Reason(missing, text) : Number(result.Value, result.Unit, currency);
    }

    /// <summary>The reason a figure is missing, with its input named in the user's language ("no data for Reach").</summary>
    public static string Reason(NotComputable missing, IStringLocalizer<Strings> text)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(text);
        var french = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";
        var input = missing.Input switch
        {
            FormulaInputNames.Cost => text["InputCost"].Value,
            FormulaInputNames.Engagements => text["InputEngagements"].Value,
            FormulaInputNames.AttributedValue => text["InputAttributedValue"].Value,
            var key => StandardMetrics.Find(key) is { } metric ? (french ? metric.NameFr : metric.NameEn) : key,
        };
        return (missing with { Input = input }).Describe(Locale);
    }

    /// <summary>A change between two periods: "+1,5 pt" for rates (percentage points), "+20,0 %" otherwise; a dash when not computable.</summary>
    public static string Change(KpiResult change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Value is not { } v)
        {
            return Missing;
        }

        var culture = CultureInfo.CurrentCulture;
        var french = culture.TwoLetterISOLanguageName == "fr";
        var number = Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("+#,##0.0;−#,##0.0;0.0", culture);
        return change.Formula == PeriodChange.PointsKey
            ? number + "\u00A0pt"
            : number + (french ? "\u00A0%" : "%");
    }

    /// <summary>": " in English, " : " (non-breaking space first) in French, between a label and its value.</summary>
    public static string Colon => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? "\u00A0: " : ": ";

    public static string Locale => CultureInfo.CurrentUICulture.Name;

    public static string StatusKey(KpiStatus status) => "Status" + status;

    /// <summary>The roles, with their names in the user's language, for drop-downs.</summary>
    public static IReadOnlyList<Option<WorkspaceRole>> RoleOptions(IStringLocalizer<Strings> text) =>
        Enum.GetValues<WorkspaceRole>().Select(r => new Option<WorkspaceRole>(r, text["Role" + r])).ToList();

    public static IReadOnlyList<Option<string>> LanguageOptions { get; } =
        [new(SupportedLocales.French, "Français"), new(SupportedLocales.English, "English")];

    public static Radzen.BadgeStyle StatusBadge(KpiStatus status) => status switch
    {
        KpiStatus.OnTrack => Radzen.BadgeStyle.Success,
        KpiStatus.AtRisk => Radzen.BadgeStyle.Warning,
        KpiStatus.OffTrack => Radzen.BadgeStyle.Danger,
        _ => Radzen.BadgeStyle.Light,
    };

    public static string CurrencySymbol(string currency) => currency switch
    {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        _ => currency,
    };
}

/// <summary>A value and its label, for drop-downs.</summary>
public sealed record Option<T>(T Value, string Text);
