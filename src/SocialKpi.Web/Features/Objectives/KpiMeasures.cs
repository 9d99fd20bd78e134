using System.Globalization;
using Microsoft.Extensions.Localization;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Web.Components.Shared;
using SocialKpi.Web.Resources;

namespace SocialKpi.Web.Features.Objectives;

/// <summary>
/// The "metric or formula" choice of the KPI form: one list of the workspace's metrics and the formula library, each
/// option written "m:reach" or "f:Ctr", and what choosing one implies for the KPI's name, unit, aggregation and direction.
/// </summary>
public static class KpiMeasures
{
    public static IReadOnlyList<Option<string>> Options(KpiChoices choices, string locale, IStringLocalizer<Strings> text)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(text);
        var metric = text["KpiMeasureMetric"].Value;
        var formula = text["KpiMeasureFormula"].Value;
        return
        [
            .. choices.Metrics.Select(m => new Option<string>("m:" + m.Key, $"{metric} · {m.Name(locale)}")),
            .. FormulaCatalog.All.Select(f => new Option<string>("f:" + f.Id, $"{formula} · {f.Name(locale)}")),
        ];
    }

    /// <summary>The option of the draft's measure; null when it has none.</summary>
    public static string? ValueOf(KpiDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Formula is { } f ? "f:" + f : draft.TrimmedMetricKey is { } key ? "m:" + key : null;
    }

    /// <summary>
    /// Sets the draft's measure from an option, with the measure's unit, aggregation and natural direction; the KPI's
    /// name follows the measure until the user writes another.
    /// </summary>
    public static void Apply(KpiDraft draft, string? option, KpiChoices choices, string locale)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(choices);
        var previousName = NameOf(draft, choices, locale);
        draft.MetricKey = null;
        draft.Formula = null;
        if (option is null)
        {
            return;
        }

        if (option.StartsWith("f:", StringComparison.Ordinal) && Enum.TryParse<FormulaId>(option[2..], out var id))
        {
            var definition = FormulaCatalog.Get(id);
            draft.Formula = id;
            draft.Unit = definition.Unit;
            draft.Aggregation = Aggregation.Average;
            draft.Direction = definition.NaturalDirection;
        }
        else if (option.StartsWith("m:", StringComparison.Ordinal) && choices.Metrics.FirstOrDefault(m => m.Key == option[2..]) is { } metric)
        {
            draft.MetricKey = metric.Key;
            draft.Unit = KpiRules.UnitOf(metric.Unit);
            draft.Aggregation = metric.Aggregation;
            draft.Direction = Direction.HigherIsBetter;
        }

        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name == previousName)
        {
            draft.Name = NameOf(draft, choices, locale);
        }
    }

    /// <summary>What the chosen measure is, in words: the formula's definition, or the metric's unit and aggregation.</summary>
    public static string? Definition(KpiDraft draft, KpiChoices choices, string locale, IStringLocalizer<Strings> text)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(text);
        if (draft.Formula is { } formula)
        {
            return FormulaCatalog.Get(formula).Definition(locale);
        }

        return choices.Metrics.FirstOrDefault(m => m.Key == draft.TrimmedMetricKey) is { } metric
            ? string.Create(CultureInfo.CurrentCulture, $"{metric.Name(locale)} ({metric.Key}) · {text["Unit" + metric.Unit]} · {text["Aggregation" + metric.Aggregation]}")
            : null;
    }

    /// <summary>The values of an enum with their names from the strings "{prefix}{value}".</summary>
    public static IReadOnlyList<Option<TEnum?>> Options<TEnum>(string prefix, IStringLocalizer<Strings> text)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        return Enum.GetValues<TEnum>().Select(v => new Option<TEnum?>(v, text[prefix + v])).ToList();
    }

    private static string? NameOf(KpiDraft draft, KpiChoices choices, string locale) =>
        draft.Formula is { } f ? FormulaCatalog.Get(f).Name(locale)
        : choices.Metrics.FirstOrDefault(m => m.Key == draft.TrimmedMetricKey)?.Name(locale);
}
