using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Importing;
using SocialKpi.Domain.Metrics;
using SocialKpi.Web.Features.Import;
using static SocialKpi.Web.Tests.Import.ImportBuilder;

namespace SocialKpi.Web.Tests.Import;

public class ImportPlannerTests
{
    private static readonly int Week45 = new IsoWeek(2026, 45).Key;

    /// <summary>Monday 2 to Sunday 8 November 2026 (ISO week 45), then the Monday after.</summary>
    private static string[] DailyGa(params string[] extra) =>
    [
        "Date,Sessions,Bounce rate,Key events",
        "20261102,100,0.40,1", "20261103,300,0.60,2", "20261104,100,0.40,0", "20261105,100,0.40,0",
        "20261106,100,0.40,0", "20261107,100,0.40,0", "20261108,200,0.50,1", .. extra,
    ];

    [Fact]
    public void Daily_rows_become_weekly_sums_and_rates_are_averaged_weighted_by_their_base()
    {
        var (layout, rows) = Csv(',', DailyGa());
        var analysis = Analyse(Propose(layout), rows);

        Assert.Equal(1000, analysis.Figures[new FigureCell(3, MetricId(StandardMetrics.Sessions), Week45)]);
        Assert.Equal(4, analysis.Figures[new FigureCell(3, MetricId(StandardMetrics.Conversions), Week45)]);
        // (100×40 + 300×60 + 4×100×40 + 200×50) / 1000 sessions = 48 %, not the plain mean of 45.7 %.
        Assert.Equal(48, analysis.Figures[new FigureCell(3, MetricId(StandardMetrics.BounceRate), Week45)], 9);
        Assert.Empty(analysis.Rejections);
    }

    [Fact]
    public void Followers_keep_the_value_of_the_last_day_of_the_week_whatever_the_row_order()
    {
        var (layout, rows) = Csv(',', "Date,Total followers,Impressions (total)",
            "11/08/2026,5125,1", "11/02/2026,5100,1", "11/05/2026,5115,1");
        var mapping = Propose(layout);
        mapping.Rows = RowKind.PerPost;

        var analysis = Analyse(mapping, rows);

        Assert.Equal(5125, analysis.Figures[new FigureCell(2, MetricId(StandardMetrics.Followers), Week45)]);
    }

    [Fact]
    public void A_week_the_daily_file_only_partly_covers_is_not_imported_for_totals()
    {
        var (layout, rows) = Csv(',', DailyGa("20261109,50,0.3,1"));

        var analysis = Analyse(Propose(layout), rows);

        var week46 = new IsoWeek(2026, 46).Key;
        Assert.DoesNotContain(new FigureCell(3, MetricId(StandardMetrics.Sessions), week46), analysis.Figures.Keys);
        Assert.Contains(analysis.Rejections, r => r.Reason == RejectReason.IncompleteWeek && r.Cell?.Week == week46);
        Assert.Contains(new FigureCell(3, MetricId(StandardMetrics.BounceRate), week46), analysis.Figures.Keys);
    }

    [Fact]
    public void A_formula_cell_is_rejected_with_its_line_and_column_and_its_week_is_not_imported()
    {
        var lines = DailyGa();
        lines[2] = "20261103,=cmd|' /C calc'!A0,0.60,2";
        var (layout, rows) = Csv(',', lines);

        var analysis = Analyse(Propose(layout), rows);

        Assert.Contains(new Rejection(3, "Sessions", RejectReason.Formula, "=cmd|' /C calc'!A0"), analysis.Rejections);
        Assert.DoesNotContain(new FigureCell(3, MetricId(StandardMetrics.Sessions), Week45), analysis.Figures.Keys);
        Assert.Contains(new FigureCell(3, MetricId(StandardMetrics.Conversions), Week45), analysis.Figures.Keys);
    }

    [Fact]
    public void The_same_day_twice_is_a_duplicate_and_its_week_is_left_out()
    {
        var (layout, rows) = Csv(',', DailyGa("20261104,100,0.40,0"));

        var analysis = Analyse(Propose(layout), rows);

        Assert.Contains(new Rejection(9, null, RejectReason.Duplicate, "4"), analysis.Rejections);
        Assert.DoesNotContain(analysis.Figures.Keys, c => c.Week == Week45);
    }

    [Fact]
    public void Bad_values_are_rejected_with_a_reason_each()
    {
        var (layout, rows) = Csv(';', "week;channel;metric;value",
            "2026-W45;Instagram;reach;-3", "2026-W45;Instagram;bounce_rate;140", "2026-W45;Snapchat;reach;1",
            "2026-W45;Instagram;mood;1", "someday;Instagram;reach;1", "2026-W45;Instagram;comments;beaucoup", "2026-W45;Instagram");

        var analysis = Analyse(Propose(layout), rows);

        Assert.Equal(
            [RejectReason.Negative, RejectReason.PercentOutOfRange, RejectReason.UnknownChannel, RejectReason.UnknownMetric,
             RejectReason.BadDate, RejectReason.NotANumber, RejectReason.MissingCells],
            analysis.Rejections.Where(r => r.Line > 0).Select(r => r.Reason));
        Assert.Empty(analysis.Figures);
    }

    [Fact]
    public void A_long_file_in_SocialKpi_form_reads_one_figure_per_row_by_metric_key_or_name_and_channel_name()
    {
        var (layout, rows) = Csv(';', "week;channel;metric;value",
            "2026-W45;Instagram;reach;1 234,5", "2026-W45;linkedin;Abonnés (fin de semaine);5 100", "2026-W46;Instagram;Reach;10");

        var mapping = Propose(layout);
        var analysis = Analyse(mapping, rows);

        Assert.Equal((ImportPresets.SocialKpi, RowKind.Weekly), (mapping.Preset, mapping.Rows));
        Assert.Equal(1234.5, analysis.Figures[new FigureCell(1, MetricId(StandardMetrics.Reach), Week45)]);
        Assert.Equal(5100, analysis.Figures[new FigureCell(2, MetricId(StandardMetrics.Followers), Week45)]);
        Assert.Equal(3, analysis.Figures.Count);
    }
}
