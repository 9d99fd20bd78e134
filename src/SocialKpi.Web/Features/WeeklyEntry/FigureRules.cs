using SocialKpi.Domain.Metrics;

namespace SocialKpi.Web.Features.WeeklyEntry;

/// <summary>What is wrong with a figure, for a message in the user's language (grid) or in the API's English.</summary>
public enum FigureProblem
{
    /// <summary>The text is not a number (words, "NaN", two signs…).</summary>
    NotANumber,
    /// <summary>NaN or an infinity reached through the API.</summary>
    NotFinite,
    /// <summary>A percentage below 0 or above 100.</summary>
    PercentOutOfRange,
    /// <summary>Counts, amounts and durations are never negative.</summary>
    Negative,
    /// <summary>The cell was emptied: a stored figure cannot be removed by the grid.</summary>
    Missing,
}

/// <summary>
/// The rules every weekly figure obeys, whoever writes it: the entry grid and the REST API call this one place, so
/// a value the API refuses is refused in the grid too, for the same reason.
/// </summary>
public static class FigureRules
{
    /// <summary>Null when <paramref name="value"/> is acceptable for a metric measured in <paramref name="unit"/>.</summary>
    public static FigureProblem? Check(double value, MetricUnit unit)
    {
        if (!double.IsFinite(value))
        {
            return FigureProblem.NotFinite;
        }

        if (unit == MetricUnit.Percent && value is < 0 or > 100)
        {
            return FigureProblem.PercentOutOfRange;
        }

        return value < 0 ? FigureProblem.Negative : null;
    }
}
