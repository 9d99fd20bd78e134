using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Domain.Tests.Progress;

/// <summary>
/// Test data: plans over ten weeks so that the trajectory is easy to compute by hand. The start is Sunday 4 January 2026,
/// the end of ISO week 2026-W01; the deadline Sunday 15 March 2026, 70 days later, the end of 2026-W11.
/// The trajectory at the end of week 1 + k is therefore baseline + (target − baseline) × k ÷ 10.
/// </summary>
internal static class Plans
{
    public static readonly DateOnly Start = new(2026, 1, 4);
    public static readonly DateOnly Deadline = new(2026, 3, 15);

    /// <summary>Cumulative reach from 0 to 10 000: the trajectory is 1 000 per week.</summary>
    public static KpiPlan Reach(string name = "Reach") =>
        new(name, 0m, 10000m, Start, Deadline, Direction.HigherIsBetter, Aggregation.Sum);

    /// <summary>Followers (a stock) from 8 000 to 9 000.</summary>
    public static KpiPlan Followers(string name = "Followers") =>
        new(name, 8000m, 9000m, Start, Deadline, Direction.HigherIsBetter, Aggregation.Last);

    /// <summary>Average response time from 60 to 30 minutes: lower is better, the trajectory falls 3 minutes a week.</summary>
    public static KpiPlan ResponseTime(string name = "Response time") =>
        new(name, 60m, 30m, Start, Deadline, Direction.LowerIsBetter, Aggregation.Average, KpiUnit.Duration);

    public static IsoWeek Week(int week) => new(2026, week);

    public static WeeklyPoint Point(int week, decimal value) => new(Week(week), value);
}
