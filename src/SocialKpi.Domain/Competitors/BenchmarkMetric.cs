using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Competitors;

/// <summary>The public figures tracked for every brand, ours and the rivals'.</summary>
public enum BenchmarkMetric
{
    /// <summary>Followers at the end of the week.</summary>
    Followers,
    Posts,
    Likes,
    Comments,
    Shares,
    VideoViews,
    Mentions,
    /// <summary>Average online rating, in stars (0 to 5).</summary>
    Rating,
    /// <summary>Number of online reviews at the end of the week.</summary>
    Reviews,
}

/// <summary>
/// Keys, aggregation and brand-side source of each <see cref="BenchmarkMetric"/>. The brand's own figures are not entered
/// twice: they are read from its weekly metric values (<see cref="BrandMetricKey"/>), so a benchmark always agrees with
/// the brand's dashboard.
/// </summary>
public static class BenchmarkMetrics
{
    public static IReadOnlyList<BenchmarkMetric> All { get; } = Enum.GetValues<BenchmarkMetric>();

    /// <summary>Stable key used by the API and imports ("followers", "video_views"…).</summary>
    public static string Key(BenchmarkMetric metric) => metric switch
    {
        BenchmarkMetric.Followers => StandardMetrics.Followers,
        BenchmarkMetric.Posts => StandardMetrics.Posts,
        BenchmarkMetric.Likes => "likes",
        BenchmarkMetric.Comments => StandardMetrics.Comments,
        BenchmarkMetric.Shares => StandardMetrics.Shares,
        BenchmarkMetric.VideoViews => StandardMetrics.VideoViews,
        BenchmarkMetric.Mentions => StandardMetrics.Mentions,
        BenchmarkMetric.Rating => "rating",
        BenchmarkMetric.Reviews => "reviews",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    public static BenchmarkMetric? FromKey(string? key) => All.Cast<BenchmarkMetric?>().FirstOrDefault(m => Key(m!.Value) == key);

    /// <summary>The <see cref="StandardMetrics"/> key the brand's own figure is read from.</summary>
    public static string BrandMetricKey(BenchmarkMetric metric) => metric switch
    {
        BenchmarkMetric.Likes => StandardMetrics.Reactions,
        BenchmarkMetric.Rating => StandardMetrics.OnlineRating,
        BenchmarkMetric.Reviews => StandardMetrics.Reviews,
        _ => Key(metric),
    };

    /// <summary>
    /// How weeks combine: followers and reviews are stocks (last value), the rating a mean, the rest counts (sum).
    /// Across channels a week's values are added up, except the rating, which is averaged.
    /// </summary>
    public static Aggregation Aggregation(BenchmarkMetric metric) => metric switch
    {
        BenchmarkMetric.Followers or BenchmarkMetric.Reviews => Kpis.Aggregation.Last,
        BenchmarkMetric.Rating => Kpis.Aggregation.Average,
        _ => Kpis.Aggregation.Sum,
    };

    /// <summary>Whether a value is acceptable: counts are whole and not negative, a rating lies between 0 and 5 stars.</summary>
    public static bool IsValid(BenchmarkMetric metric, decimal value) => metric == BenchmarkMetric.Rating
        ? value is >= 0m and <= 5m
        : value >= 0m && value == decimal.Truncate(value);
}
