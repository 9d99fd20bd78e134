using System.Globalization;
using System.Text;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Web.Features.Import;

/// <summary>What a column of the file holds.</summary>
public enum ColumnRole
{
    Ignore,
    /// <summary>The day of the row (daily or per-post exports).</summary>
    Date,
    /// <summary>The ISO week of the row ("2026-W05").</summary>
    Week,
    /// <summary>The channel's name, when one file holds several channels.</summary>
    Channel,
    /// <summary>Long files (one figure per row): the metric's key or name.</summary>
    MetricName,
    /// <summary>Long files: the figure.</summary>
    Value,
    /// <summary>Wide files (one column per metric): the figure of <see cref="ColumnMap.MetricKey"/>.</summary>
    Figure,
    /// <summary>Long files: whose figure it is, empty or our brand's name for ours, a tracked rival's name for theirs.</summary>
    Brand,
}

/// <summary>What one row of the file is: a day, a post, or already a week.</summary>
public enum RowKind
{
    Daily,
    PerPost,
    Weekly,
}

/// <summary>One column of the file and what it holds.</summary>
public sealed class ColumnMap
{
    public required string Header { get; init; }

    public ColumnRole Role { get; set; }

    /// <summary>For <see cref="ColumnRole.Figure"/>: the metric's key.</summary>
    public string? MetricKey { get; set; }

    /// <summary>The platform writes a rate as a fraction (0.45 for 45 %): multiplied by 100 unless the cell has a "%".</summary>
    public bool Fraction { get; set; }
}

/// <summary>How the file's columns become weekly figures; proposed from the headers, corrected by the user.</summary>
public sealed class ImportMapping
{
    public List<ColumnMap> Columns { get; init; } = [];

    /// <summary>The channel of every row when the file has no channel column.</summary>
    public int? ChannelId { get; set; }

    public RowKind Rows { get; set; } = RowKind.Daily;

    /// <summary>One of <see cref="ImportValues.DateFormats"/> or <see cref="ImportValues.WeekFormat"/>.</summary>
    public string DateFormat { get; set; } = "yyyy-MM-dd";

    public char DecimalSeparator { get; set; } = '.';

    /// <summary>The preset it came from (a built-in key or a saved preset's name), for the user's information.</summary>
    public string? Preset { get; set; }

    public bool IsLong => Columns.Any(c => c.Role == ColumnRole.MetricName);

    public int IndexOf(ColumnRole role) => Columns.FindIndex(c => c.Role == role);
}

/// <summary>Why a mapping cannot be used yet (the file lacks, or the mapping does not name, a needed column).</summary>
public enum MappingProblem
{
    NoDateColumn,
    NoChannel,
    NoFigureColumn,
    LongNeedsValue,
    UnknownMetric,
}

/// <summary>The workspace's metrics and channels, as the importer matches them.</summary>
public sealed record CatalogueMetric(int Id, string Key, string NameFr, string NameEn, MetricUnit Unit, Aggregation Aggregation);

public sealed record CatalogueChannel(int Id, string Name, ChannelKind Kind);

/// <summary>A rival of the workspace, as a brand column names it; an archived one is refused, not matched to another.</summary>
public sealed record CatalogueRival(int Id, string Name, bool IsArchived);

public sealed record ImportCatalogue(IReadOnlyList<CatalogueMetric> Metrics, IReadOnlyList<CatalogueChannel> Channels)
{
    /// <summary>The names a brand column gives our own figures (the workspace's name).</summary>
    public IReadOnlyList<string> OwnNames { get; init; } = [];

    public IReadOnlyList<CatalogueRival> Rivals { get; init; } = [];

    public CatalogueMetric? Metric(string key) => Metrics.FirstOrDefault(m => m.Key == key);
}

