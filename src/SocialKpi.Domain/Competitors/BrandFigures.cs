using SocialKpi.Domain.Calendar;

namespace SocialKpi.Domain.Competitors;

/// <summary>One weekly figure of a brand: a benchmark metric's value, channels already combined.</summary>
public readonly record struct BrandWeekValue(IsoWeek Week, BenchmarkMetric Metric, decimal Value);

/// <summary>
/// The weekly public figures of one tracked brand — the workspace's own brand (read from its metric values) or a rival —
/// from which the benchmark figures (<see cref="Formulas.Benchmark"/>) are computed.
/// </summary>
public sealed class BrandFigures
{
    private readonly Dictionary<(int Week, BenchmarkMetric Metric), decimal> values;

    public BrandFigures(string name, bool isOwnBrand, IsoWeek trackedFrom, IEnumerable<BrandWeekValue> weekly)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        Name = name;
        IsOwnBrand = isOwnBrand;
        TrackedFrom = trackedFrom;
        values = weekly.ToDictionary(v => (v.Week.Key, v.Metric), v => v.Value);
    }

    public string Name { get; }

    public bool IsOwnBrand { get; }

    /// <summary>The first week the brand is tracked: before it, it is left out of comparisons instead of missing.</summary>
    public IsoWeek TrackedFrom { get; }

    /// <summary>The figure of a week; null when none was entered.</summary>
    public decimal? Value(BenchmarkMetric metric, IsoWeek week) =>
        values.TryGetValue((week.Key, metric), out var value) ? value : null;

    /// <summary>Whether the brand is tracked during at least one week up to <paramref name="to"/>.</summary>
    public bool IsTrackedBy(IsoWeek to) => TrackedFrom <= to;
}
