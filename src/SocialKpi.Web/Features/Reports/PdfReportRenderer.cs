using System.Globalization;
using System.Resources;
using SkiaSharp;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Annotations;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Objectives;
using SocialKpi.Domain.Progress;
using SocialKpi.Domain.Reporting;
using SocialKpi.Web.Components.Shared;
using SocialKpi.Web.Resources;

namespace SocialKpi.Web.Features.Reports;

/// <summary>
/// Renders a <see cref="ReportData"/> as an A4 PDF with SkiaSharp's PDF backend: real text in an embedded, subsetted
/// font, ScottPlot charts as vectors, page numbers. Figures are formatted by <see cref="Display"/> in the report's
/// culture, which this class sets for the duration of the rendering only.
/// </summary>
public static class PdfReportRenderer
{
    private static readonly ResourceManager Texts = new(typeof(Strings));

    public static byte[] Render(ReportData data, IProgress<double>? progress = null) =>
        Layout(data, progress, (flow, culture, footer, label) =>
        {
            using var output = new MemoryStream();
            var metadata = new SKDocumentPdfMetadata
            {
                Title = $"{data.WorkspaceName} — {T("ReportTitle", culture)}",
                Author = data.WorkspaceName,
                Creator = "SocialKpi",
                Producer = "SocialKpi",
                Creation = data.GeneratedAt.UtcDateTime,
                Modified = data.GeneratedAt.UtcDateTime,
                RasterDpi = 150,
                EncodingQuality = 90,
            };
            flow.WritePdf(output, metadata, footer, label);
            return output.ToArray();
        });

    /// <summary>The report's pages as images (<paramref name="scale"/> pixels per point), drawn from the same layout as the PDF.</summary>
    public static List<SKBitmap> RenderImages(ReportData data, float scale) =>
        Layout(data, null, (flow, _, footer, label) => flow.Rasterize(scale, footer, label));

    private static TResult Layout<TResult>(ReportData data, IProgress<double>? progress,
        Func<PageFlow, CultureInfo, string, Func<int, int, string>, TResult> finish)
    {
        ArgumentNullException.ThrowIfNull(data);
        var culture = CultureInfo.GetCultureInfo(data.Definition.Language);
        var (savedCulture, savedUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            using var flow = new PageFlow();
            var writer = new Writer(data, flow, culture, progress);
            writer.WriteAll();
            var result = finish(flow, culture, $"{data.WorkspaceName} · {writer.PeriodText}",
                (page, count) => string.Format(culture, T("ReportPageOf", culture), page, count));
            progress?.Report(1d);
            return result;
        }
        finally
        {
            CultureInfo.CurrentCulture = savedCulture;
            CultureInfo.CurrentUICulture = savedUiCulture;
        }
    }

    internal static string T(string key, CultureInfo culture) =>
        Texts.GetString(key, culture) ?? throw new InvalidOperationException($"The string {key} is missing from Resources/Strings.");

    private sealed class Writer(ReportData data, PageFlow flow, CultureInfo culture, IProgress<double>? progress)
    {
        private const float ChartHeight = 150f;
        private readonly ReportDefinition definition = data.Definition;

        public string PeriodText => Period(definition.From, definition.To);

        public void WriteAll()
        {
            Cover();
            var steps = (double)Math.Max(1, data.Objectives.Count + 4);
            var done = 0;
            void Step() => progress?.Report(Math.Min(0.95, ++done / steps));

            if (definition.Has(ReportSections.Summary))
            {
                Summary();
            }

            Step();
            if (definition.Has(ReportSections.Headlines) && data.Headlines.Count > 0)
            {
                Headlines();
            }

            Step();
            if (definition.Has(ReportSections.Objectives))
            {
                foreach (var objective in data.Objectives)
                {
                    Objective(objective);
                    Step();
                }
            }

            if (definition.Has(ReportSections.Channels) && data.Channels.Count > 0)
            {
                Channels();
            }

            if (definition.Has(ReportSections.Competitors) && data.Benchmark is { } benchmark)
            {
                Competitors(benchmark);
            }

            Step();
            if (definition.Has(ReportSections.Commentary) && !string.IsNullOrWhiteSpace(definition.Commentary))
            {
                SectionTitle(T("ReportCommentary"));
                flow.Paragraph(definition.Commentary.Trim(), size: 10.5f);
            }

            if (definition.Has(ReportSections.Appendix))
            {
                Appendix();
            }

            Step();
        }

