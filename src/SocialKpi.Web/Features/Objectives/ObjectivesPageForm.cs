namespace SocialKpi.Web.Features.Objectives;

/// <summary>Which form the objectives page has open: a new or existing objective, or a KPI of an objective.</summary>
public sealed record ObjectivesPageForm(int? ObjectiveId, int? KpiObjectiveId, int? KpiId)
{
    public static readonly ObjectivesPageForm NewObjective = new(null, null, null);

    public static ObjectivesPageForm EditObjective(int objectiveId) => new(objectiveId, null, null);

    public static ObjectivesPageForm Kpi(int objectiveId, int? kpiId) => new(null, objectiveId, kpiId);
}
