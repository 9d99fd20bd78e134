using SocialKpi.Domain.Calendar;

namespace SocialKpi.Domain.Progress;

/// <summary>
/// Where a KPI should be on a given day if it progressed steadily: a straight line from <see cref="Baseline"/> on
/// <see cref="Start"/> to <see cref="Target"/> on <see cref="Deadline"/>. Linear because nothing better is known in
/// advance, and because a user can check it by hand. Before the start it is the baseline; from the deadline on, the target.
/// </summary>
public sealed record Trajectory(decimal Baseline, decimal Target, DateOnly Start, DateOnly Deadline)
{
    /// <summary>The expected value on <paramref name="date"/>, interpolated by day.</summary>
    public decimal ValueAt(DateOnly date)
    {
        if (date >= Deadline)
        {
            return Target;
        }

        if (date <= Start)
        {
            return Baseline;
        }

        decimal elapsed = date.DayNumber - Start.DayNumber;
        decimal total = Deadline.DayNumber - Start.DayNumber;
        try
        {
            return Baseline + ((Target - Baseline) * elapsed / total);
        }
        catch (OverflowException)
        {
            // Baseline and target of opposite signs near decimal's limits: the weighted mean cannot overflow.
            var fraction = elapsed / total;
            return (Baseline * (1m - fraction)) + (Target * fraction);
        }
    }

    /// <summary>
    /// The expected value at the end of <paramref name="week"/> (its Sunday): a week's figures are known once it is over,
    /// so they are compared with where the KPI should be when the week ends.
    /// </summary>
    public decimal ValueAt(IsoWeek week) => ValueAt(week.Sunday);
}
