using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Web.Features.Import;
using static SocialKpi.Web.Tests.Import.ImportBuilder;
using static SocialKpi.Web.Tests.Import.ImportTestContext;

namespace SocialKpi.Web.Tests.Import;

/// <summary>Rivals' weekly figures in a long file: a brand column says whose figure each row is.</summary>
public class ImportRivalTests
{
    private static readonly int Week45 = new IsoWeek(2026, 45).Key;

    private static readonly ImportCatalogue WithRivals = Catalogue with
    {
        OwnNames = ["Maison Lumière"],
        Rivals = [new CatalogueRival(7, "Atelier Douce Mèche", false), new CatalogueRival(8, "Bougies d’Antan", true)],
    };

    private static ImportAnalysis AnalyseWithRivals(params string[] lines)
    {
        var (layout, rows) = Csv(';', ["week;channel;metric;value;brand", .. lines]);
        var mapping = MappingProposer.Propose(layout, WithRivals, [], "export.csv", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        return ImportPlanner.Analyse(rows, rows.Count, mapping, WithRivals);
    }

    [Fact]
    public void Rows_of_a_tracked_rival_become_its_figures_and_empty_or_our_own_name_stay_ours()
    {
        var analysis = AnalyseWithRivals(
            "2026-W45;Instagram;followers;22 600;atelier douce meche", "2026-W45;Instagram;likes;230;ATELIER DOUCE MÈCHE",
            "2026-W45;Instagram;reach;1 000;", "2026-W45;LinkedIn;reach;50;maison lumiere");

        Assert.Empty(analysis.Rejections);
        Assert.Equal(22_600, analysis.RivalFigures[new RivalCell(7, 1, BenchmarkMetric.Followers, Week45)]);
        Assert.Equal(230, analysis.RivalFigures[new RivalCell(7, 1, BenchmarkMetric.Likes, Week45)]);
        Assert.Equal(2, analysis.Figures.Count);
        Assert.Equal(1000, analysis.Figures[new Domain.Importing.FigureCell(1, MetricId(Domain.Metrics.StandardMetrics.Reach), Week45)]);
    }

    [Fact]
    public void An_unknown_or_archived_rival_and_a_rivals_bad_rows_are_rejected_with_line_column_and_reason_leaving_our_figures_alone()
    {
        var analysis = AnalyseWithRivals(
            "2026-W45;Instagram;followers;100;Lueur Sauvage", "2026-W45;Instagram;followers;100;Bougies d'Antan",
            "2026-W45;Instagram;reach;100;Atelier Douce Mèche", "2026-W45;Instagram;posts;2,5;Atelier Douce Mèche",
            "2026-W45;Myspace;posts;2;Atelier Douce Mèche", "2026-W45;Instagram;reach;1 000;");

        Assert.Equal(
            [(2, "brand", RejectReason.UnknownRival), (3, "brand", RejectReason.ArchivedRival), (4, "metric", RejectReason.NotARivalMetric),
             (5, "value", RejectReason.RivalValue), (6, "channel", RejectReason.UnknownChannel)],
            analysis.Rejections.Select(r => (r.Line, r.Column, r.Reason)).ToList());
        Assert.Empty(analysis.RivalFigures);
        Assert.Single(analysis.Figures);
    }

    private const string RivalFile = """
        week;channel;metric;value;brand
        2030-W10;Instagram;reach;1 000;
        2030-W10;Instagram;followers;22 600;Atelier Douce Meche
        2030-W10;Instagram;likes;230;Atelier Douce Mèche
        """;

    private static Task<int> RivalIdAsync(ComponentTestContext context) =>
        WithDbAsync(context, db => db.Competitors.Where(c => c.Name == "Atelier Douce Mèche").Select(c => c.Id).SingleAsync());

    private static Task<List<(BenchmarkMetric, double, int)>> RivalWeek10Async(ComponentTestContext context, int rival) => WithDbAsync(context, async db =>
        (await db.CompetitorFigures.Where(f => f.CompetitorId == rival && f.Week == new IsoWeek(2030, 10).Key).ToListAsync())
        .Select(f => (f.Metric, f.Value, f.Version)).OrderBy(f => f.Metric).ToList());

    [Fact]
    public async Task Rival_figures_are_written_with_the_brands_and_undone_with_them_restoring_the_old_value()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var rival = await RivalIdAsync(context);
        using (var first = await OpenAsync(context, workspace, "week;channel;metric;value;marque\n2030-W10;Instagram;followers;22 000;Atelier Douce Mèche\n"))
        {
            Assert.Null((await Service(context).ImportAsync(Editor(), workspace, first.FileName, await Service(context).DryRunAsync(first), false)).Refusal);
        }

        using var session = await OpenAsync(context, workspace, RivalFile);
        var plan = await Service(context).DryRunAsync(session);
        Assert.Equal((1, 1, 1), (plan.Added.Count, plan.RivalAdded.Count, plan.RivalChanged.Count));
        Assert.Equal((22_000d, 22_600d), (plan.RivalChanged[0].Old, plan.RivalChanged[0].New));

        var (batch, refusal) = await Service(context).ImportAsync(Editor(), workspace, session.FileName, plan, false);

        Assert.Null(refusal);
        Assert.Equal((2, 1), (batch!.Added, batch.Changed));
        Assert.Equal([(BenchmarkMetric.Followers, 22_600d, 2), (BenchmarkMetric.Likes, 230d, 1)], await RivalWeek10Async(context, rival));

        var (undo, _) = await Service(context).UndoAsync(Editor(), workspace, batch.Id);

        Assert.Null(undo);
        Assert.Equal([(BenchmarkMetric.Followers, 22_000d, 3)], await RivalWeek10Async(context, rival));
    }

