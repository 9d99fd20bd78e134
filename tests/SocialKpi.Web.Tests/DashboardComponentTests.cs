using Bunit;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Objectives;
using SocialKpi.Domain.Progress;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Dashboard;

namespace SocialKpi.Web.Tests;

public class DashboardComponentTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);
    private static readonly IsoWeek AsOf = IsoWeek.FromDate(new DateOnly(2026, 3, 2));

    [Fact]
    public void An_objective_card_says_its_status_and_each_kpi_reason_in_French()
    {
        using var context = new ComponentTestContext("fr-FR");
        var objective = ObjectiveWith(
            // 9 weeks (W2–W10) at 82 = 738 against a trajectory of 5,200 × 62/363 days = 888.15: 16.9 % below.
            Kpi("Portée", target: 5_200m, weekly: 82m),
            // 9 weeks at 100 = 900: 1.3 % above the same trajectory.
            Kpi("Commentaires", target: 5_200m, weekly: 100m));

        var card = context.Render<ObjectiveCard>(p => p.Add(c => c.Objective, objective));

        Assert.Contains("Visibilité", card.Markup);
        Assert.Contains("Portée\u00A0: 16,9\u00A0% sous la trajectoire en semaine\u00A010", card.Markup);
        Assert.Contains("Commentaires\u00A0: 1,3\u00A0% au-dessus de la trajectoire en semaine\u00A010", card.Markup);
        Assert.Contains("1 en bonne voie · 1 à risque · 0 en retard", card.Markup);
        Assert.Equal("AtRisk", card.Find(".objective-card .status-badge").GetAttribute("data-status"));
    }

    [Fact]
    public void An_objective_without_any_figure_is_not_computable_rather_than_at_zero()
    {
        using var context = new ComponentTestContext("en-US");
        var objective = ObjectiveWith(Kpi("Reach", target: 5_200m, weekly: null));

        var card = context.Render<ObjectiveCard>(p => p.Add(c => c.Objective, objective));

        Assert.Contains("Not computable", card.Markup);
        Assert.Contains("Reach has no data up to week 10", card.Markup);
        Assert.Contains("Progress: <strong>—</strong>", card.Markup);
    }

    [Fact]
    public void A_single_week_of_data_is_enough_for_a_status_but_not_for_a_forecast()
    {
        var plan = new KpiPlan("Reach", 0m, 5_200m, Start, Start.AddDays(7 * 52 - 1));

        var progress = KpiProgress.Evaluate(plan, [new WeeklyPoint(IsoWeek.FromDate(Start), 100m)], IsoWeek.FromDate(Start));

        Assert.NotEqual(KpiStatus.NotComputable, progress.Status.Status);
        Assert.False(progress.Forecast.IsComputable);
    }

    [Fact]
    public async Task The_dashboard_explains_that_the_user_has_no_workspace_yet()
    {
        using var context = new ComponentTestContext("fr-FR");
        context.SignIn(administrator: false);
        await context.UseDatabaseAsync(seedDemo: true);

        var page = context.Render<Home>();

        page.WaitForAssertion(() => Assert.Contains("Aucun espace de travail", page.Markup));
    }

    [Fact]
    public async Task The_dashboard_of_a_workspace_without_objectives_says_so_and_still_shows_its_figures()
    {
        using var context = new ComponentTestContext("en-US");
        context.SignIn();
        await context.UseDatabaseAsync(seedDemo: false, async db =>
        {
            db.Workspaces.Add(new Workspace { Name = "Empty brand" });
            await db.SaveChangesAsync();
        });

        var page = context.Render<Home>();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Dashboard — Empty brand", page.Markup);
            Assert.Contains("No objectives yet", page.Markup);
        });
        Assert.Contains("not computable: no data for Reach", page.Find("[data-figure=Reach]").TextContent);
        Assert.Contains("No KPI turned red", page.Markup);
        Assert.Equal("Weeks13", page.Find(".period-option.current").GetAttribute("data-period"));
    }

    [Fact]
    public async Task The_demo_dashboard_shows_one_card_per_objective()
    {
        using var context = new ComponentTestContext("fr-FR");
        context.SignIn();
        await context.UseDatabaseAsync(seedDemo: true);

        var page = context.Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll(".objective-card").Count));
        Assert.Contains("Tableau de bord — Maison Lumière", page.Markup);
    }

    private static (Kpi Kpi, decimal? Weekly) Kpi(string name, decimal target, decimal? weekly) =>
        (new Kpi { Name = name, Baseline = 0m, Target = target, Deadline = Start.AddDays((7 * 52) - 1), MetricId = 1, Weight = 1m }, weekly);

    /// <summary>An objective whose KPIs received the same value every week from the start to <see cref="AsOf"/>.</summary>
    private static ObjectiveProgressView ObjectiveWith(params (Kpi Kpi, decimal? Weekly)[] kpis)
    {
        var objective = new Objective
        {
            Name = "Accroître la visibilité", Category = ObjectiveCategory.Visibilite,
            StartDate = Start, EndDate = Start.AddDays((7 * 52) - 1), Kpis = [.. kpis.Select(k => k.Kpi)],
        };
        var views = kpis.Select(k =>
        {
            List<WeeklyPoint> points = k.Weekly is { } value
                ? [.. IsoWeek.Range(IsoWeek.FromDate(Start), AsOf).Select(w => new WeeklyPoint(w, value))]
                : [];
            return new KpiProgressView(k.Kpi, points, KpiProgress.Evaluate(KpiPlan.FromKpi(k.Kpi, Start), points, AsOf));
        }).ToList();
        return new ObjectiveProgressView(objective, views, ObjectiveProgress.Of(views.Select(v => v.Progress)));
    }
}
