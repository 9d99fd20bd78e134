using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// The outcome of a formula: a value with its unit, or "not computable" with the reason.
/// A figure that cannot be computed is never shown as 0.
/// </summary>
public sealed record KpiResult
{
    private KpiResult(decimal? value, KpiUnit unit, string formula, NotComputable? notComputable)
    {
        Value = value;
        Unit = unit;
        Formula = formula;
        NotComputable = notComputable;
    }

    /// <summary>The value, null when not computable. Percentages are in percent (12.5 means 12.5 %).</summary>
    public decimal? Value { get; }

    public KpiUnit Unit { get; }

    /// <summary>Identifier of the formula variant that produced the figure (e.g. "engagement-rate.by-reach").</summary>
    public string Formula { get; }

    /// <summary>Why the figure cannot be computed; null when it can.</summary>
    public NotComputable? NotComputable { get; }

    public bool IsComputable => Value is not null;

    public static KpiResult Of(decimal value, KpiUnit unit, string formula) => new(value, unit, formula, null);

    public static KpiResult Fails(string formula, KpiUnit unit, NotComputableReason reason, string input) =>
        new(null, unit, formula, new NotComputable(reason, input));

    /// <summary>A failure about one brand of a benchmark, and the week whose figure is missing when there is one.</summary>
    public static KpiResult Fails(string formula, KpiUnit unit, NotComputable notComputable) =>
        new(null, unit, formula, notComputable);
}

/// <summary>Why a figure is missing, and which input caused it.</summary>
public sealed record NotComputable(NotComputableReason Reason, string Input)
{
    /// <summary>In a benchmark, the brand (ours or a rival) whose figure is missing, zero or negative; null otherwise.</summary>
    public string? Brand { get; init; }

    /// <summary>In a benchmark, the week whose figure is missing; null when the whole period is concerned.</summary>
    public IsoWeek? Week { get; init; }

    /// <summary>The reason in words, in French or English.</summary>
    public string Describe(string locale)
    {
        var french = locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
        if (Brand is not null)
        {
            return DescribeForBrand(french);
        }

        return (Reason, french) switch
        {
            (NotComputableReason.ZeroDenominator, true) => $"non calculable : {Input} vaut 0",
            (NotComputableReason.ZeroDenominator, false) => $"not computable: {Input} is 0",
            (NotComputableReason.MissingInput, true) => $"non calculable : aucune donnée pour {Input}",
            (NotComputableReason.MissingInput, false) => $"not computable: no data for {Input}",
            (NotComputableReason.NegativeInput, true) => $"non calculable : {Input} est négatif",
            (NotComputableReason.NegativeInput, false) => $"not computable: {Input} is negative",
            (NotComputableReason.NotEnoughHistory, true) => $"non calculable : historique insuffisant pour {Input}",
            (NotComputableReason.NotEnoughHistory, false) => $"not computable: not enough history for {Input}",
            (_, true) => $"non calculable : {Input}",
            _ => $"not computable: {Input}",
        };
    }

    // "Rival X has no followers for week 34": the user must know which brand and which week to complete.
    private string DescribeForBrand(bool french)
    {
        var week = Week is { } w ? (french ? $" en semaine {w.Week} de {w.Year}" : $" for week {w.Week} of {w.Year}") : string.Empty;
        return (Reason, french) switch
        {
            (NotComputableReason.MissingInput, true) => $"non calculable : {Brand} n’a pas de donnée {Input}{week}",
            (NotComputableReason.MissingInput, false) => $"not computable: {Brand} has no {Input}{week}",
            (NotComputableReason.ZeroDenominator, true) => $"non calculable : {Input} de {Brand} vaut 0{week}",
            (NotComputableReason.ZeroDenominator, false) => $"not computable: {Input} of {Brand} is 0{week}",
            (NotComputableReason.NegativeInput, true) => $"non calculable : {Input} de {Brand} est négatif{week}",
            (NotComputableReason.NegativeInput, false) => $"not computable: {Input} of {Brand} is negative{week}",
            (_, true) => $"non calculable : {Brand} n’a pas assez d’historique pour {Input}{week}",
            _ => $"not computable: {Brand} has not enough history for {Input}{week}",
        };
    }
}

public enum NotComputableReason
{
    /// <summary>A denominator is zero (no reach, no cost…).</summary>
    ZeroDenominator,
    /// <summary>An input has no value for the period.</summary>
    MissingInput,
    /// <summary>An input that cannot be negative is.</summary>
    NegativeInput,
    /// <summary>A trend or growth needs more weeks than there are.</summary>
    NotEnoughHistory,
}
