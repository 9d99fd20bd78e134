namespace SocialKpi.Domain.Reporting;

/// <summary>
/// Report settings saved under a name, so the same report can be produced again for the next period in one click.
/// The period is kept as its length and its last week; the commentary is kept with it.
/// </summary>
public class ReportTemplate
{
    public int Id { get; set; }

    public int WorkspaceId { get; set; }

    public required string Name { get; set; }

    /// <summary>The last week of the period last run, as year × 100 + week.</summary>
    public int ToWeek { get; set; }

    /// <summary>Length of the period in weeks.</summary>
    public int Weeks { get; set; } = ReportDefinition.DefaultWeeks;

    public ReportComparison Comparison { get; set; }

    /// <summary>The objectives reported on; empty means every active objective.</summary>
    public List<int> ObjectiveIds { get; set; } = [];

    public ReportSections Sections { get; set; } = ReportSections.All;

    public string Language { get; set; } = "fr-FR";

    public string? Commentary { get; set; }

    /// <summary>Incremented by every change: two people editing the same template never silently overwrite each other.</summary>
    public int Version { get; set; } = 1;
}
