using SocialKpi.Domain.Calendar;

namespace SocialKpi.Domain.Reporting;

/// <summary>The parts a report can hold, in the order they are printed.</summary>
[Flags]
public enum ReportSections
{
    None = 0,
    Summary = 1,
    Headlines = 2,
    Objectives = 4,
    Channels = 8,
    Commentary = 16,
    Appendix = 32,
    /// <summary>The brand against its rivals; printed only when the workspace tracks rivals.</summary>
    Competitors = 64,
    All = Summary | Headlines | Objectives | Channels | Commentary | Appendix | Competitors,
}

/// <summary>What the period is compared with.</summary>
public enum ReportComparison
{
    /// <summary>The same number of weeks just before the period.</summary>
    PreviousPeriod,
    /// <summary>The same weeks a year before.</summary>
    YearBefore,
}

/// <summary>
/// What a report covers: a workspace over a period compared with another, some objectives (none listed: every active
/// one), some sections, in one language, with the community manager's commentary.
/// </summary>
/// <param name="WorkspaceId">The workspace reported on.</param>
/// <param name="From">First week of the period, included.</param>
/// <param name="To">Last week of the period, included; objectives are evaluated as of this week.</param>
/// <param name="Comparison">What the period is compared with.</param>
/// <param name="ObjectiveIds">The objectives to report on; empty means every active objective.</param>
/// <param name="Sections">The sections to print.</param>
/// <param name="Language">"fr-FR" or "en-US".</param>
/// <param name="Commentary">Free text by the community manager, printed as written; null or blank prints nothing.</param>
public sealed record ReportDefinition(
    int WorkspaceId,
    IsoWeek From,
    IsoWeek To,
    ReportComparison Comparison,
    IReadOnlyList<int> ObjectiveIds,
    ReportSections Sections,
    string Language,
    string? Commentary)
{
    /// <summary>Longest commentary kept: about four printed pages.</summary>
    public const int MaxCommentaryLength = 8000;

    /// <summary>The number of weeks of the default period: a quarter.</summary>
    public const int DefaultWeeks = 13;

    public int Weeks => From.WeeksUntil(To) + 1;

    public bool Has(ReportSections section) => (Sections & section) == section;

    /// <summary>First week of the comparison period.</summary>
    public IsoWeek CompareFrom => Comparison == ReportComparison.YearBefore ? SameWeekYearBefore(From) : From.AddWeeks(-Weeks);

    /// <summary>Last week of the comparison period.</summary>
    public IsoWeek CompareTo => Comparison == ReportComparison.YearBefore ? SameWeekYearBefore(To) : From.AddWeeks(-1);

    /// <summary>
    /// The default report: the <see cref="DefaultWeeks"/> complete weeks that end with <paramref name="lastCompleteWeek"/>,
    /// compared with the same number of weeks just before, every active objective and every section.
    /// </summary>
    public static ReportDefinition Default(int workspaceId, IsoWeek lastCompleteWeek, string language) =>
        new(workspaceId, lastCompleteWeek.AddWeeks(-(DefaultWeeks - 1)), lastCompleteWeek, ReportComparison.PreviousPeriod, [],
            ReportSections.All, language, null);

    /// <summary>The same report moved on to the next period of the same length: what "run again for the next period" does.</summary>
    public ReportDefinition NextPeriod()
    {
        var weeks = Weeks;
        return this with { From = From.AddWeeks(weeks), To = To.AddWeeks(weeks) };
    }

    /// <summary>Week 53 has no twin the year before: week 52 stands for it.</summary>
    private static IsoWeek SameWeekYearBefore(IsoWeek week) =>
        new(week.Year - 1, Math.Min(week.Week, System.Globalization.ISOWeek.GetWeeksInYear(week.Year - 1)));
}
