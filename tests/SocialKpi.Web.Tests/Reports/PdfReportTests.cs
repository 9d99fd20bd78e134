using UglyToad.PdfPig;

namespace SocialKpi.Web.Tests.Reports;

public sealed class PdfReportTests(DemoReportDatabase demo) : IClassFixture<DemoReportDatabase>
{
    [Fact]
    public async Task The_French_demo_report_names_the_workspace_its_objectives_and_keeps_accents()
    {
        var pdf = await demo.RenderAsync(demo.Default("fr-FR"));
        File.WriteAllBytes("/tmp/report-fr.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("Maison Lumière", text, StringComparison.Ordinal);
        Assert.Contains("Synthèse", text, StringComparison.Ordinal);
    }
}
