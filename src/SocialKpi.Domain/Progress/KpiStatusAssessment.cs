using System.Globalization;

using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Progress;

/// <summary>
/// A KPI's status for a week, with the figures behind it and the reason in words (seed 000: "si les indicateurs sont
/// au rouge, vous devrez les revoir" — the user must see which KPI is red and by how much).
/// </summary>
/// <param name="Status">On track, at risk, off track, or not computable.</param>
/// <param name="Actual">The KPI's current value (<see cref="KpiCurrentValue"/>); null when there is no data.</param>
/// <param name="Expected">The trajectory value at the end of the week.</param>
/// <param name="DeviationPercent">(actual − expected) ÷ |expected| × 100: positive above the trajectory, negative below; null when not computable or when the trajectory and the whole plan are 0.</param>
/// <param name="ShortfallPercent">The deviation on the bad side for the KPI's direction (positive = behind), compared with the thresholds.</param>
/// <param name="ReasonFr">The reason in French, e.g. "Portée : 18 % sous la trajectoire en semaine 34".</param>
/// <param name="ReasonEn">The reason in English, e.g. "Reach is 18 % below the trajectory for week 34".</param>
public sealed record KpiStatusAssessment(
    KpiStatus Status,
    decimal? Actual,
    decimal Expected,
    decimal? DeviationPercent,
    decimal? ShortfallPercent,
    string ReasonFr,
    string ReasonEn)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The reason in the language of <paramref name="locale"/> ("fr-FR" or "en-US").</summary>
    public string Reason(string locale) =>
        locale is not null && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? ReasonFr : ReasonEn;

    /// <summary>
    /// Compares <paramref name="actual"/> with the trajectory at the end of <paramref name="asOf"/>.
    /// The shortfall is the gap on the bad side — below the trajectory for a higher-is-better KPI, above it for a
    /// lower-is-better one — in % of the trajectory value. Being on the good side is always on track. Otherwise:
    /// shortfall ≥ <see cref="KpiPlan.RedThresholdPercent"/> → off track; ≥ <see cref="KpiPlan.AmberThresholdPercent"/> → at risk;
    /// below → on track (a threshold is the point from which the status changes, included).
    /// When the trajectory value is 0 (a cumulative KPI in its first days) the percentage is taken of |target − baseline|
    /// instead; if that is 0 too, any shortfall is off track. No data is not computable.
    /// </summary>
    public static KpiStatusAssessment Evaluate(KpiPlan plan, decimal? actual, IsoWeek asOf)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var expected = plan.Trajectory.ValueAt(asOf);
        if (actual is not { } value)
        {
            return new KpiStatusAssessment(
                KpiStatus.NotComputable,
                null,
                expected,
                null,
                null,
                $"{plan.Name}\u00A0: aucune donnée jusqu'à la semaine\u00A0{asOf.Week}",
                $"{plan.Name} has no data up to week {asOf.Week}");
        }

        var deviation = ComputeDeviationPercent(value, expected, plan.Target, plan.Baseline);
        KpiStatus status;
        decimal? shortfall = null;
        if (deviation is { } d)
        {
            var behind = plan.Direction == Direction.HigherIsBetter ? -d : d;
            shortfall = behind;
            status = behind <= 0m ? KpiStatus.OnTrack
                : behind >= plan.RedThresholdPercent ? KpiStatus.OffTrack
                : behind >= plan.AmberThresholdPercent ? KpiStatus.AtRisk
                : KpiStatus.OnTrack;
        }
        else
        {
            status = Attainment.IsAtOrBetter(value, expected, plan.Direction) ? KpiStatus.OnTrack : KpiStatus.OffTrack;
        }

        var (fr, en) = Describe(plan.Name, value, expected, deviation, asOf);
        return new KpiStatusAssessment(status, value, expected, deviation, shortfall, fr, en);
    }

    /// <summary>A percentage as shown in a reason: one decimal at most, "17,5 %" (non-breaking space) in French, "17.5 %" in English.</summary>
    internal static string FormatPercent(decimal percent, bool french)
    {
        var rounded = Math.Round(percent, 1, MidpointRounding.AwayFromZero);
        return french
            ? rounded.ToString("#,##0.#", French) + "\u00A0%"
            : rounded.ToString("#,##0.#", English) + " %";
    }

    private static decimal? ComputeDeviationPercent(decimal actual, decimal expected, decimal target, decimal baseline)
    {
        try
        {
            var reference = expected != 0m ? Math.Abs(expected) : Math.Abs(target - baseline);
            return reference == 0m ? null : (actual - expected) / reference * 100m;
        }
        catch (OverflowException)
        {
            // Only with values near decimal's limits: double has the range; the result is clamped back into decimal's.
            var reference = expected != 0m ? Math.Abs((double)expected) : Math.Abs((double)target - (double)baseline);
            var percent = ((double)actual - (double)expected) / reference * 100d;
            return percent >= (double)decimal.MaxValue ? decimal.MaxValue
                : percent <= (double)decimal.MinValue ? decimal.MinValue
                : (decimal)percent;
        }
    }

    private static (string Fr, string En) Describe(string name, decimal actual, decimal expected, decimal? deviation, IsoWeek asOf)
    {
        var week = asOf.Week;
        var magnitude = deviation is { } d ? Math.Abs(Math.Round(d, 1, MidpointRounding.AwayFromZero)) : (decimal?)null;
        if (actual == expected || magnitude == 0m)
        {
            return ($"{name}\u00A0: sur la trajectoire en semaine\u00A0{week}", $"{name} is on the trajectory for week {week}");
        }

        var above = actual > expected;
        if (magnitude is null)
        {
            return above
                ? ($"{name}\u00A0: au-dessus de la trajectoire en semaine\u00A0{week}", $"{name} is above the trajectory for week {week}")
                : ($"{name}\u00A0: sous la trajectoire en semaine\u00A0{week}", $"{name} is below the trajectory for week {week}");
        }

        var fr = FormatPercent(magnitude.Value, french: true);
        var en = FormatPercent(magnitude.Value, french: false);
        return above
            ? ($"{name}\u00A0: {fr} au-dessus de la trajectoire en semaine\u00A0{week}", $"{name} is {en} above the trajectory for week {week}")
            : ($"{name}\u00A0: {fr} sous la trajectoire en semaine\u00A0{week}", $"{name} is {en} below the trajectory for week {week}");
    }
}
