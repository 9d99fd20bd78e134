using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Progress;
using SocialKpi.Web.Components.Shared;
using SocialKpi.Web.Features.Dashboard;

namespace SocialKpi.Web.Tests.Dashboard;

public class PeriodAndFiguresTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void The_period_in_the_address_is_read_back_and_an_unknown_one_falls_back_to_13_weeks()
    {
        Assert.Equal(WeekRange.LastCompleteWeeks(4, Today), PeriodChoice.Parse("4w", null, null).Resolve(Today));
        Assert.Equal(WeekRange.QuarterToDate(Today), PeriodChoice.Parse("quarter", null, null).Resolve(Today));
        Assert.Equal(PeriodChoice.Default, PeriodChoice.Parse("fortnight", null, null));
        Assert.Equal(PeriodChoice.Default, PeriodChoice.Parse(null, null, null));
    }

    [Fact]
    public void A_custom_period_round_trips_through_the_address()
    {
        var choice = new PeriodChoice(PeriodKind.Custom, new IsoWeek(2026, 10), new IsoWeek(2026, 22));

        Assert.Equal("?period=custom&from=2026-W10&to=2026-W22", choice.ToQueryString());
        Assert.Equal(new WeekRange(new IsoWeek(2026, 10), new IsoWeek(2026, 22)), PeriodChoice.Parse("custom", "2026-W10", "2026-W22").Resolve(Today));
    }

    [Fact]
    public void A_reversed_or_incomplete_custom_period_resolves_to_nothing_rather_than_a_guess()
    {
        Assert.Null(PeriodChoice.Parse("custom", "2026-W22", "2026-W10").Resolve(Today));
        Assert.Null(PeriodChoice.Parse("custom", "2026-W22", "soon").Resolve(Today));
    }

    [Fact]
    public void Changes_read_in_points_for_rates_and_in_percent_otherwise_in_french()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");

        Assert.Equal("+1,5\u00A0pt", Display.Change(KpiResult.Of(1.5m, KpiUnit.Percent, PeriodChange.PointsKey)));
        Assert.Equal("−20,0\u00A0%", Display.Change(KpiResult.Of(-20m, KpiUnit.Percent, PeriodChange.RelativeKey)));
        Assert.Equal("—", Display.Change(KpiResult.Fails(PeriodChange.RelativeKey, KpiUnit.Percent, NotComputableReason.MissingInput, "reach")));
    }

    [Fact]
    public void A_missing_figure_names_its_input_in_the_users_language()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        using var context = new ComponentTestContext("en-US");
        var text = context.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SocialKpi.Web.Resources.Strings>>();

        Assert.Equal("not computable: no data for cost", Display.Reason(new NotComputable(NotComputableReason.MissingInput, "cost"), text));
        Assert.Equal("not computable: Reach is 0", Display.Reason(new NotComputable(NotComputableReason.ZeroDenominator, "reach"), text));
    }

    [Fact]
    public void Comparing_two_periods_aggregates_each_as_the_kpi_does()
    {
        var kpi = KpiView(Aggregation.Sum, (1, 100m), (2, 150m), (3, 200m), (4, 250m));

        var comparison = KpiPeriodComparison.Of(kpi, new WeekRange(new IsoWeek(2026, 3), new IsoWeek(2026, 4)), new WeekRange(new IsoWeek(2026, 1), new IsoWeek(2026, 2)));

        // 450 against 250: +80 %
        Assert.Equal(450m, comparison.First.Value);
        Assert.Equal(250m, comparison.Second.Value);
        Assert.Equal(80m, comparison.Change.Value);
    }

    [Fact]
    public void A_period_before_the_objective_s_start_is_compared_with_the_figures_entered_then()
    {
        // The objective starts in week 1 of 2026; the weeks before come from the page's extra query.
        var kpi = KpiView(Aggregation.Sum, (1, 100m), (2, 150m));
        WeeklyPoint[] beforeStart = [new(new IsoWeek(2025, 51), 40m), new(new IsoWeek(2025, 52), 60m), new(new IsoWeek(2026, 1), 999m)];
        var current = new WeekRange(new IsoWeek(2026, 1), new IsoWeek(2026, 2));
        var earlier = new WeekRange(new IsoWeek(2025, 51), new IsoWeek(2025, 52));

        var comparison = KpiPeriodComparison.Of(kpi, current, earlier, beforeStart);
        var withoutHistory = KpiPeriodComparison.Of(kpi, current, earlier);

        // 250 against 40 + 60 = 100: +150 %; a week from the start on is the KPI's own, never counted twice.
        Assert.Equal(250m, comparison.First.Value);
        Assert.Equal(100m, comparison.Second.Value);
        Assert.Equal(150m, comparison.Change.Value);
        Assert.False(withoutHistory.Second.IsComputable);
    }

    [Fact]
    public void A_period_without_weeks_of_data_is_not_computable_in_a_comparison()
    {
        var kpi = KpiView(Aggregation.Average, (3, 4m), (4, 5m));

        var comparison = KpiPeriodComparison.Of(kpi, new WeekRange(new IsoWeek(2026, 3), new IsoWeek(2026, 4)), new WeekRange(new IsoWeek(2026, 1), new IsoWeek(2026, 2)));

        Assert.Equal(4.5m, comparison.First.Value);
        Assert.False(comparison.Second.IsComputable);
        Assert.False(comparison.Change.IsComputable);
    }

    [Fact]
    public void The_channel_page_computes_each_weeks_rates_and_costs_from_that_weeks_inputs()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
        var period = new WeekRange(new IsoWeek(2026, 45), new IsoWeek(2026, 46));
        static WeeklyPoint P(int week, decimal value) => new(new IsoWeek(2026, week), value);
        var weekly = new Dictionary<string, IReadOnlyList<WeeklyPoint>>
        {
            [StandardMetrics.Reactions] = [P(45, 90m), P(46, 180m)],
            [StandardMetrics.Comments] = [P(45, 10m), P(46, 20m)],
            [StandardMetrics.Reach] = [P(45, 2000m), P(46, 4000m)],
            [StandardMetrics.Impressions] = [P(45, 5000m), P(46, 8000m)],
            [StandardMetrics.LinkClicks] = [P(45, 50m)],
        };
        var inputs = new PeriodInputs(period, weekly, [P(45, 25m), P(46, 40m)], new FormulaInputs
        {
            Values = weekly.ToDictionary(w => w.Key, w => (decimal?)w.Value.Sum(p => p.Value)),
            Cost = 65m,
        });
        var none = new PeriodInputs(period.Previous, new Dictionary<string, IReadOnlyList<WeeklyPoint>>(), [], new FormulaInputs());
        var figures = new HeadlineFiguresView(inputs, none, none, HeadlineVariants.Defaults,
            HeadlineFigures.Compute(HeadlineVariants.Defaults, inputs.Inputs, none.Inputs, none.Inputs));
        var channel = new Channel { Id = 1, Name = "Instagram", MediaType = MediaType.Owned };
        var ads = new Channel { Id = 2, Name = "Meta ads", MediaType = MediaType.Paid };

        var page = ChannelPageService.Build(channel, [channel, ads], figures, [new MetricChannelTotal(1, 6000), new MetricChannelTotal(2, 1500)]);

        var byReach = page.EngagementRates.Single(f => f.Formula.Id == FormulaId.EngagementRateByReach);
        // W45: 100 ÷ 2 000 = 5 %; W46: 200 ÷ 4 000 = 5 %; period: 300 ÷ 6 000 = 5 %
        Assert.Equal([5m, 5m], byReach.Weekly.Select(p => p.Exact));
        Assert.Equal(5m, byReach.Period.Value);
        var cpm = page.CostEfficiency.Single(f => f.Formula.Id == FormulaId.Cpm);
        // W45: 25 ÷ 5 000 × 1 000 = 5; W46: 40 ÷ 8 000 × 1 000 = 5
        Assert.Equal([5m, 5m], cpm.Weekly.Select(p => p.Exact));
        var cpc = page.CostEfficiency.Single(f => f.Formula.Id == FormulaId.Cpc);
        // W46 has no link clicks: no CPC that week rather than a CPC of 0
        Assert.Equal([0.5m], cpc.Weekly.Select(p => p.Exact));
        Assert.Equal(["S45", "S45"], page.MicroActions.Select(s => s.Points[0].Label).Take(2));
        Assert.Equal(6000m, page.Media.Single(m => m.Type == MediaType.Owned).Reach);
        Assert.True(page.Media.Single(m => m.Type == MediaType.Owned).IsThisChannel);
        Assert.Equal(1500m, page.Media.Single(m => m.Type == MediaType.Paid).Reach);
        Assert.Equal(0m, page.Media.Single(m => m.Type == MediaType.Earned).Reach);
    }

    [Fact]
    public void Week_labels_carry_the_year_only_when_a_week_number_repeats()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");

        var short13 = KpiChartModel.Labels([.. WeekRange.LastCompleteWeeks(13, Today).Weeks]);
        var long60 = KpiChartModel.Labels([.. WeekRange.LastCompleteWeeks(60, Today).Weeks]);

        Assert.Equal("W47", short13[new IsoWeek(2026, 47)]);
        Assert.Equal("W47 2026", long60[new IsoWeek(2026, 47)]);
    }

    private static KpiProgressView KpiView(Aggregation aggregation, params (int Week, decimal Value)[] weeks)
    {
        var kpi = new Kpi { Name = "Reach", Target = 1000m, Deadline = new DateOnly(2026, 12, 27), Aggregation = aggregation };
        var points = weeks.Select(w => new WeeklyPoint(new IsoWeek(2026, w.Week), w.Value)).ToList();
        var plan = KpiPlan.FromKpi(kpi, new DateOnly(2025, 12, 29));
        return new KpiProgressView(kpi, points, KpiProgress.Evaluate(plan, points, new IsoWeek(2026, 4)));
    }
}
