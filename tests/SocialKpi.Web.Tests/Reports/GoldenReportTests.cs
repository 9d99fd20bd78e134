using SkiaSharp;
using SocialKpi.Web.Features.Reports;

namespace SocialKpi.Web.Tests.Reports;

/// <summary>
/// The demo report, page by page, against images approved by a person (Reports/Golden). The pages are drawn from the
/// same layout as the PDF with SkiaSharp (no PDF rasterizer is needed on the machine), on a stopped clock. A page may
/// differ by anti-aliasing; a moved table, a lost chart or a changed figure fails. After an intended change, look at the
/// new pages and approve them: SOCIALKPI_UPDATE_GOLDEN=1 dotnet test --filter GoldenReportTests.
/// </summary>
public sealed class GoldenReportTests(DemoReportDatabase demo) : IClassFixture<DemoReportDatabase>
{
    private const float Scale = 0.75f;

    private static string GoldenFolder =>
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Reports", "Golden");

    [Fact]
    public async Task The_French_demo_report_looks_like_its_approved_pages()
    {
        var data = await demo.Builder.BuildAsync(demo.Default("fr-FR"));
        var pages = PdfReportRenderer.RenderImages(data, Scale);
        try
        {
            if (Environment.GetEnvironmentVariable("SOCIALKPI_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(GoldenFolder);
                foreach (var old in Directory.GetFiles(GoldenFolder, "demo-fr-*.png"))
                {
                    File.Delete(old);
                }

                for (var i = 0; i < pages.Count; i++)
                {
                    using var encoded = pages[i].Encode(SKEncodedImageFormat.Png, 100);
                    File.WriteAllBytes(Path.Combine(GoldenFolder, $"demo-fr-{i + 1:00}.png"), encoded.ToArray());
                }
            }

            var golden = Directory.GetFiles(GoldenFolder, "demo-fr-*.png").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(golden.Count, pages.Count);
            var differences = new List<string>();
            for (var i = 0; i < pages.Count; i++)
            {
                using var expected = SKBitmap.Decode(golden[i]);
                var (changed, meanDifference) = Compare(expected, pages[i]);
                if (changed > 0.005 || meanDifference > 1.5)
                {
                    differences.Add($"page {i + 1}: {changed:P2} of pixels changed, mean difference {meanDifference:0.00}");
                }
            }

            Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        }
        finally
        {
            foreach (var page in pages)
            {
                page.Dispose();
            }
        }
    }

    /// <summary>The share of pixels whose colour moved by more than a quarter of the range, and the mean difference per channel (0–255).</summary>
    private static (double Changed, double MeanDifference) Compare(SKBitmap expected, SKBitmap actual)
    {
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        long changed = 0;
        double total = 0;
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                var a = expected.GetPixel(x, y);
                var b = actual.GetPixel(x, y);
                var difference = Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue);
                total += difference / 3d;
                if (difference > 3 * 64)
                {
                    changed++;
                }
            }
        }

        var pixels = (double)expected.Width * expected.Height;
        return (changed / pixels, total / pixels);
    }
}
