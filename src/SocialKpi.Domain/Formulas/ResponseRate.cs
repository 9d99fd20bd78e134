using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>Customer service on social media (seed 001, "service client"; seed 000, "la réactivité").</summary>
public static class ResponseRate
{
    public const string FormulaKey = "response-rate";

    /// <summary>
    /// messages answered ÷ messages received × 100, in percent. Not capped: it exceeds 100 % when messages received
    /// in an earlier period are answered in this one, which is worth seeing rather than hiding.
    /// </summary>
    public static KpiResult Of(decimal? messagesAnswered, decimal? messagesReceived) =>
        FormulaGuard.Ratio(FormulaKey, KpiUnit.Percent, messagesAnswered, StandardMetrics.MessagesAnswered, messagesReceived, StandardMetrics.MessagesReceived, 100m);
}
