using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Tests.Formulas;

public class FormulaByChannelTests
{
    private static readonly FormulaDefinition Ctr = FormulaCatalog.Get(FormulaId.Ctr);
    private static readonly IsoWeek W10 = new(2026, 10);

    [Fact]
    public void A_channel_s_period_value_combines_its_computable_weeks_as_the_kpi_does()
    {
        (IsoWeek, KpiResult)[] weeks =
        [
            (W10, KpiResult.Of(2m, KpiUnit.Percent, Ctr.Key)),
            (W10.AddWeeks(1), KpiResult.Fails(Ctr.Key, KpiUnit.Percent, NotComputableReason.MissingInput, "impressions")),
            (W10.AddWeeks(2), KpiResult.Of(3m, KpiUnit.Percent, Ctr.Key)),
        ];

        Assert.Equal(2.5m, FormulaByChannel.OverPeriod(weeks, Aggregation.Average, Ctr).Value);
        Assert.Equal(3m, FormulaByChannel.OverPeriod(weeks, Aggregation.Last, Ctr).Value);
    }

    [Fact]
    public void A_channel_without_any_computable_week_gives_the_latest_week_s_reason()
    {
        (IsoWeek, KpiResult)[] weeks =
        [
            (W10.AddWeeks(1), KpiResult.Fails(Ctr.Key, KpiUnit.Percent, NotComputableReason.ZeroDenominator, "impressions")),
            (W10, KpiResult.Fails(Ctr.Key, KpiUnit.Percent, NotComputableReason.MissingInput, "impressions")),
        ];

        var result = FormulaByChannel.OverPeriod(weeks, Aggregation.Average, Ctr);

        Assert.Null(result.Value);
        Assert.Equal(NotComputableReason.ZeroDenominator, result.NotComputable!.Reason);
        Assert.Equal(NotComputableReason.MissingInput, FormulaByChannel.OverPeriod([], Aggregation.Average, Ctr).NotComputable!.Reason);
    }

    [Theory]
    [InlineData(FormulaId.Ctr, true)]
    [InlineData(FormulaId.EngagementRateByReach, true)]
    [InlineData(FormulaId.CostPerEngagement, true)]
    [InlineData(FormulaId.ShareOfVoice, false)]
    [InlineData(FormulaId.FollowerGrowthRate, false)]
    public void Only_formulas_that_mean_something_on_one_channel_are_broken_down(FormulaId formula, bool applies) =>
        Assert.Equal(applies, FormulaByChannel.AppliesPerChannel(FormulaCatalog.Get(formula)));
}
