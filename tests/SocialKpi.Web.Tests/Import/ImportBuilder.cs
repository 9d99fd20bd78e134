using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Metrics;
using SocialKpi.Web.Features.Import;

namespace SocialKpi.Web.Tests.Import;

/// <summary>A catalogue like the demo's (standard metrics, a few channels) and layouts built from CSV text.</summary>
internal static class ImportBuilder
{
    public static ImportCatalogue Catalogue { get; } = new(
        StandardMetrics.All.Select((m, i) => new CatalogueMetric(i + 1, m.Key, m.NameFr, m.NameEn, m.Unit, m.Aggregation)).ToList(),
        [
            new CatalogueChannel(1, "Instagram", ChannelKind.Instagram), new CatalogueChannel(2, "LinkedIn", ChannelKind.LinkedIn),
            new CatalogueChannel(3, "Site web", ChannelKind.WebsiteAnalytics), new CatalogueChannel(4, "Facebook", ChannelKind.Facebook),
        ]);

    public static int MetricId(string key) => Catalogue.Metric(key)!.Id;

    /// <summary>The layout and rows of a CSV given as lines (first line: header).</summary>
    public static (FileLayout Layout, List<FileRow> Rows) Csv(char delimiter, params string[] lines)
    {
        var rows = lines.Skip(1).Select((l, i) => new FileRow(i + 2, l.Split(delimiter))).ToList();
        var layout = new FileLayout(ImportFileKind.Csv, ImportFile.Utf8, delimiter, lines[0].Split(delimiter), rows.Take(20).ToList(), 1000);
        return (layout, rows);
    }

    public static ImportAnalysis Analyse(ImportMapping mapping, List<FileRow> rows) => ImportPlanner.Analyse(rows, rows.Count, mapping, Catalogue);

    public static ImportMapping Propose(FileLayout layout, string fileName = "export.csv") =>
        MappingProposer.Propose(layout, Catalogue, [], fileName, System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
