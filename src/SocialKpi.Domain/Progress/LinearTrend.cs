namespace SocialKpi.Domain.Progress;

/// <summary>An ordinary least-squares line y = intercept + slope × x.</summary>
internal readonly record struct LinearTrend(decimal Slope, decimal Intercept)
{
    /// <summary>The least-squares line through the points; null when all x are equal (no line is defined).</summary>
    public static LinearTrend? Fit(IReadOnlyList<(decimal X, decimal Y)> points)
    {
        if (points.Count < 2)
        {
            return null;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        decimal covariance = 0m;
        decimal variance = 0m;
        foreach (var (x, y) in points)
        {
            covariance += (x - meanX) * (y - meanY);
            variance += (x - meanX) * (x - meanX);
        }

        if (variance == 0m)
        {
            return null;
        }

        var slope = covariance / variance;
        return new LinearTrend(slope, meanY - (slope * meanX));
    }

    public decimal At(decimal x) => Intercept + (Slope * x);
}
