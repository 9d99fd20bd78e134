using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Importing;

/// <summary>One weekly figure: a metric on a channel for an ISO week (year × 100 + week).</summary>
public readonly record struct FigureCell(int ChannelId, int MetricId, int Week);

/// <summary>
/// Turns daily or per-post observations into weekly figures, as each metric's <see cref="Aggregation"/> requires:
/// <list type="bullet">
/// <item><see cref="Aggregation.Sum"/>: counts add up over the week.</item>
/// <item><see cref="Aggregation.Last"/>: the observation of the latest day (then the latest row of that day), e.g. followers at the end of the week.</item>
/// <item><see cref="Aggregation.Average"/>: a rate, so the mean weighted by its base (a bounce rate by the day's sessions);
/// a plain mean when some observation has no weight or every weight is 0.</item>
/// </list>
/// </summary>
public sealed class WeeklyRollup
{
    private readonly Dictionary<FigureCell, Accumulator> cells = [];

    public int Count => cells.Count;

    /// <param name="cell">The week's figure the observation belongs to.</param>
    /// <param name="aggregation">How the metric combines over a week.</param>
    /// <param name="value">The observation.</param>
    /// <param name="day">The day observed (its <see cref="DateOnly.DayNumber"/>), or 0 when the row only names a week.</param>
    /// <param name="row">The row's position in the file: breaks ties between observations of the same day.</param>
    /// <param name="weight">The base of a rate (sessions for a bounce rate); null when unknown.</param>
    public void Add(FigureCell cell, Aggregation aggregation, double value, int day, int row, double? weight = null)
    {
        ref var acc = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(cells, cell, out var exists);
        if (!exists)
        {
            acc = new Accumulator { Aggregation = aggregation, LastDay = int.MinValue, LastRow = int.MinValue };
        }

        acc.Count++;
        acc.Sum += value;
        if (weight is { } w && w >= 0 && double.IsFinite(w))
        {
            acc.WeightedSum += value * w;
            acc.WeightSum += w;
        }
        else
        {
            acc.Unweighted = true;
        }

        if (day > acc.LastDay || (day == acc.LastDay && row > acc.LastRow))
        {
            acc.LastDay = day;
            acc.LastRow = row;
            acc.Last = value;
        }
    }

    /// <summary>Every week's figure, in no particular order.</summary>
    public IEnumerable<KeyValuePair<FigureCell, double>> Figures() =>
        cells.Select(c => new KeyValuePair<FigureCell, double>(c.Key, c.Value.Result()));

    private struct Accumulator
    {
        public Aggregation Aggregation;
        public int Count;
        public double Sum;
        public double WeightedSum;
        public double WeightSum;
        public bool Unweighted;
        public int LastDay;
        public int LastRow;
        public double Last;

        public readonly double Result() => Aggregation switch
        {
            Aggregation.Sum => Sum,
            Aggregation.Last => Last,
            _ => !Unweighted && WeightSum > 0 ? WeightedSum / WeightSum : Sum / Count,
        };
    }
}
