using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// What a formula of the <see cref="FormulaCatalog"/> is evaluated on: the metric values of one period, already
/// aggregated over its weeks (see <see cref="PeriodAggregation"/>), plus the few inputs that are not metrics.
/// A key that is absent and a key whose value is null both mean "no data for the period" — never 0.
/// </summary>
public sealed record FormulaInputs
{
    private static readonly IReadOnlyDictionary<string, decimal?> None = new Dictionary<string, decimal?>(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, decimal?> values = None;
    private readonly IReadOnlyDictionary<string, decimal?> valuesPerUnit = None;
    private readonly IReadOnlyDictionary<string, decimal?> startValues = None;

    /// <summary>The period value of each metric, by metric key (e.g. "reach" → 12 000).</summary>
    public IReadOnlyDictionary<string, decimal?> Values
    {
        get => values;
        init => values = value ?? None;
    }

    /// <summary>The period's total cost in the workspace currency (every cost category); null when no cost was entered.</summary>
    public decimal? Cost { get; init; }

    /// <summary>What one unit of a metric is worth to the business, by metric key (e.g. "leads" → 40), used by ROI and ROE.</summary>
    public IReadOnlyDictionary<string, decimal?> ValuesPerUnit
    {
        get => valuesPerUnit;
        init => valuesPerUnit = value ?? None;
    }

    /// <summary>
    /// For growth formulas, the value of a metric at the start of the period, by metric key: for a stock such as followers,
    /// the last weekly value before the period's first week.
    /// </summary>
    public IReadOnlyDictionary<string, decimal?> StartValues
    {
        get => startValues;
        init => startValues = value ?? None;
    }

    /// <summary>Mentions of every tracked brand over the period, the workspace's own brand included (share of voice).</summary>
    public decimal? AllTrackedBrandsMentions { get; init; }

    /// <summary>
    /// The brands compared by the relative formulas (share of voice from competitor figures, ranks): ours and the rivals,
    /// weekly, with the period to compare over. Null when the workspace tracks no rival.
    /// </summary>
    public BenchmarkInputs? Benchmark { get; init; }

    /// <summary>The period value of a metric; null when there is no data.</summary>
    public decimal? Value(string metricKey) => values.TryGetValue(metricKey, out var value) ? value : null;

    /// <summary>The value at the start of the period of a metric; null when there is no data.</summary>
    public decimal? StartValue(string metricKey) => startValues.TryGetValue(metricKey, out var value) ? value : null;

    /// <summary>What one unit of a metric is worth; null when no value is set.</summary>
    public decimal? ValuePerUnit(string metricKey) => valuesPerUnit.TryGetValue(metricKey, out var value) ? value : null;
}

/// <summary>The weekly figures of the tracked brands (the workspace's own included) and the period to compare them over.</summary>
public sealed record BenchmarkInputs(IReadOnlyList<BrandFigures> Brands, IsoWeek From, IsoWeek To);
