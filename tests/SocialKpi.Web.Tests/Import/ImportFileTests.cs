using System.Text;
using MiniExcelLibs;
using SocialKpi.Web.Features.Import;

namespace SocialKpi.Web.Tests.Import;

public sealed class ImportFileTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"socialkpi-import-test-{Guid.NewGuid():N}");

    static ImportFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private FileInspection Inspect(byte[] bytes, ImportLimits? limits = null)
    {
        File.WriteAllBytes(path, bytes);
        return ImportFile.Inspect(path, "export.csv", limits ?? new ImportLimits());
    }

    [Fact]
    public void A_French_Excel_export_in_Windows_1252_with_semicolons_is_read_with_its_accents()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("Date;Portée;Abonnés\r\n02/11/2026;1 234,5;5 100\r\n03/11/2026;1 300,0;5 104\r\n");

        var layout = Inspect(bytes).Layout!;

        Assert.Equal((ImportFile.Windows1252, ';'), (layout.EncodingName, layout.Delimiter));
        Assert.Equal(["Date", "Portée", "Abonnés"], layout.Headers);
        Assert.Equal("1 234,5", layout.Sample[0].Cells[1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void UTF_8_with_or_without_a_byte_order_mark_is_recognised(bool bom)
    {
        var text = Encoding.UTF8.GetBytes("date,réactions,commentaires\n2026-11-02,3,4\n");
        var bytes = bom ? [0xEF, 0xBB, 0xBF, .. text] : text;

        var layout = Inspect(bytes).Layout!;

        Assert.Equal(bom ? ImportFile.Utf8Bom : ImportFile.Utf8, layout.EncodingName);
        Assert.Equal("réactions", layout.Headers[1]);
    }

    [Fact]
    public void Tabs_are_detected_as_the_separator_even_when_cells_hold_commas()
    {
        var layout = Inspect(Encoding.UTF8.GetBytes("Date\tReach\tNote\n2026-11-02\t1,234\t\"a, b\"\n2026-11-03\t1,300\t\"c\"\n")).Layout!;

        Assert.Equal('\t', layout.Delimiter);
    }

    [Theory]
    [InlineData(new byte[0], FileProblem.Empty)]
    [InlineData(new byte[] { 0x44, 0x61, 0x00, 0x01, 0x02, 0x74, 0x65 }, FileProblem.Binary)]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, FileProblem.OldExcelFormat)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 }, FileProblem.UnreadableSpreadsheet)]
    [InlineData(new byte[] { 0x44, 0x61, 0x74, 0x65, 0x0A }, FileProblem.NoHeader)]
    [InlineData(new byte[] { 0x41, 0x2C, 0x42, 0x0A }, FileProblem.NoData)]
    public void Files_that_are_not_exports_get_the_problem_they_have(byte[] bytes, FileProblem problem)
    {
        Assert.Equal(problem, Inspect(bytes).Error?.Problem);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_refused_with_its_number()
    {
        var bytes = Encoding.UTF8.GetBytes("Date,Reach\n2026-11-02,1\n2026-11-03," + new string('9', 2000) + "\n");

        var error = Inspect(bytes, new ImportLimits { MaxLineChars = 1000 }).Error;

        Assert.Equal((FileProblem.LineTooLong, 3), (error?.Problem, error?.Line));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        Assert.Equal(FileProblem.TooLarge, Inspect(new byte[2048], new ImportLimits { MaxFileBytes = 1024 }).Error?.Problem);
    }

    [Fact]
    public void An_xlsx_export_is_read_with_numbers_and_dates_as_text_an_importer_understands()
    {
        using (var stream = File.Create(path))
        {
            stream.SaveAs(new[]
            {
                new Dictionary<string, object> { ["Date"] = new DateTime(2026, 11, 2), ["Reach"] = 1234.5 },
                new Dictionary<string, object> { ["Date"] = new DateTime(2026, 11, 3), ["Reach"] = 1300 },
            }, excelType: ExcelType.XLSX);
        }

        var layout = ImportFile.Inspect(path, "export.xlsx", new ImportLimits()).Layout!;

        Assert.Equal(ImportFileKind.Xlsx, layout.Kind);
        Assert.Equal(["Date", "Reach"], layout.Headers);
        Assert.Equal(["2026-11-02", "1234.5"], layout.Sample[0].Cells);
    }

    public void Dispose() => File.Delete(path);
}
