using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialKpi.Web.Features.Reports;

namespace SocialKpi.Web.Tests.Reports;

public sealed class DataExportsTests(DemoReportDatabase demo) : IClassFixture<DemoReportDatabase>
{
    private DataExports Exports => new(demo);

    [Theory]
    [InlineData(ExportDataset.MetricValues)]
    [InlineData(ExportDataset.KpiResults)]
    [InlineData(ExportDataset.Costs)]
    [InlineData(ExportDataset.RivalFigures)]
    public async Task An_invariant_CSV_reads_back_to_the_same_cells(ExportDataset dataset)
    {
        var table = await TableAsync(dataset, ExportForm.Invariant);

        var rows = ReadCsv(DataExports.Csv(table, ExportForm.Invariant, "fr-FR"), CultureInfo.InvariantCulture, ",");

        Assert.NotEmpty(table.Rows);
        Assert.Equal(table.Headers, rows[0]);
        Assert.Equal(table.Rows.Count, rows.Count - 1);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            Assert.Equal(table.Rows[i].Select(c => Invariant(c)), rows[i + 1]);
        }
    }

    [Fact]
    public async Task A_French_CSV_uses_semicolons_decimal_commas_French_headers_and_a_byte_order_mark()
    {
        var table = await TableAsync(ExportDataset.Costs, ExportForm.Local);

        var bytes = DataExports.Csv(table, ExportForm.Local, "fr-FR");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ReadCsv(bytes, CultureInfo.GetCultureInfo("fr-FR"), ";");
        Assert.Equal(["Semaine", "Réseau", "Catégorie", "Montant", "Devise", "Note"], rows[0]);
        var amounts = rows.Skip(1).Select(r => decimal.Parse(r[3], NumberStyles.Number, CultureInfo.GetCultureInfo("fr-FR"))).ToList();
        Assert.Equal(table.Rows.Select(r => (decimal)r[3]!), amounts);
        Assert.StartsWith("S", rows[1][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_XLSX_reads_back_with_numbers_as_numbers()
    {
        var table = await TableAsync(ExportDataset.MetricValues, ExportForm.Local);

        using var stream = new MemoryStream(DataExports.Xlsx(table, "MetricValues"));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(table.Rows.Count, rows.Count);
        Assert.Equal(table.Headers, rows[0].Keys);
        for (var i = 0; i < table.Rows.Count; i += 97)
        {
            Assert.Equal(table.Rows[i][0], rows[i][table.Headers[0]]);
            Assert.Equal((double)(decimal)table.Rows[i][4]!, Convert.ToDouble(rows[i][table.Headers[4]], CultureInfo.InvariantCulture), 6);
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+33 6 12", "'+33 6 12")]
    [InlineData("-promo", "'-promo")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("Campagne d’été", "Campagne d’été")]
    public void A_text_cell_that_a_spreadsheet_would_run_as_a_formula_is_defused(string text, string written) =>
        Assert.Equal(written, DataExports.Defused(text));

    [Fact]
    public async Task A_cost_note_starting_with_an_equals_sign_is_written_as_text_in_both_formats()
    {
        var table = await TableAsync(ExportDataset.Costs, ExportForm.Invariant);
        var row = (object?[])table.Rows[0].Clone();
        row[5] = "=1+1";
        var hostile = new ExportTable(table.Headers, [row]);

        var csv = ReadCsv(DataExports.Csv(hostile, ExportForm.Invariant, "fr-FR"), CultureInfo.InvariantCulture, ",");
        using var stream = new MemoryStream(DataExports.Xlsx(hostile, "Costs"));
        var xlsx = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();

        Assert.Equal("'=1+1", csv[1][5]);
        Assert.Equal("'=1+1", xlsx["note"]);
        Assert.Equal(-5m, decimal.Parse(DataExports.Csv(new ExportTable(["n"], [[-5m]]), ExportForm.Invariant, "fr-FR") is var b
            ? Encoding.UTF8.GetString(b).Split('\n')[1].Trim().TrimStart('\uFEFF') : "", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Rival_figures_are_exported_one_row_per_rival_channel_week_and_metric_with_the_values_entered()
    {
        var invariant = await TableAsync(ExportDataset.RivalFigures, ExportForm.Invariant);
        var local = await TableAsync(ExportDataset.RivalFigures, ExportForm.Local);

        await using var db = demo.CreateDbContext();
        var definition = demo.Default("fr-FR");
        var stored = await db.CompetitorFigures.Where(f => f.WorkspaceId == demo.WorkspaceId && f.Week >= definition.From.Key && f.Week <= definition.To.Key).ToListAsync();
        Assert.Equal(["brand", "channel", "week", "metric_key", "metric", "value"], invariant.Headers);
        Assert.Equal(["Marque", "Réseau", "Semaine", "Clé de la métrique", "Métrique", "Valeur"], local.Headers);
        Assert.Equal(stored.Count, invariant.Rows.Count);
        Assert.Equal(stored.Sum(f => (decimal)f.Value), invariant.Rows.Sum(r => (decimal)r[5]!));
        var first = invariant.Rows[0];
        Assert.Equal(("Atelier Douce Mèche", definition.From.ToString()), (first[0], first[2]));
        Assert.Contains(local.Rows, r => (string)r[4]! == "Abonnés (fin de semaine)" && ((string)r[2]!).StartsWith('S'));
    }

    [Fact]
    public async Task A_rival_named_like_a_formula_is_written_as_text_in_both_formats()
    {
        await using (var db = demo.CreateDbContext())
        {
            var rival = await db.Competitors.SingleAsync(c => c.Name == "Lueur Sauvage");
            rival.Name = "=HYPERLINK(\"http://x\")";
            await db.SaveChangesAsync();
        }

        try
        {
            var table = await TableAsync(ExportDataset.RivalFigures, ExportForm.Local);

            var csv = ReadCsv(DataExports.Csv(table, ExportForm.Local, "fr-FR"), CultureInfo.GetCultureInfo("fr-FR"), ";");
            using var stream = new MemoryStream(DataExports.Xlsx(table, "RivalFigures"));
            var xlsx = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Contains(csv, r => r[0] == "'=HYPERLINK(\"http://x\")");
            Assert.Contains(xlsx, r => (string?)r["Marque"] == "'=HYPERLINK(\"http://x\")");
            Assert.DoesNotContain(csv, r => r[0].StartsWith('='));
        }
        finally
        {
            await using var db = demo.CreateDbContext();
            await db.Competitors.Where(c => c.Name == "=HYPERLINK(\"http://x\")").ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Lueur Sauvage"));
        }
    }

    private async Task<ExportTable> TableAsync(ExportDataset dataset, ExportForm form)
    {
        await using var db = demo.CreateDbContext();
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == demo.WorkspaceId);
        var definition = demo.Default(workspace.Locale);
        return await Exports.TableAsync(workspace, dataset, definition.From, definition.To, form);
    }

    private static string Invariant(object? cell) => cell switch
    {
        null => "",
        decimal d => d.ToString("0.############", CultureInfo.InvariantCulture),
        string s => DataExports.Defused(s),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    private static List<string[]> ReadCsv(byte[] bytes, CultureInfo culture, string delimiter)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(culture) { Delimiter = delimiter });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }
}