/// <summary>Proposes a mapping from the headers, the built-in presets and the workspace's saved presets; checks one.</summary>
public static class MappingProposer
{
    public static ImportMapping Propose(
        FileLayout layout, ImportCatalogue catalogue, IEnumerable<(string Name, ImportMapping Mapping)> savedPresets, string fileName, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(culture);
        var headers = layout.Headers.Select(ImportPresets.Normalize).ToList();

        var candidates = savedPresets.Select(p => (Name: p.Name,
                Columns: (IReadOnlyDictionary<string, ColumnMap>)p.Mapping.Columns.GroupBy(c => ImportPresets.Normalize(c.Header)).ToDictionary(g => g.Key, g => g.First()),
                Channel: (ChannelKind?)null, p.Mapping.Rows, Saved: (ImportMapping?)p.Mapping))
            .Concat(ImportPresets.BuiltIn.Select(p => (Name: p.Key, p.Columns, p.Channel, p.Rows, Saved: (ImportMapping?)null)));
        var best = candidates
            .Select(c => (Candidate: c, Score: headers.Count(h => c.Columns.ContainsKey(h) && c.Columns[h].Role != ColumnRole.Ignore)))
            .Where(c => c.Score >= 2 && headers.Any(h => c.Candidate.Columns.TryGetValue(h, out var m) && m.Role is ColumnRole.Date or ColumnRole.Week))
            .OrderByDescending(c => c.Score).Select(c => c.Candidate).FirstOrDefault();

        var mapping = new ImportMapping { Rows = RowKind.Daily };
        for (var i = 0; i < headers.Count; i++)
        {
            var column = best.Columns?.GetValueOrDefault(headers[i]) ?? Guess(headers[i], catalogue);
            mapping.Columns.Add(new ColumnMap
            {
                Header = layout.Headers[i],
                Role = column?.Role ?? ColumnRole.Ignore,
                MetricKey = column?.MetricKey,
                Fraction = column?.Fraction ?? false,
            });
        }

        // A preset may name a metric the workspace does not have (a custom one deleted since): such columns are ignored.
        foreach (var column in mapping.Columns.Where(c => c.Role == ColumnRole.Figure && catalogue.Metric(c.MetricKey ?? "") is null))
        {
            column.Role = ColumnRole.Ignore;
            column.MetricKey = null;
        }

        mapping.Preset = best.Name;
        var dateColumn = mapping.Columns.FindIndex(c => c.Role is ColumnRole.Date or ColumnRole.Week);
        if (best.Name is not null)
        {
            mapping.Rows = best.Rows;
        }
        else if (dateColumn >= 0 && mapping.Columns[dateColumn].Role == ColumnRole.Week)
        {
            mapping.Rows = RowKind.Weekly;
        }

        if (dateColumn >= 0)
        {
            var format = ImportValues.DetectDateFormat(Cells(layout, dateColumn), dayFirst: culture.DateTimeFormat.ShortDatePattern.StartsWith('d'));
            if (format is not null)
            {
                mapping.DateFormat = format;
                if (format == ImportValues.WeekFormat)
                {
                    mapping.Columns[dateColumn].Role = ColumnRole.Week;
                    mapping.Rows = RowKind.Weekly;
                }
            }
        }

        var numberCells = mapping.Columns.Select((c, i) => (c, i)).Where(x => x.c.Role is ColumnRole.Figure or ColumnRole.Value)
            .SelectMany(x => Cells(layout, x.i));
        mapping.DecimalSeparator = ImportValues.DetectDecimalSeparator(numberCells, layout.Delimiter == ',' ? '.' : layout.Delimiter == ';' ? ',' : culture.NumberFormat.NumberDecimalSeparator[0]);

        if (mapping.IndexOf(ColumnRole.Channel) < 0)
        {
            mapping.ChannelId = best.Saved?.ChannelId is { } saved && catalogue.Channels.Any(c => c.Id == saved) ? saved
                : ChannelFromFileName(fileName, catalogue.Channels)
                  ?? (best.Channel is { } kind ? catalogue.Channels.FirstOrDefault(c => c.Kind == kind)?.Id : null);
        }

        return mapping;
    }

    /// <summary>Null when the mapping can be used on a file.</summary>
    public static MappingProblem? Check(ImportMapping mapping, ImportCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(catalogue);
        if (mapping.IndexOf(ColumnRole.Date) < 0 && mapping.IndexOf(ColumnRole.Week) < 0)
        {
            return MappingProblem.NoDateColumn;
        }

        if (mapping.IndexOf(ColumnRole.Channel) < 0 && catalogue.Channels.All(c => c.Id != mapping.ChannelId))
        {
            return MappingProblem.NoChannel;
        }

        if (mapping.IsLong)
        {
            return mapping.IndexOf(ColumnRole.Value) < 0 ? MappingProblem.LongNeedsValue : null;
        }

        var figures = mapping.Columns.Where(c => c.Role == ColumnRole.Figure).ToList();
        if (figures.Count == 0)
        {
            return MappingProblem.NoFigureColumn;
        }

        return figures.Any(f => catalogue.Metric(f.MetricKey ?? "") is null) ? MappingProblem.UnknownMetric : null;
    }

    private static List<string> Cells(FileLayout layout, int column) =>
        layout.Sample.Where(r => column < r.Cells.Length).Select(r => r.Cells[column]).ToList();

    private static ColumnMap? Guess(string header, ImportCatalogue catalogue)
    {
        if (ImportPresets.GenericRoles.TryGetValue(header, out var role))
        {
            return new ColumnMap { Header = header, Role = role };
        }

        var metric = catalogue.Metrics.FirstOrDefault(m =>
                         ImportPresets.Normalize(m.Key) == header || ImportPresets.Normalize(m.NameEn) == header || ImportPresets.Normalize(m.NameFr) == header)
                     ?? (ImportPresets.MetricAliases.TryGetValue(header, out var key) ? catalogue.Metric(key) : null);
        return metric is null ? null : new ColumnMap { Header = header, Role = ColumnRole.Figure, MetricKey = metric.Key };
    }

    private static int? ChannelFromFileName(string fileName, IReadOnlyList<CatalogueChannel> channels)
    {
        var name = ImportPresets.Normalize(Path.GetFileNameWithoutExtension(fileName));
        return channels.Where(c => ImportPresets.Normalize(c.Name).Length >= 2)
            .FirstOrDefault(c => name.Contains(ImportPresets.Normalize(c.Name), StringComparison.Ordinal))?.Id;
    }

    /// <summary>The channel a row names, by name or by network ("Instagram", "instagram ", "LinkedIn").</summary>
    public static CatalogueChannel? FindChannel(string text, IReadOnlyList<CatalogueChannel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var name = ImportPresets.Normalize(text);
        return channels.FirstOrDefault(c => ImportPresets.Normalize(c.Name) == name)
               ?? channels.FirstOrDefault(c => ImportPresets.Normalize(c.Kind.ToString()) == name);
    }

    /// <summary>The metric a row names, by key or by name in either language.</summary>
    public static CatalogueMetric? FindMetric(string text, ImportCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var name = ImportPresets.Normalize(text);
        return catalogue.Metrics.FirstOrDefault(m => m.Key == text.Trim())
               ?? catalogue.Metrics.FirstOrDefault(m => ImportPresets.Normalize(m.Key) == name || ImportPresets.Normalize(m.NameEn) == name
                                                        || ImportPresets.Normalize(m.NameFr) == name)
               ?? (ImportPresets.MetricAliases.TryGetValue(name, out var key) ? catalogue.Metric(key) : null);
    }

    internal static string StripAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }
}
