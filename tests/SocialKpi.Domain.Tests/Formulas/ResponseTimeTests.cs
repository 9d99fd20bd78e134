using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Tests.Formulas;

public class ResponseTimeTests
{
    [Fact]
    public void Average_response_time_weighs_each_week_by_the_messages_answered()
    {
        // (30 min × 10 + 10 min × 30) ÷ (10 + 30) = 600 ÷ 40 = 15 min (the plain mean would say 20)
        var result = ResponseTime.Average([new WeeklyResponseTime(30m, 10m), new WeeklyResponseTime(10m, 30m)]);

        Assert.Equal(15m, result.Value);
        Assert.Equal(KpiUnit.Duration, result.Unit);
        Assert.Equal("average-response-time", result.Formula);
    }

    [Fact]
    public void Average_response_time_is_the_plain_mean_when_a_weekly_count_is_missing()
    {
        // (30 + 10) ÷ 2 = 20 min
        var result = ResponseTime.Average([new WeeklyResponseTime(30m, 10m), new WeeklyResponseTime(10m, null)]);

        Assert.Equal(20m, result.Value);
    }

    [Fact]
    public void Average_response_time_ignores_weeks_without_an_average()
    {
        // Only the week with an average counts: 30 × 10 ÷ 10 = 30 min
        var result = ResponseTime.Average([new WeeklyResponseTime(30m, 10m), new WeeklyResponseTime(null, 25m)]);

        Assert.Equal(30m, result.Value);
    }

    [Fact]
    public void Average_response_time_is_not_computable_without_any_week()
    {
        var result = ResponseTime.Average([]);

        Assert.Equal(NotComputableReason.MissingInput, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.AverageResponseTime, result.NotComputable.Input);
    }

    [Fact]
    public void Average_response_time_is_not_computable_when_no_message_was_answered()
    {
        var result = ResponseTime.Average([new WeeklyResponseTime(30m, 0m), new WeeklyResponseTime(10m, 0m)]);

        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(StandardMetrics.MessagesAnswered, result.NotComputable.Input);
    }

    [Fact]
    public void Average_response_time_is_not_computable_when_a_time_is_negative()
    {
        var result = ResponseTime.Average([new WeeklyResponseTime(-5m, 10m)]);

        Assert.Equal(NotComputableReason.NegativeInput, result.NotComputable!.Reason);
    }

    [Fact]
    public void Average_response_time_of_an_aggregated_period_is_that_value()
    {
        Assert.Equal(12.5m, ResponseTime.Average(12.5m).Value);
        Assert.Equal(NotComputableReason.MissingInput, ResponseTime.Average((decimal?)null).NotComputable!.Reason);
    }
}
