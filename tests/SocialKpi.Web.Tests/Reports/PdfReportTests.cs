using System.Globalization;
using System.Text;
using SkiaSharp;
using SocialKpi.Domain.Reporting;
using SocialKpi.Web.Features.Reports;
using UglyToad.PdfPig;

namespace SocialKpi.Web.Tests.Reports;

public sealed class PdfReportTests(DemoReportDatabase demo) : IClassFixture<DemoReportDatabase>
{
    private const double Margin = PageFlow.Margin - 0.5;

    [Fact]
    public async Task The_French_demo_report_names_the_workspace_its_objectives_and_KPI_figures_with_French_accents_and_numbers()
    {
        var data = await demo.Builder.BuildAsync(demo.Default("fr-FR"));

        var text = Squeezed(TextOf(PdfReportRenderer.Render(data)));

        Assert.Contains(Squeezed("Maison Lumière"), text, StringComparison.Ordinal);
        Assert.Contains(Squeezed("Synthèse"), text, StringComparison.Ordinal);
        Assert.Contains(Squeezed("Répartition par réseau"), text, StringComparison.Ordinal);
        Assert.Contains(Squeezed("Annexe : définitions"), text, StringComparison.Ordinal);
        Assert.NotEmpty(data.Objectives);
        var french = CultureInfo.GetCultureInfo("fr-FR");
        foreach (var objective in data.Objectives)
        {
            Assert.Contains(Squeezed(objective.Objective.Name), text, StringComparison.Ordinal);
            foreach (var kpi in objective.Kpis.Where(k => k.Kpi.Unit == Domain.Kpis.KpiUnit.Count && k.Kpi.Target >= 1000))
            {
                // "36 829" in French: a space between thousands, never "36,829".
                Assert.Contains(Squeezed(kpi.Kpi.Target.ToString("#,##0", french)), text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_English_report_speaks_English_with_English_numbers()
    {
        var data = await demo.Builder.BuildAsync(demo.Default("en-US"));

        var text = TextOf(PdfReportRenderer.Render(data));

        Assert.Contains("Executivesummary", Squeezed(text), StringComparison.Ordinal);
        Assert.DoesNotContain("Synthèse", text, StringComparison.Ordinal);
        var kpi = data.Objectives.SelectMany(o => o.Kpis).First(k => k.Kpi.Unit == Domain.Kpis.KpiUnit.Count && k.Kpi.Target >= 1000);
        Assert.Contains(kpi.Kpi.Target.ToString("#,##0", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_headline_section_shows_ROI_ROA_ROE_with_their_change_and_the_appendix_defines_every_formula_used()
    {
        var data = await demo.Builder.BuildAsync(demo.Default("en-US"));

        var text = Squeezed(TextOf(PdfReportRenderer.Render(data)));

        Assert.Contains(Squeezed("ROI, ROA, ROE and headline figures"), text, StringComparison.Ordinal);
        Assert.Contains(data.Headlines, h => h.Name == "ROI");
        foreach (var headline in data.Headlines)
        {
            Assert.Contains(Squeezed(headline.Name), text, StringComparison.Ordinal);
        }

        foreach (var formula in data.Formulas)
        {
            Assert.Contains(Squeezed(formula.Definition("en-US")), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_page_is_numbered_out_of_the_page_count()
    {
        using var document = PdfDocument.Open(await demo.RenderAsync(demo.Default("fr-FR")));

        Assert.True(document.NumberOfPages >= 6, $"{document.NumberOfPages} pages");
        foreach (var page in document.GetPages())
        {
            Assert.Contains($"Page{page.Number}/{document.NumberOfPages}", Squeezed(page.Text), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_long_commentary_flows_over_pages_without_a_glyph_beyond_the_margins()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("La campagne d’automne a dépassé nos prévisions grâce à la créatrice lifestyle ; l’engagement a progressé.", 40));
        var commentary = paragraph + "\n\n" + new string('é', 400) + " FinDuCommentaire";
        var definition = demo.Default("fr-FR") with { Commentary = commentary };

        using var document = PdfDocument.Open(await demo.RenderAsync(definition));

        var outside = new List<string>();
        foreach (var page in document.GetPages())
        {
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var box = letter.BoundingBox;
                if (box.Left < Margin || box.Right > page.Width - Margin || box.Bottom < Margin || box.Top > page.Height - Margin)
                {
                    outside.Add($"page {page.Number}: '{letter.Value}' at {box.Left:0.#},{box.Bottom:0.#}–{box.Right:0.#},{box.Top:0.#}");
                }
            }
        }

        Assert.True(outside.Count == 0, string.Join(Environment.NewLine, outside.Take(20)));
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("FinDuCommentaire", text, StringComparison.Ordinal);
        Assert.Equal(commentary.Count(c => c == 'é'), text.Count(c => c == 'é') - TextOf(await demo.RenderAsync(demo.Default("fr-FR"))).Count(c => c == 'é'));
    }

    [Fact]
    public void A_table_longer_than_a_page_continues_on_the_next_pages_under_its_header()
    {
        using var flow = new PageFlow();
        flow.Table(
            [new("Objectif du trimestre", 3f), new("Valeur", 1f, SKTextAlign.Right)],
            Enumerable.Range(1, 150).Select(i => (IReadOnlyList<string>)[$"Ligne {i} avec un libellé assez long pour passer à la ligne dans sa colonne", i.ToString(CultureInfo.InvariantCulture)]));
        using var output = new MemoryStream();
        flow.WritePdf(output, new SKDocumentPdfMetadata(), "Test", (page, count) => $"Page {page} / {count}");

        using var document = PdfDocument.Open(output.ToArray());

        Assert.True(document.NumberOfPages >= 3, $"{document.NumberOfPages} pages");
        foreach (var page in document.GetPages())
        {
            Assert.Contains("Objectifdutrimestre", Squeezed(page.Text), StringComparison.Ordinal);
        }

        var all = Squeezed(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.Contains("Ligne150avec", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_report_weighs_tens_of_kilobytes_because_its_fonts_are_small()
    {
        var definition = demo.Default("fr-FR") with { Sections = ReportSections.Summary };

        var pdf = await demo.RenderAsync(definition);

        Assert.True(pdf.Length < 80_000, $"{pdf.Length} bytes");
    }

    [Fact]
    public void Characters_the_report_font_lacks_print_as_a_question_mark_not_as_an_empty_box()
    {
        Assert.Equal("Lumière ? ??", ReportFonts.Printable("Lumière \U0001F56F 東京"));
        Assert.Equal("Crème brûlée – 18 %", ReportFonts.Printable("Crème brûlée – 18 %"));
    }

    internal static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    /// <summary>The text without any kind of space, so "36 829" (narrow no-break space) and word spacing do not matter.</summary>
    internal static string Squeezed(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0'))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }
}
