using SocialKpi.Data.Queries;

namespace SocialKpi.Web.Features.Dashboard;

/// <summary>Where an objective is heading: its KPIs' forecast attainments at their deadlines, weighted as its progress is.</summary>
public static class ObjectiveForecast
{
    /// <summary>
    /// Weighted mean of the capped forecast attainments of the KPIs that have a forecast and a positive weight
    /// (the same rule as <see cref="Domain.Progress.ObjectiveProgress"/>); null when no KPI has a forecast.
    /// </summary>
    public static decimal? Attainment(ObjectiveProgressView objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var forecasts = objective.Kpis
            .Where(k => k.Progress.ForecastAttainment is not null && k.Progress.Plan.Weight > 0m)
            .Select(k => (k.Progress.ForecastAttainment!.Value, k.Progress.Plan.Weight))
            .ToList();
        var weight = forecasts.Sum(f => f.Weight);
        return weight == 0m ? null : forecasts.Sum(f => f.Value * f.Weight) / weight;
    }
}
