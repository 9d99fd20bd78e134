using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// How the weekly values of a metric combine into one value for a period (<see cref="Aggregation"/>). The SQL aggregation
/// of the data layer must give the same results, so the rules are kept to what SQL does natively:
/// missing weeks are ignored (like NULL in SUM and AVG), and a period without any value has no value (null), never 0.
/// <list type="bullet">
/// <item><see cref="Aggregation.Sum"/>: the total of the weeks with a value (SQL <c>SUM</c>).</item>
/// <item><see cref="Aggregation.Average"/>: the plain mean of the weeks with a value (SQL <c>AVG</c>), each week weighing the same.</item>
/// <item><see cref="Aggregation.Last"/>: the value of the latest week that has one.</item>
/// </list>
/// Values beyond the range of decimal (about 7.9 × 10^28) throw <see cref="OverflowException"/>, as in SQL.
/// </summary>
public static class PeriodAggregation
{
    /// <summary>Combines values given in time order; null entries are weeks without data.</summary>
    public static decimal? Aggregate(IEnumerable<decimal?> values, Aggregation aggregation)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (present.Count == 0)
        {
            return null;
        }

        return aggregation switch
        {
            Aggregation.Sum => present.Sum(),
            Aggregation.Average => present.Average(),
            Aggregation.Last => present[^1],
            _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation."),
        };
    }

    /// <summary>Combines weekly points in any order; <see cref="Aggregation.Last"/> takes the point of the latest week.</summary>
    public static decimal? Aggregate(IEnumerable<WeeklyPoint> points, Aggregation aggregation)
    {
        ArgumentNullException.ThrowIfNull(points);
        return Aggregate(points.OrderBy(p => p.Week).Select(p => (decimal?)p.Value), aggregation);
    }
}
