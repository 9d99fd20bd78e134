using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;

namespace SocialKpi.Domain.Progress;

/// <summary>Everything the dashboard shows about one KPI for a week: value, attainment, status and forecast.</summary>
/// <param name="Plan">The KPI's plan.</param>
/// <param name="AsOf">The week evaluated (usually <see cref="IsoWeek.LastCompleteWeek"/>).</param>
/// <param name="Current">The KPI's value as of that week (<see cref="KpiCurrentValue"/>); null when there is no data.</param>
/// <param name="Attainment">How far from baseline to target it has gone; null when there is no data.</param>
/// <param name="Status">Its status against the trajectory, with the reason in words.</param>
/// <param name="Forecast">Its forecast value at the deadline (<see cref="Progress.Forecast"/>).</param>
public sealed record KpiProgress(
    KpiPlan Plan,
    IsoWeek AsOf,
    decimal? Current,
    Attainment? Attainment,
    KpiStatusAssessment Status,
    KpiResult Forecast)
{
    /// <summary>The attainment the forecast would give at the deadline; null when there is no forecast.</summary>
    public Attainment? ForecastAttainment => Forecast.Value is { } value ? Progress.Attainment.Of(Plan, value) : null;

    /// <summary>
    /// Evaluates a KPI as of a week from its weekly points. Values so large that they overflow decimal when added up
    /// (beyond about 7.9 × 10^28, only possible through an entry error) are treated as no data.
    /// </summary>
    public static KpiProgress Evaluate(KpiPlan plan, IEnumerable<WeeklyPoint> points, IsoWeek asOf)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(points);
        var list = points.ToList();
        decimal? current;
        try
        {
            current = KpiCurrentValue.Of(plan, list, asOf);
        }
        catch (OverflowException)
        {
            current = null;
        }

        return new KpiProgress(
            plan,
            asOf,
            current,
            current is { } value ? Progress.Attainment.Of(plan, value) : null,
            KpiStatusAssessment.Evaluate(plan, current, asOf),
            Progress.Forecast.EndValue(plan, list, asOf));
    }
}
