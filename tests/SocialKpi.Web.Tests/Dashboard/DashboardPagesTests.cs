using Bunit;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Progress;
using SocialKpi.Web.Features.Dashboard;

namespace SocialKpi.Web.Tests.Dashboard;

public class DashboardPagesTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    [Fact]
    public void A_headline_figure_without_cost_says_not_computable_and_why_with_its_formula_on_hover()
    {
        using var context = new ComponentTestContext("fr-FR");
        var period = new WeekRange(new IsoWeek(2026, 45), new IsoWeek(2026, 46));
        var current = new PeriodInputs(period, new Dictionary<string, IReadOnlyList<WeeklyPoint>>(), [], new FormulaInputs
        {
            Values = new Dictionary<string, decimal?> { [StandardMetrics.Reach] = 2000m, [StandardMetrics.Reactions] = 100m },
        });
        var none = new PeriodInputs(period.Previous, new Dictionary<string, IReadOnlyList<WeeklyPoint>>(), [], new FormulaInputs());
        var view = new HeadlineFiguresView(current, none, none, HeadlineVariants.Defaults,
            HeadlineFigures.Compute(HeadlineVariants.Defaults, current.Inputs, none.Inputs, none.Inputs));

        var strip = context.Render<HeadlineStrip>(p => p.Add(s => s.Headlines, view));

        var cost = strip.Find("[data-figure=Cost]");
        Assert.Contains("Non calculable", cost.TextContent);
        Assert.Contains("aucune donnée pour coûts", cost.TextContent);
        Assert.DoesNotContain("0,00", cost.TextContent);
        var rate = strip.Find("[data-figure=EngagementRate]");
        Assert.Contains("5,00\u00A0%", rate.TextContent);
        Assert.Contains("engagement-rate.by-reach", rate.GetAttribute("title"));
        Assert.Contains("÷ portée × 100", rate.GetAttribute("title"));
    }

    [Fact]
    public void A_kpi_without_data_says_so_instead_of_drawing_an_empty_chart()
    {
        using var context = new ComponentTestContext("fr-FR");
        var model = Model(weeks: 0);

        var chart = context.Render<KpiChart>(p => p.Add(c => c.Model, model).Add(c => c.Formula, "Portée"));

        Assert.Contains("Aucun chiffre pour ce KPI", chart.Markup);
        Assert.Contains("aucune donnée jusqu'à la semaine", chart.Markup);
        Assert.Empty(chart.FindAll(".kpi-chart"));
    }

    [Fact]
    public void A_kpi_with_a_single_week_shows_its_value_and_says_why_there_is_no_forecast()
    {
        using var context = new ComponentTestContext("en-US");
        var model = Model(weeks: 1);

        var chart = context.Render<KpiChart>(p => p.Add(c => c.Model, model).Add(c => c.Formula, "Reach"));

        Assert.Contains("not computable: not enough history for Reach", chart.Markup);
        var firstRow = chart.Find(".kpi-weeks tbody tr");
        Assert.Contains("W2", firstRow.TextContent);
        Assert.Contains("12.5", firstRow.TextContent);
        Assert.Single(chart.FindAll(".kpi-weeks tbody tr"));
    }

    [Fact]
    public async Task The_objective_page_of_the_demo_shows_the_funnel_the_comparison_and_one_chart_section_per_kpi()
    {
        using var context = new ComponentTestContext("fr-FR");
        context.SignIn();
        var objectiveId = 0;
        var kpiCount = 0;
        await context.UseDatabaseAsync(seedDemo: true, async db =>
        {
            var objective = await db.Objectives.Include(o => o.Kpis).OrderBy(o => o.Id).FirstAsync();
            objectiveId = objective.Id;
            kpiCount = objective.Kpis.Count;
        });

        var page = context.Render<ObjectivePage>(p => p.Add(o => o.Id, objectiveId));

        page.WaitForAssertion(() => Assert.Equal(kpiCount, page.FindAll(".kpi-chart-section").Count), TimeSpan.FromSeconds(10));
        Assert.Equal(4, page.FindAll(".funnel-stage").Count);
        Assert.Equal(kpiCount, page.FindAll(".comparison-table tbody tr").Count);
    }

    [Fact]
    public async Task An_objective_of_another_workspace_is_not_shown()
    {
        using var context = new ComponentTestContext("en-US");
        context.SignIn();
        await context.UseDatabaseAsync(seedDemo: true);

        var page = context.Render<ObjectivePage>(p => p.Add(o => o.Id, 999_999));

        page.WaitForAssertion(() => Assert.Contains("This objective is not in this workspace", page.Markup));
    }

    [Fact]
    public void A_kpi_chart_shows_the_brand_wide_notes_and_those_of_its_channels_only()
    {
        var kpi = new Kpi { Id = 1, Name = "Reach", Target = 5200m, Deadline = Start.AddDays(7 * 52), MetricId = 1, ChannelIds = [1, 2] };
        var points = Enumerable.Range(0, 4).Select(i => new WeeklyPoint(IsoWeek.FromDate(Start).AddWeeks(i), 100m)).ToList();
        var asOf = IsoWeek.FromDate(Start).AddWeeks(3);
        var view = new KpiProgressView(kpi, points, KpiProgress.Evaluate(KpiPlan.FromKpi(kpi, Start), points, asOf));
        SocialKpi.Domain.Annotations.Annotation[] notes =
        [
            new() { Date = Start, Text = "Brand launch" },
            new() { Date = Start.AddDays(7), Text = "Instagram live", ChannelIds = [2] },
            new() { Date = Start.AddDays(14), Text = "TikTok crisis", ChannelIds = [3] },
            new() { Date = Start.AddDays(21), Text = "TikTok and Facebook push", ChannelIds = [3, 1] },
        ];

        var model = KpiChartModel.Build(view, new WeekRange(IsoWeek.FromDate(Start), asOf), notes, [], [], new Dictionary<int, string>());
        var allChannels = KpiChartModel.Build(view with { Kpi = new Kpi { Id = 2, Name = "All", Deadline = kpi.Deadline, MetricId = 1 } },
            new WeekRange(IsoWeek.FromDate(Start), asOf), notes, [], [], new Dictionary<int, string>());

        Assert.Equal(["Brand launch", "Instagram live", "TikTok and Facebook push"], model.Annotations.Select(a => a.Text));
        Assert.Equal(4, allChannels.Annotations.Count);
    }

    [Fact]
    public void A_ratio_kpi_chart_gives_each_channel_its_own_rate_over_the_period_and_why_one_has_none()
    {
        using var context = new ComponentTestContext("en-US");
        var kpi = new Kpi { Id = 5, Name = "CTR", Formula = FormulaId.Ctr, Unit = KpiUnit.Percent, Aggregation = Aggregation.Average, Target = 3m, Deadline = Start.AddDays(7 * 52) };
        var w1 = IsoWeek.FromDate(Start);
        var w2 = w1.AddWeeks(1);
        var points = new List<WeeklyPoint> { new(w1, 2m), new(w2, 2.4m) };
        var view = new KpiProgressView(kpi, points, KpiProgress.Evaluate(KpiPlan.FromKpi(kpi, Start), points, w2));
        SocialKpi.Domain.Channels.Channel[] channels = [new() { Id = 1, Name = "Instagram", SortOrder = 0 }, new() { Id = 2, Name = "LinkedIn", SortOrder = 1 }];
        var ctr = FormulaCatalog.Get(FormulaId.Ctr);
        KpiChannelResult[] byChannel =
        [
            new(5, 1, w1, KpiResult.Of(2m, KpiUnit.Percent, ctr.Key)),
            new(5, 1, w2, KpiResult.Of(3m, KpiUnit.Percent, ctr.Key)),
            new(5, 2, w2, KpiResult.Fails(ctr.Key, KpiUnit.Percent, NotComputableReason.MissingInput, "impressions")),
        ];
        KpiChannelWeek[] chartWeeks = [new(5, 1, w1.Key, 2), new(5, 1, w2.Key, 3)];

        var model = KpiChartModel.Build(view, new WeekRange(w1, w2), [], chartWeeks, channels, new Dictionary<int, string>(), byChannel);
        var chart = context.Render<KpiChart>(p => p.Add(c => c.Model, model).Add(c => c.Formula, "Link clicks ÷ impressions"));

        Assert.False(model.ChannelsAddUp);
        var items = chart.FindAll(".channel-period-item");
        Assert.Equal(2, items.Count);
        Assert.Contains("Instagram: 2.50%", items[0].TextContent.Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Contains("LinkedIn: not computable: no data for Impressions", items[1].TextContent.Replace('\u00a0', ' '), StringComparison.Ordinal);
    }

    private static KpiChartModel Model(int weeks)
    {
        var kpi = new Kpi { Id = 1, Name = CultureInfoName(), Target = 5200m, Deadline = Start.AddDays((7 * 52) - 1), MetricId = 1 };
        var points = Enumerable.Range(0, weeks).Select(i => new WeeklyPoint(IsoWeek.FromDate(Start).AddWeeks(i), 12.5m)).ToList();
        var asOf = IsoWeek.FromDate(Start).AddWeeks(Math.Max(weeks, 1) - 1);
        var view = new KpiProgressView(kpi, points, KpiProgress.Evaluate(KpiPlan.FromKpi(kpi, Start), points, asOf));
        return KpiChartModel.Build(view, new WeekRange(IsoWeek.FromDate(Start), asOf), [], [], [], new Dictionary<int, string>());
    }

    private static string CultureInfoName() =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? "Portée" : "Reach";
}