        private string T(string key) => PdfReportRenderer.T(key, culture);

        private string F(string key, params object?[] args) => string.Format(culture, T(key), args);

        private static string Period(Domain.Calendar.IsoWeek from, Domain.Calendar.IsoWeek to) =>
            $"{Display.Week(from)} {from.Year} – {Display.Week(to)} {to.Year} ({Display.Date(from.Monday)} – {Display.Date(to.Sunday)})";

        private void Cover()
        {
            flow.Space(60f);
            if (data.Logo is { Length: > 0 } && SKImage.FromEncodedData(data.Logo) is { } logo)
            {
                using (logo)
                {
                    var scale = Math.Min(180f / logo.Width, 90f / logo.Height);
                    var (width, height) = (logo.Width * scale, logo.Height * scale);
                    flow.Block(height + 30f, (canvas, area) =>
                    {
                        using var paint = new SKPaint { IsAntialias = true };
                        canvas.DrawImage(logo, new SKRect(area.Left, area.Top, area.Left + width, area.Top + height),
                            new SKSamplingOptions(SKCubicResampler.Mitchell), paint);
                    });
                }
            }

            flow.Paragraph(T("ReportTitle").ToUpper(culture), true, 11f, PageFlow.Accent);
            flow.Space(6f);
            flow.Paragraph(data.WorkspaceName, true, 26f, PageFlow.Ink);
            flow.Space(18f);
            flow.Paragraph(F("ReportCoverPeriod", PeriodText), false, 12f);
            flow.Space(4f);
            var comparison = Period(definition.CompareFrom, definition.CompareTo);
            flow.Paragraph(F(definition.Comparison == ReportComparison.YearBefore ? "ReportCoverYearBefore" : "ReportCoverPrevious", comparison),
                false, 10f, PageFlow.Muted);
            flow.Space(4f);
            flow.Paragraph(F("ReportCoverGenerated", Display.Date(DateOnly.FromDateTime(data.GeneratedAt.UtcDateTime))), false, 10f, PageFlow.Muted);
            flow.Space(30f);
            var objectives = data.Objectives.Count;
            var onTrack = data.Objectives.Count(o => o.Progress.Status == KpiStatus.OnTrack);
            flow.Paragraph(F("ReportCoverObjectives", objectives, onTrack), false, 11f);
            flow.NewPage();
        }

        private void SectionTitle(string text)
        {
            flow.Space(6f);
            flow.Heading(text, 15f, PageFlow.Accent);
        }

        private void Summary()
        {
            SectionTitle(T("ReportSummary"));
            if (data.Objectives.Count == 0)
            {
                flow.Paragraph(T("ReportNoObjectives"), color: PageFlow.Muted);
                return;
            }

            flow.Table(
                [
                    new(T("ReportColumnObjective"), 2.2f),
                    new(T("ReportColumnStatus"), 1.1f),
                    new(T("ReportColumnProgress"), 1.3f, SKTextAlign.Right),
                    new(T("ReportColumnWhy"), 3.7f),
                ],
                data.Objectives.Select(o => (IReadOnlyList<string>)
                [
                    o.Objective.Name,
                    Status(o.Progress.Status),
                    Display.Percent(o.Progress.Attainment),
                    ObjectiveReason(o),
                ]),
                i => StatusColor(data.Objectives[i].Progress.Status));
        }

