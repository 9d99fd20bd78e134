using System.Globalization;
using ScottPlot;
using SkiaSharp;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Annotations;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Progress;
using SocialKpi.Web.Components.Shared;

namespace SocialKpi.Web.Features.Reports;

/// <summary>
/// The report's charts, drawn by ScottPlot straight onto the PDF page's canvas: vectors and real text, in the report's
/// font, with tick labels in the report's culture ("2 600" and "S34" in French, "2,600" and "W34" in English).
/// Expects <see cref="CultureInfo.CurrentCulture"/> to be the report's.
/// </summary>
internal static class ReportCharts
{
    private static readonly Color ActualColor = Color.FromHex("#1F4E79");
    private static readonly Color TrajectoryColor = Color.FromHex("#9AA5B1");
    private static readonly Color AnnotationColor = Color.FromHex("#C2410C");

    /// <summary>
    /// A KPI's value reached week after week (the value its status is judged on) against the straight trajectory from
    /// baseline to target; annotations of the period are dashed lines numbered as in the list printed under the chart.
    /// </summary>
    public static void Kpi(SKCanvas canvas, SKRect area, KpiProgressView view, IsoWeek to, IReadOnlyList<(int Number, Annotation Annotation)> annotations,
        string actualLabel, string trajectoryLabel)
    {
        var plan = view.Progress.Plan;
        var start = plan.StartWeek;
        var end = plan.DeadlineWeek > to ? plan.DeadlineWeek : to;
        var last = to < plan.DeadlineWeek ? to : plan.DeadlineWeek;
        using var plot = NewPlot();

        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var week in IsoWeek.Range(start, last))
        {
            if (KpiCurrentValue.Of(plan, view.Weekly, week) is { } value)
            {
                xs.Add(start.WeeksUntil(week));
                ys.Add((double)value);
            }
        }

        var trajectory = plot.Add.Scatter(
            new double[] { 0, start.WeeksUntil(plan.DeadlineWeek) },
            new double[] { (double)plan.Baseline, (double)plan.Target });
        trajectory.Color = TrajectoryColor;
        trajectory.LineWidth = 1.5f;
        trajectory.LinePattern = LinePattern.Dashed;
        trajectory.MarkerSize = 0;
        trajectory.LegendText = trajectoryLabel;

        if (xs.Count > 0)
        {
            var actual = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            actual.Color = ActualColor;
            actual.LineWidth = 1.8f;
            actual.MarkerSize = xs.Count == 1 ? 5 : 0;
            actual.LegendText = actualLabel;
        }

        foreach (var (number, annotation) in annotations)
        {
            var at = start.WeeksUntil(IsoWeek.FromDate(annotation.Date));
            if (at < 0 || at > start.WeeksUntil(end))
            {
                continue;
            }

            var line = plot.Add.VerticalLine(at);
            line.Color = AnnotationColor.WithAlpha(0.7);
            line.LineWidth = 1f;
            line.LinePattern = LinePattern.Dotted;
            line.Text = number.ToString(CultureInfo.CurrentCulture);
            line.LabelFontName = ReportFonts.Family;
            line.LabelFontSize = 8;
            line.LabelBackgroundColor = AnnotationColor;
            line.LabelOppositeAxis = true;
        }

