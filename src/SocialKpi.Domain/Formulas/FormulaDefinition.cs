using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// One formula of the <see cref="FormulaCatalog"/>: what it is called and means for the user, in French and English,
/// what it needs, and how to evaluate it on a period's inputs.
/// </summary>
public sealed class FormulaDefinition
{
    private readonly Func<FormulaInputs, KpiResult> compute;

    internal FormulaDefinition(
        FormulaId id,
        string key,
        (string Fr, string En) name,
        (string Fr, string En) definition,
        KpiUnit unit,
        Direction naturalDirection,
        IReadOnlyList<string> metricKeys,
        FormulaNeeds needs,
        Func<FormulaInputs, KpiResult> compute)
    {
        Id = id;
        Key = key;
        NameFr = name.Fr;
        NameEn = name.En;
        DefinitionFr = definition.Fr;
        DefinitionEn = definition.En;
        Unit = unit;
        NaturalDirection = naturalDirection;
        MetricKeys = metricKeys;
        NeedsCost = needs.HasFlag(FormulaNeeds.Cost);
        NeedsStartValue = needs.HasFlag(FormulaNeeds.StartValue);
        NeedsAllTrackedBrandsMentions = needs.HasFlag(FormulaNeeds.AllTrackedBrandsMentions);
        NeedsCompetitors = needs.HasFlag(FormulaNeeds.Competitors);
        MeasuredSinceStart = needs.HasFlag(FormulaNeeds.SinceStart);
        this.compute = compute;
    }

    public FormulaId Id { get; }

    /// <summary>Stable identifier, the same as <see cref="KpiResult.Formula"/> of its results, e.g. "engagement-rate.by-reach".</summary>
    public string Key { get; }

    public string NameFr { get; }

    public string NameEn { get; }

    /// <summary>One or two sentences for the user: the formula in words.</summary>
    public string DefinitionFr { get; }

    public string DefinitionEn { get; }

    public KpiUnit Unit { get; }

    /// <summary>Whether more is better (engagement rate) or less (CPC, response time): the default direction of a KPI on it.</summary>
    public Direction NaturalDirection { get; }

    /// <summary>The metrics it reads, as <see cref="Metrics.StandardMetrics"/> keys.</summary>
    public IReadOnlyList<string> MetricKeys { get; }

    /// <summary>Whether it needs the period's total cost (<see cref="FormulaInputs.Cost"/>).</summary>
    public bool NeedsCost { get; }

    /// <summary>Whether it needs the value of a metric at the start of the period (<see cref="FormulaInputs.StartValues"/>).</summary>
    public bool NeedsStartValue { get; }

    /// <summary>Whether it needs the mentions of all tracked brands (<see cref="FormulaInputs.AllTrackedBrandsMentions"/>).</summary>
    public bool NeedsAllTrackedBrandsMentions { get; }

    /// <summary>Whether it compares the brand with its rivals (<see cref="FormulaInputs.Benchmark"/>).</summary>
    public bool NeedsCompetitors { get; }

    /// <summary>
    /// Whether each week's value covers the whole time since the objective started (a rank on follower growth since the
    /// start) rather than the week alone.
    /// </summary>
    public bool MeasuredSinceStart { get; }

    public string Name(string locale) => IsFrench(locale) ? NameFr : NameEn;

    public string Definition(string locale) => IsFrench(locale) ? DefinitionFr : DefinitionEn;

    /// <summary>Evaluates the formula on period-aggregated inputs. Never throws on missing, zero or negative inputs.</summary>
    public KpiResult Compute(FormulaInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return compute(inputs);
    }

    public override string ToString() => Key;

    private static bool IsFrench(string locale) =>
        locale is not null && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Inputs other than metrics that a formula needs.</summary>
[Flags]
internal enum FormulaNeeds
{
    None = 0,
    Cost = 1,
    StartValue = 2,
    AllTrackedBrandsMentions = 4,
    Competitors = 8,
    SinceStart = 16,
}