        /// <summary>One sentence: the KPI that weighs most on the status, or how many KPIs are on track.</summary>
        private string ObjectiveReason(ObjectiveProgressView objective)
        {
            var progress = objective.Progress;
            if (progress.Status == KpiStatus.OnTrack)
            {
                return F("ReportAllOnTrack", progress.OnTrackCount, progress.KpiCount);
            }

            var worst = objective.Kpis
                .OrderBy(k => k.Progress.Status.Status switch
                {
                    KpiStatus.OffTrack => 0,
                    KpiStatus.AtRisk => 1,
                    KpiStatus.NotComputable => 2,
                    _ => 3,
                })
                .ThenByDescending(k => k.Progress.Status.ShortfallPercent ?? 0m)
                .FirstOrDefault();
            return worst?.Progress.Status.Reason(definition.Language) ?? T("ReportNoKpis");
        }

        private void Headlines()
        {
            SectionTitle(T("ReportHeadlines"));
            flow.Paragraph(F("ReportHeadlinesIntro", Period(definition.CompareFrom, definition.CompareTo)), size: 9f, color: PageFlow.Muted);
            flow.Space(4f);
            flow.Table(
                [
                    new(T("ReportColumnFigure"), 2.6f),
                    new(T("ReportColumnPeriod"), 1.3f, SKTextAlign.Right),
                    new(T("ReportColumnComparison"), 1.3f, SKTextAlign.Right),
                    new(T("ReportColumnChange"), 1.1f, SKTextAlign.Right),
                ],
                data.Headlines.Select(h => (IReadOnlyList<string>)
                [
                    h.Name,
                    Figure(h.Current),
                    Figure(h.Comparison),
                    Display.Change(h.Change),
                ]));
            var text = new Localizer(culture);
            var notes = data.Headlines.Where(h => h.Current.NotComputable is not null)
                .Select(h => $"{h.Name}{(data.IsFrench ? "\u00A0:" : ":")} {Display.Reason(h.Current.NotComputable!, text)}")
                .ToList();
            foreach (var note in notes)
            {
                flow.Paragraph(note, size: 8.5f, color: PageFlow.Muted);
            }
        }

        private string Figure(KpiResult result) =>
            result.Value is { } value ? Display.Number(value, result.Unit, data.Currency) : Display.Missing;

        private void Objective(ObjectiveProgressView view)
        {
            var objective = view.Objective;
            flow.NewPage();
            SectionTitle(objective.Name);
            var category = objective.Category == ObjectiveCategory.Custom && objective.CustomCategory is { } custom
                ? custom
                : T("Category" + objective.Category);
            flow.Paragraph(
                F("ReportObjectiveLine", category, Display.Date(objective.StartDate), Display.Date(objective.EndDate),
                    Status(view.Progress.Status), Display.Percent(view.Progress.Attainment)),
                size: 9.5f, color: PageFlow.Muted);
            if (!string.IsNullOrWhiteSpace(objective.Description))
            {
                flow.Space(3f);
                flow.Paragraph(objective.Description.Trim(), size: 9.5f);
            }

            flow.Space(6f);
            if (view.Kpis.Count == 0)
            {
                flow.Paragraph(T("ReportNoKpis"), color: PageFlow.Muted);
                return;
            }

            flow.Table(
                [
                    new(T("ReportColumnKpi"), 2.6f),
                    new(T("ReportColumnBaseline"), 1.1f, SKTextAlign.Right),
                    new(T("ReportColumnTarget"), 1.1f, SKTextAlign.Right),
                    new(T("ReportColumnActual"), 1.1f, SKTextAlign.Right),
                    new(T("ReportColumnAttainment"), 1f, SKTextAlign.Right),
                    new(T("ReportColumnStatus"), 1.1f),
                ],
                view.Kpis.Select(k => (IReadOnlyList<string>)
                [
                    $"{k.Kpi.Name}\n{data.Measures(k.Kpi)}",
                    Display.Number(k.Kpi.Baseline, k.Kpi.Unit, data.Currency),
                    Display.Number(k.Kpi.Target, k.Kpi.Unit, data.Currency),
                    Display.Number(k.Progress.Current, k.Kpi.Unit, data.Currency),
                    Display.Percent(k.Progress.Attainment?.Value),
                    Status(k.Progress.Status.Status),
                ]),
                i => StatusColor(view.Kpis[i].Progress.Status.Status));

            var annotations = data.Annotations.Select((a, i) => (Number: i + 1, Annotation: a)).ToList();
            foreach (var kpi in view.Kpis)
            {
                KpiChart(kpi, annotations);
            }
        }