        WeekTicks(plot, start, start.WeeksUntil(end));
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Tick };
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontName = ReportFonts.Family;
        plot.Legend.FontSize = 8;
        Render(plot, canvas, area);
    }

    /// <summary>Reach per channel as bars in each channel's colour.</summary>
    public static void ChannelReach(SKCanvas canvas, SKRect area, IReadOnlyList<ReportChannelRow> channels, string title)
    {
        using var plot = NewPlot();
        var bars = channels.Select((c, i) => new Bar
        {
            Position = i,
            Value = (double)(c.Reach ?? 0m),
            FillColor = Color.FromHex(c.Color),
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, channels.Count).Select(i => (double)i).ToArray(),
            channels.Select(c => c.Name.Length > 14 ? c.Name[..13] + "…" : c.Name).ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Tick };
        plot.Axes.Margins(bottom: 0);
        plot.Title(title, size: 10);
        plot.Axes.Title.Label.FontName = ReportFonts.Family;
        Render(plot, canvas, area);
    }

    /// <summary>
    /// Each brand's share of voice week by week, in the brand's colour (the social-proof page's), the workspace's own
    /// brand drawn thicker; a week whose share is not computable has no point.
    /// </summary>
    public static void ShareOfVoice(SKCanvas canvas, SKRect area, IsoWeek from, IsoWeek to, IReadOnlyList<ReportBrand> brands)
    {
        using var plot = NewPlot();
        foreach (var brand in brands.Where(b => b.WeeklyShareOfVoice.Count > 0))
        {
            var line = plot.Add.Scatter(
                brand.WeeklyShareOfVoice.Select(p => (double)from.WeeksUntil(p.Week)).ToArray(),
                brand.WeeklyShareOfVoice.Select(p => (double)p.Value).ToArray());
            line.Color = Color.FromHex(brand.Color);
            line.LineWidth = brand.IsOwnBrand ? 2.4f : 1.4f;
            line.MarkerSize = brand.WeeklyShareOfVoice.Count == 1 ? 5 : 0;
        }

        WeekTicks(plot, from, from.WeeksUntil(to));
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Display.Tick(v, Domain.Kpis.KpiUnit.Percent) };
        plot.Axes.SetLimitsY(0, Math.Max(10, brands.SelectMany(b => b.WeeklyShareOfVoice).Select(p => (double)p.Value).DefaultIfEmpty(0).Max() * 1.1));
        var legendHeight = BrandLegend(canvas, area, brands, measureOnly: true);
        BrandLegend(canvas, new SKRect(area.Left, area.Bottom - legendHeight, area.Right, area.Bottom), brands, measureOnly: false);
        Render(plot, canvas, new SKRect(area.Left, area.Top, area.Right, area.Bottom - legendHeight - 4f));
    }

    /// <summary>
    /// The brands' names after a stroke of their colour, in rows under the chart (ScottPlot's legend would hide lines or
    /// squeeze the chart); returns the height used.
    /// </summary>
    private static float BrandLegend(SKCanvas canvas, SKRect area, IReadOnlyList<ReportBrand> brands, bool measureOnly)
    {
        using var font = PageFlow.Font(false, 8f);
        using var ink = PageFlow.Paint(PageFlow.Ink);
        const float swatch = 16f;
        const float gap = 14f;
        var rowHeight = PageFlow.LineHeight(font) + 2f;
        var (x, y) = (area.Left + 30f, area.Top);
        foreach (var brand in brands)
        {
            var name = ReportFonts.Printable(brand.Name);
            var width = swatch + 4f + font.MeasureText(name);
            if (x + width > area.Right && x > area.Left + 30f)
            {
                (x, y) = (area.Left + 30f, y + rowHeight);
            }

            if (!measureOnly)
            {
                using var stroke = new SKPaint { Color = SKColor.Parse(brand.Color), StrokeWidth = brand.IsOwnBrand ? 2.4f : 1.4f, IsAntialias = true };
                var middle = y + (rowHeight / 2f);
                canvas.DrawLine(x, middle, x + swatch, middle, stroke);
                canvas.DrawText(name, x + swatch + 4f, middle + (font.Size * 0.35f), SKTextAlign.Left, font, ink);
            }

            x += width + gap;
        }

        return y + rowHeight - area.Top;
    }

    /// <summary>Week labels ("S34"/"W34") on at most eight ticks along weeks 0..<paramref name="span"/> after <paramref name="start"/>.</summary>
    private static void WeekTicks(Plot plot, IsoWeek start, int span)
    {
        var step = Math.Max(1, (int)Math.Ceiling(span / 8d));
        // A label centred on the last week would stick out of the chart: ticks stop half a step before it.
        var positions = Enumerable.Range(0, (span / step) + 1).Select(i => (double)(i * step)).Where(p => p == 0 || p <= span - (step / 2d)).ToArray();
        plot.Axes.Bottom.SetTicks(positions, positions.Select(p => Display.Week(start.AddWeeks((int)p))).ToArray());
        plot.Axes.SetLimitsX(-0.5, span + 0.5);
    }

    private static Plot NewPlot()
    {
        ReportFonts.RegisterWithScottPlot();
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Color(Color.FromHex("#5F6B7A"));
        plot.Grid.MajorLineColor = Color.FromHex("#E5E9EF");
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = 8;
            axis.TickLabelStyle.FontName = ReportFonts.Family;
        }

        return plot;
    }

    private static string Tick(double value)
    {
        var culture = CultureInfo.CurrentCulture;
        var magnitude = Math.Abs(value);
        return magnitude >= 1000 ? value.ToString("#,##0", culture)
            : magnitude >= 10 ? value.ToString("#,##0.#", culture)
            : value.ToString("#,##0.##", culture);
    }

    private static void Render(Plot plot, SKCanvas canvas, SKRect area)
    {
        canvas.Save();
        canvas.ClipRect(area);
        plot.Render(canvas, new PixelRect(area.Left, area.Right, area.Bottom, area.Top));
        canvas.Restore();
    }
}
