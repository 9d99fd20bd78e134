using Microsoft.EntityFrameworkCore;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Data.Tests;

public class ObjectiveProgressQueryTests
{
    private static readonly IsoWeek AsOf = IsoWeek.LastCompleteWeek(TestDatabase.Today);

    [Fact]
    public async Task Every_demo_kpi_is_evaluated_as_the_domain_evaluates_the_raw_weekly_values()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();

        var objectives = await db.ObjectiveProgressAsync(workspace.Id, AsOf);

        // In memory, from every raw row: the reference the SQL aggregation must match.
        var values = await db.MetricValues.AsNoTracking().ToListAsync();
        var metrics = await db.Metrics.AsNoTracking().ToDictionaryAsync(m => m.Id);
        var keyToId = metrics.Values.Where(m => m.WorkspaceId == null).ToDictionary(m => m.Key, m => m.Id);
        var rivalMentions = await db.CompetitorFigures.AsNoTracking().Where(f => f.Metric == BenchmarkMetric.Mentions).ToListAsync();

        decimal? Weekly(int metricId, IReadOnlyCollection<int> channels, IsoWeek week)
        {
            var rows = values.Where(v => v.MetricId == metricId && v.Week == week.Key
                                         && (channels.Count == 0 || channels.Contains(v.ChannelId))).ToList();
            if (rows.Count == 0)
            {
                return null;
            }

            return (decimal)(metrics[metricId].Aggregation == Aggregation.Average ? rows.Average(r => r.Value) : rows.Sum(r => r.Value));
        }

        Assert.Equal(4, objectives.Count);
        foreach (var objective in objectives)
        {
            var start = IsoWeek.FromDate(objective.Objective.StartDate);
            foreach (var view in objective.Kpis)
            {
                var kpi = view.Kpi;
                var expectedPoints = new List<WeeklyPoint>();
                foreach (var week in IsoWeek.Range(start, AsOf))
                {
                    var brandMentions = Weekly(keyToId["mentions"], kpi.ChannelIds, week);
                    decimal? value = kpi.MetricId is { } metricId
                        ? Weekly(metricId, kpi.ChannelIds, week)
                        : kpi.Formula == FormulaId.ShareOfVoice
                        ? ShareOfVoice.Of(brandMentions, brandMentions + (decimal)rivalMentions
                            .Where(f => f.Week == week.Key && (kpi.ChannelIds.Count == 0 || kpi.ChannelIds.Contains(f.ChannelId))).Sum(f => f.Value)).Value
                        : FormulaCatalog.Get(kpi.Formula!.Value).Compute(new FormulaInputs
                        {
                            Values = FormulaCatalog.Get(kpi.Formula!.Value).MetricKeys
                                .ToDictionary(k => k, k => Weekly(keyToId[k], kpi.ChannelIds, week)),
                        }).Value;
                    if (value is { } v)
                    {
                        expectedPoints.Add(new WeeklyPoint(week, v));
                    }
                }

                var expected = KpiProgress.Evaluate(KpiPlan.FromKpi(kpi, objective.Objective.StartDate), expectedPoints, AsOf);

                Assert.Equal(expectedPoints, view.Weekly);
                Assert.Equal(expected.Current, view.Progress.Current);
                Assert.Equal(expected.Status.Status, view.Progress.Status.Status);
                Assert.Equal(expected.Forecast.Value, view.Progress.Forecast.Value);
            }
        }
    }

    [Fact]
    public async Task The_demo_shows_every_status_so_a_newcomer_sees_a_living_dashboard()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var workspace = await db.Workspaces.SingleAsync();

        var statuses = (await db.ObjectiveProgressAsync(workspace.Id, AsOf))
            .SelectMany(o => o.Kpis).Select(k => k.Progress.Status.Status).ToHashSet();

        Assert.Contains(KpiStatus.OnTrack, statuses);
        Assert.Contains(KpiStatus.AtRisk, statuses);
        Assert.Contains(KpiStatus.OffTrack, statuses);
        Assert.DoesNotContain(KpiStatus.NotComputable, statuses);
    }

    [Fact]
    public async Task A_kpi_without_any_figure_is_not_computable_and_says_why()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var objective = await db.Objectives.Include(o => o.Kpis).OrderBy(o => o.Id).FirstAsync();
        var savesMetric = await db.Metrics.SingleAsync(m => m.Key == "saves" && m.WorkspaceId == null);
        var website = await db.Channels.SingleAsync(c => c.Name == "Site web");
        objective.Kpis.Add(new Kpi
        {
            Name = "Enregistrements sur le site", MetricId = savesMetric.Id, ChannelIds = [website.Id],
            Baseline = 0, Target = 100, Deadline = objective.EndDate,
        });
        await db.SaveChangesAsync();

        var views = await db.ObjectiveProgressAsync(objective.WorkspaceId, AsOf, objective.Id);

        var view = Assert.Single(Assert.Single(views).Kpis, k => k.Kpi.Name == "Enregistrements sur le site");
        Assert.Empty(view.Weekly);
        Assert.Null(view.Progress.Current);
        Assert.Equal(KpiStatus.NotComputable, view.Progress.Status.Status);
        Assert.Contains("aucune donnée", view.Progress.Status.Reason("fr-FR"));
        Assert.False(view.Progress.Forecast.IsComputable);
    }

    [Fact]
    public async Task A_workspace_without_objectives_has_an_empty_dashboard()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: false);
        await using var db = database.Open();
        db.Workspaces.Add(new Domain.Workspaces.Workspace { Name = "Vide" });
        await db.SaveChangesAsync();

        var views = await db.ObjectiveProgressAsync((await db.Workspaces.SingleAsync()).Id, AsOf);

        Assert.Empty(views);
    }
}