        private void KpiChart(KpiProgressView kpi, List<(int Number, Annotation Annotation)> annotations)
        {
            var relevant = annotations
                .Where(a => a.Annotation.ChannelIds.Count == 0 || kpi.Kpi.ChannelIds.Count == 0
                            || a.Annotation.ChannelIds.Exists(kpi.Kpi.ChannelIds.Contains))
                .ToList();
            flow.KeepTogether(ChartHeight + 40f + (relevant.Count * 12f));
            flow.Paragraph(kpi.Kpi.Name, true, 10f);
            flow.Paragraph(kpi.Progress.Status.Reason(definition.Language), size: 8.5f, color: StatusColor(kpi.Progress.Status.Status) ?? PageFlow.Muted);
            flow.Space(2f);
            flow.Block(ChartHeight, (canvas, area) =>
                ReportCharts.Kpi(canvas, area, kpi, definition.To, relevant, T("ReportChartActual"), T("ReportChartTrajectory")));
            foreach (var (number, annotation) in relevant)
            {
                flow.Paragraph($"{number}. {Display.Date(annotation.Date)}\u00A0: {annotation.Text}", size: 8f, color: PageFlow.Muted, indent: 8f);
            }

            flow.Space(10f);
        }

        private void Channels()
        {
            flow.NewPage();
            SectionTitle(T("ReportChannels"));
            flow.Table(
                [
                    new(T("ReportColumnChannel"), 1.5f),
                    new(T("ReportColumnReach"), 1.2f, SKTextAlign.Right),
                    new(T("ReportColumnEngagements"), 1.3f, SKTextAlign.Right),
                    new(T("ReportColumnEngagementRate"), 1.3f, SKTextAlign.Right),
                    new(T("ReportColumnLinkClicks"), 1f, SKTextAlign.Right),
                    new(T("ReportColumnFollowers"), 1.1f, SKTextAlign.Right),
                    new(T("ReportColumnCost"), 1.1f, SKTextAlign.Right),
                ],
                data.Channels.Select(c => (IReadOnlyList<string>)
                [
                    c.Name,
                    Display.Number(c.Reach, KpiUnit.Count),
                    Display.Number(c.Engagements, KpiUnit.Count),
                    c.EngagementRate.Value is { } rate ? Display.Number(rate, KpiUnit.Percent) : Display.Missing,
                    Display.Number(c.LinkClicks, KpiUnit.Count),
                    Display.Number(c.Followers, KpiUnit.Count),
                    Display.Number(c.Cost, KpiUnit.Currency, data.Currency),
                ]),
                i => SKColor.Parse(data.Channels[i].Color));
            if (data.Channels.Any(c => c.Reach is not null))
            {
                flow.Block(190f, (canvas, area) => ReportCharts.ChannelReach(canvas, area, data.Channels, T("ReportChannelReachChart")));
            }
        }