    [Fact]
    public async Task Undo_is_refused_and_changes_nothing_when_a_rival_figure_was_edited_after_the_import()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var rival = await RivalIdAsync(context);
        using var session = await OpenAsync(context, workspace, RivalFile);
        var (batch, _) = await Service(context).ImportAsync(Editor(), workspace, session.FileName, await Service(context).DryRunAsync(session), false);
        await WithDbAsync(context, async db =>
        {
            var figure = await db.CompetitorFigures.SingleAsync(f => f.CompetitorId == rival && f.Week == new IsoWeek(2030, 10).Key && f.Metric == BenchmarkMetric.Likes);
            figure.Value = 250;
            return await db.SaveChangesAsync();
        });
        var before = await RivalWeek10Async(context, rival);
        var own = await StoreFingerprintAsync(context);

        var (refusal, changedSince) = await Service(context).UndoAsync(Editor(), workspace, batch!.Id);

        Assert.Equal((UndoRefusal.ChangedSince, 1), (refusal, changedSince));
        Assert.Equal(before, await RivalWeek10Async(context, rival));
        Assert.Equal(own, await StoreFingerprintAsync(context));
    }

    [Fact]
    public async Task An_import_whose_rival_figure_changed_since_the_dry_run_writes_nothing()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var rival = await RivalIdAsync(context);
        using var session = await OpenAsync(context, workspace, RivalFile);
        var plan = await Service(context).DryRunAsync(session);
        await WithDbAsync(context, async db =>
        {
            db.CompetitorFigures.Add(new CompetitorFigure
            {
                WorkspaceId = workspace, CompetitorId = rival, ChannelId = plan.RivalAdded[0].Cell.ChannelId, Metric = BenchmarkMetric.Likes,
                Week = new IsoWeek(2030, 10).Key, Value = 1,
            });
            return await db.SaveChangesAsync();
        });
        var own = await StoreFingerprintAsync(context);

        var (batch, refusal) = await Service(context).ImportAsync(Editor(), workspace, session.FileName, plan, false);

        Assert.Equal((null, ImportRefusal.ChangedSinceDryRun), (batch, refusal));
        Assert.Equal(own, await StoreFingerprintAsync(context));
        Assert.Equal([(BenchmarkMetric.Likes, 1d, 1)], await RivalWeek10Async(context, rival));
    }
}