        /// <summary>
        /// One row per brand (marked in its colour, as on the social-proof page), one column per figure: the value, the rank
        /// among the tracked brands and the change from the comparison period. A figure that cannot be computed prints
        /// "n.c. [k]" with its reason in note k under the table, never 0.
        /// </summary>
        private void Competitors(ReportBenchmark benchmark)
        {
            flow.NewPage();
            SectionTitle(T("ReportCompetitors"));
            flow.Paragraph(F("ReportCompetitorsIntro", PeriodText, Period(definition.CompareFrom, definition.CompareTo), benchmark.Brands.Count),
                size: 9f, color: PageFlow.Muted);
            flow.Space(4f);

            var text = new Localizer(culture);
            var notes = new List<string>();
            string Note(string label, NotComputable missing)
            {
                // A rival's figure names its benchmark key ("rating"); the metric's name reads better.
                var input = BenchmarkMetrics.FromKey(missing.Input) is { } metric ? BenchmarkMetrics.BrandMetricKey(metric) : missing.Input;
                var note = $"{label} — {Display.Reason(missing with { Input = input }, text)}";
                var index = notes.IndexOf(note);
                if (index < 0)
                {
                    notes.Add(note);
                    index = notes.Count - 1;
                }

                return $"[{index + 1}]";
            }

            var brandCount = benchmark.Brands.Count;
            string Cell(BenchmarkRow row, BenchmarkCell cell)
            {
                var label = $"{cell.Brand} · {T("ReportBenchmark" + row.Figure)}";
                if (cell.Current.NotComputable is { } missing)
                {
                    return $"{T("ReportNotComputableShort")} {Note(label, missing)}";
                }

                var value = Display.Number(cell.Current.Value, cell.Current.Unit);
                var rank = cell.Rank is { } r ? F("ReportBenchmarkRank", r, brandCount) : "";
                var change = cell.Change.Value is not null ? Display.Change(cell.Change)
                    : cell.Comparison.NotComputable is { } before ? $"{Display.Missing} {Note(F("ReportBenchmarkComparisonNote", label), before)}"
                    : Display.Missing;
                return $"{value}\n{rank}\n{change}";
            }

            flow.Table(
                [
                    new(T("ReportColumnBrand"), 1.5f),
                    .. benchmark.Rows.Select(r => new TableColumn(T("ReportBenchmark" + r.Figure), 1f, SKTextAlign.Right)),
                ],
                benchmark.Brands.Select((brand, i) => (IReadOnlyList<string>)
                [
                    brand.Name,
                    .. benchmark.Rows.Select(r => Cell(r, r.Cells[i])),
                ]),
                i => SKColor.Parse(benchmark.Brands[i].Color),
                size: 8f);
            foreach (var (note, i) in notes.Select((n, i) => (n, i)))
            {
                flow.Paragraph($"[{i + 1}] {note}", size: 8f, color: PageFlow.Muted);
            }

            flow.Space(6f);
            flow.KeepTogether(ChartHeight + 70f);
            flow.Paragraph(T("ReportShareOfVoiceChart"), true, 10f);
            flow.Space(2f);
            flow.Block(ChartHeight + 50f, (canvas, area) => ReportCharts.ShareOfVoice(canvas, area, definition.From, definition.To, benchmark.Brands));
        }

        private void Appendix()
        {
            flow.NewPage();
            SectionTitle(T("ReportAppendix"));
            flow.Paragraph(T("ReportAppendixStatus"), size: 9f);
            flow.Space(8f);
            foreach (var headline in data.Headlines.Where(h => h.Definition is not null))
            {
                flow.KeepTogether(40f);
                flow.Paragraph(headline.Name, true, 9.5f);
                flow.Paragraph(headline.Definition!, size: 9f, color: PageFlow.Muted);
                flow.Space(5f);
            }

            foreach (var formula in data.Formulas)
            {
                flow.KeepTogether(40f);
                flow.Paragraph(formula.Name(definition.Language), true, 9.5f);
                flow.Paragraph(formula.Definition(definition.Language), size: 9f, color: PageFlow.Muted);
                flow.Space(5f);
            }
        }

        private string Status(KpiStatus status) => T(Display.StatusKey(status));

        private static SKColor? StatusColor(KpiStatus status) => status switch
        {
            KpiStatus.OnTrack => new SKColor(0x2E, 0x7D, 0x32),
            KpiStatus.AtRisk => new SKColor(0xC7, 0x7C, 0x02),
            KpiStatus.OffTrack => new SKColor(0xC6, 0x28, 0x28),
            _ => null,
        };
    }

    /// <summary>The app's strings in the report's language, for <see cref="Display"/> helpers that take a localizer.</summary>
    private sealed class Localizer(CultureInfo culture) : Microsoft.Extensions.Localization.IStringLocalizer<Strings>
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] => new(name, T(name, culture));

        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(culture, T(name, culture), arguments));

        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
