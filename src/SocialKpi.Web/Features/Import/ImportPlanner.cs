using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Importing;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Web.Features.WeeklyEntry;

namespace SocialKpi.Web.Features.Import;

/// <summary>Why a row, a cell or a week's figure is left out.</summary>
public enum RejectReason
{
    /// <summary>The row has fewer cells than the header: usually a file cut short.</summary>
    MissingCells,
    /// <summary>A stray or unclosed quote: the row's cells cannot be told apart reliably.</summary>
    BrokenQuotes,
    BadDate,
    UnknownChannel,
    UnknownMetric,
    NotANumber,
    /// <summary>"=cmd|…" and the like: a spreadsheet formula, never taken as a value.</summary>
    Formula,
    Negative,
    PercentOutOfRange,
    /// <summary>The same day (daily rows), week (weekly rows) or identical post row appears again.</summary>
    Duplicate,
    /// <summary>Another row of the same week was rejected: the week's figure would be wrong.</summary>
    WeekHasRejectedRow,
    /// <summary>A daily export that does not cover the whole week (its first and last weeks, usually): a total would be partial.</summary>
    IncompleteWeek,
    /// <summary>The brand column names neither our brand nor a rival of the workspace.</summary>
    UnknownRival,
    /// <summary>The brand column names an archived rival: its figures are no longer tracked.</summary>
    ArchivedRival,
    /// <summary>A rival's row for a metric rivals have no figure of (only the public benchmark figures).</summary>
    NotARivalMetric,
    /// <summary>A rival's count that is not a whole number, or a rating outside 0–5 stars.</summary>
    RivalValue,
    /// <summary>Rival figures come from weekly rows of a long file (week, channel, metric, value, brand).</summary>
    RivalNeedsWeeklyRows,
}

/// <summary>One weekly figure of a rival: a benchmark metric on a channel for an ISO week (year × 100 + week).</summary>
public readonly record struct RivalCell(int CompetitorId, int ChannelId, SocialKpi.Domain.Competitors.BenchmarkMetric Metric, int Week);

/// <summary>
/// What is left out and why: <see cref="Line"/> is the file's line (0 for a week's figure), <see cref="Column"/> the
/// header, <see cref="Detail"/> the cell's text or the figure ("2026-W03 · Instagram · Reach").
/// </summary>
public sealed record Rejection(int Line, string? Column, RejectReason Reason, string? Detail, FigureCell? Cell = null);

/// <summary>The weekly figures a file yields, what it rejects, or why it cannot be read at all.</summary>
public sealed record ImportAnalysis(IReadOnlyDictionary<FigureCell, double> Figures, IReadOnlyList<Rejection> Rejections, int Rows, FileError? FileError)
{
    /// <summary>The rivals' weekly figures the file carries (rows whose brand column names a tracked rival).</summary>
    public IReadOnlyDictionary<RivalCell, double> RivalFigures { get; init; } = new Dictionary<RivalCell, double>();

    public static ImportAnalysis Failed(FileError error) => new(new Dictionary<FigureCell, double>(), [], 0, error);
}

/// <summary>
/// Reads every row of a mapped file into weekly figures (<see cref="WeeklyRollup"/>), rejecting what cannot be
/// trusted with the line, the column and the reason. Pure: no database; the dry run compares its result with the store.
/// </summary>
public static class ImportPlanner
{
    /// <summary>Rates averaged over a week weigh each day by their base, found in the same row.</summary>
    private static readonly Dictionary<string, string> RateBases = new(StringComparer.Ordinal)
    {
        [StandardMetrics.BounceRate] = StandardMetrics.Sessions,
        [StandardMetrics.AverageResponseTime] = StandardMetrics.MessagesAnswered,
    };

    public static ImportAnalysis Analyse(
        string path, FileLayout layout, ImportMapping mapping, ImportCatalogue catalogue, ImportLimits limits,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        try
        {
            return Analyse(ImportFile.DataRows(path, layout, limits, cancellationToken), EstimatedRows(layout), mapping, catalogue, progress);
        }
        catch (ImportFileException e)
        {
            return ImportAnalysis.Failed(e.Error);
        }
        catch (Exception e) when (e is IOException or CsvHelper.CsvHelperException or System.Text.DecoderFallbackException)
        {
            return ImportAnalysis.Failed(new FileError(FileProblem.Unreadable));
        }
    }

    private static double EstimatedRows(FileLayout layout)
    {
        var averageChars = layout.Sample.Average(r => r.Cells.Sum(c => c.Length + 1) + 1.0);
        return Math.Max(1, layout.Bytes / averageChars);
    }

    /// <summary>The analysis of rows already read (tests give them directly).</summary>
    public static ImportAnalysis Analyse(IEnumerable<FileRow> rows, double estimatedRows, ImportMapping mapping, ImportCatalogue catalogue, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(catalogue);
        var state = new State(mapping, catalogue);
        var count = 0;
        foreach (var row in rows)
        {
            state.Read(row);
            if (++count % 2048 == 0)
            {
                progress?.Report(Math.Min(0.99, count / estimatedRows));
            }
        }

        progress?.Report(1);
        return new ImportAnalysis(state.Figures(), state.Rejections, count, null) { RivalFigures = state.RivalFigures };
    }

    private sealed class State
    {
        private readonly ImportMapping mapping;
        private readonly ImportCatalogue catalogue;
        private readonly WeeklyRollup rollup = new();
        private readonly Dictionary<FigureCell, byte> daysSeen = [];
        private readonly HashSet<FigureCell> poisoned = [];
        private readonly HashSet<int> poisonedWeeks = [];
        private readonly Dictionary<(int Key, int Channel, int Metric), int> firstLine = [];
        private readonly Dictionary<string, int> postRows = new(StringComparer.Ordinal);
        private readonly Dictionary<string, CatalogueChannel?> channelNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, CatalogueMetric?> metricNames = new(StringComparer.Ordinal);
        private readonly (int Index, ColumnMap Column, CatalogueMetric Metric, int BaseIndex)[] figureColumns;
        private readonly int dateIndex;
        private readonly int channelIndex;
        private readonly int metricIndex;
        private readonly int valueIndex;
        private readonly int brandIndex;
        private readonly Dictionary<string, (CatalogueRival? Rival, RejectReason? Problem)> brandNames = new(StringComparer.Ordinal);
        private readonly Dictionary<RivalCell, int> rivalLines = [];
        private readonly int width;
        private readonly bool byWeek;
        private readonly CatalogueChannel? fixedChannel;

        public State(ImportMapping mapping, ImportCatalogue catalogue)
        {
            this.mapping = mapping;
            this.catalogue = catalogue;
            byWeek = mapping.IndexOf(ColumnRole.Week) >= 0;
            dateIndex = byWeek ? mapping.IndexOf(ColumnRole.Week) : mapping.IndexOf(ColumnRole.Date);
            channelIndex = mapping.IndexOf(ColumnRole.Channel);
            metricIndex = mapping.IndexOf(ColumnRole.MetricName);
            valueIndex = mapping.IndexOf(ColumnRole.Value);
            brandIndex = mapping.IndexOf(ColumnRole.Brand);
            fixedChannel = catalogue.Channels.FirstOrDefault(c => c.Id == mapping.ChannelId);
            var keys = mapping.Columns.Select((c, i) => (c, i)).Where(x => x.c.Role == ColumnRole.Figure).ToDictionary(x => x.c.MetricKey ?? "", x => x.i);
            figureColumns = mapping.Columns.Select((c, i) => (c, i))
                .Where(x => x.c.Role == ColumnRole.Figure && catalogue.Metric(x.c.MetricKey ?? "") is not null)
                .Select(x =>
                {
                    var metric = catalogue.Metric(x.c.MetricKey!)!;
                    var baseIndex = RateBases.TryGetValue(metric.Key, out var baseKey) && keys.TryGetValue(baseKey, out var b) ? b : -1;
                    return (x.i, x.c, metric, baseIndex);
                }).ToArray();
            width = new[] { dateIndex, channelIndex, metricIndex, valueIndex, brandIndex }.Concat(figureColumns.Select(f => f.Index)).Max() + 1;
        }

        public List<Rejection> Rejections { get; } = [];

        public Dictionary<RivalCell, double> RivalFigures { get; } = [];

        public void Read(FileRow row)
        {
            var cells = row.Cells;
            if (row.BrokenQuotes)
            {
                Reject(row.Line, null, RejectReason.BrokenQuotes, null);
                return;
            }

            if (cells.Length < width)
            {
                Reject(row.Line, null, RejectReason.MissingCells, null);
                return;
            }

            if (!TryWhen(cells[dateIndex], out var week, out var day))
            {
                Reject(row.Line, Header(dateIndex), ImportValues.IsFormula(cells[dateIndex]) ? RejectReason.Formula : RejectReason.BadDate, cells[dateIndex]);
                return;
            }

            CatalogueRival? rival = null;
            if (brandIndex >= 0 && !string.IsNullOrWhiteSpace(cells[brandIndex]))
            {
                var (found, problem) = Brand(cells[brandIndex]);
                if (problem is null && found is not null && (metricIndex < 0 || !byWeek))
                {
                    problem = RejectReason.RivalNeedsWeeklyRows;
                }

                if (problem is { } brandProblem)
                {
                    Reject(row.Line, Header(brandIndex), brandProblem, cells[brandIndex]);
                    return;
                }

                rival = found;
            }

            var channel = fixedChannel;
            if (channelIndex >= 0)
            {
                var text = cells[channelIndex];
                if (!channelNames.TryGetValue(text, out channel))
                {
                    channel = MappingProposer.FindChannel(text, catalogue.Channels);
                    channelNames[text] = channel;
                }

                if (channel is null)
                {
                    Reject(row.Line, Header(channelIndex), ImportValues.IsFormula(text) ? RejectReason.Formula : RejectReason.UnknownChannel, text);
                    if (rival is null)
                    {
                        // A rival's bad row says nothing about the brand's own figures of that week.
                        poisonedWeeks.Add(week.Key);
                    }

                    return;
                }
            }

            if (channel is null)
            {
                return;
            }

            if (rival is not null)
            {
                ReadRival(row, week, channel, rival);
            }
            else if (metricIndex >= 0)
            {
                ReadLong(row, week, day, channel);
            }
            else
            {
                ReadWide(row, week, day, channel);
            }
        }

        private void ReadLong(FileRow row, IsoWeek week, int day, CatalogueChannel channel)
        {
            var name = row.Cells[metricIndex];
            if (!metricNames.TryGetValue(name, out var metric))
            {
                metric = MappingProposer.FindMetric(name, catalogue);
                metricNames[name] = metric;
            }

            if (metric is null)
            {
                Reject(row.Line, Header(metricIndex), ImportValues.IsFormula(name) ? RejectReason.Formula : RejectReason.UnknownMetric, name);
                poisonedWeeks.Add(week.Key);
                return;
            }

            if (IsDuplicate(row, week, day, channel.Id, metric.Id))
            {
                return;
            }

            var cell = new FigureCell(channel.Id, metric.Id, week.Key);
            if (TryValue(row, valueIndex, mapping.Columns[valueIndex], metric, cell, out var value))
            {
                Add(cell, metric, value, day, row.Line, null);
            }
        }

        /// <summary>Our brand (null, null), a tracked rival, or why the name cannot be used; accents and case do not matter.</summary>
        private (CatalogueRival? Rival, RejectReason? Problem) Brand(string text)
        {
            if (brandNames.TryGetValue(text, out var known))
            {
                return known;
            }

            var name = ImportPresets.Normalize(text);
            var rivals = catalogue.Rivals.Where(r => ImportPresets.Normalize(r.Name) == name).ToList();
            known = catalogue.OwnNames.Any(n => ImportPresets.Normalize(n) == name) ? (null, null)
                : rivals.FirstOrDefault(r => !r.IsArchived) is { } rival ? (rival, null)
                : rivals.Count > 0 ? (null, RejectReason.ArchivedRival)
                : (null, ImportValues.IsFormula(text) ? RejectReason.Formula : RejectReason.UnknownRival);
            brandNames[text] = known;
            return known;
        }

        private void ReadRival(FileRow row, IsoWeek week, CatalogueChannel channel, CatalogueRival rival)
        {
            var name = row.Cells[metricIndex];
            var metric = MappingProposer.FindMetric(name, catalogue);
            var benchmark = metric is null ? null
                : BenchmarkMetrics.All.Cast<BenchmarkMetric?>().FirstOrDefault(b => BenchmarkMetrics.BrandMetricKey(b!.Value) == metric.Key);
            if (benchmark is not { } rivalMetric)
            {
                Reject(row.Line, Header(metricIndex), metric is null ? RejectReason.UnknownMetric : RejectReason.NotARivalMetric, name);
                return;
            }

            var cell = new RivalCell(rival.Id, channel.Id, rivalMetric, week.Key);
            if (!rivalLines.TryAdd(cell, row.Line))
            {
                Reject(row.Line, null, RejectReason.Duplicate, rivalLines[cell].ToString(System.Globalization.CultureInfo.InvariantCulture));
                RivalFigures.Remove(cell);
                return;
            }

            var text = row.Cells[valueIndex];
            if (ImportValues.IsFormula(text) || !ImportValues.TryParseNumber(text, mapping.DecimalSeparator, out var value))
            {
                Reject(row.Line, Header(valueIndex), ImportValues.IsFormula(text) ? RejectReason.Formula : RejectReason.NotANumber, text);
                return;
            }

            if (double.IsNaN(value) || Math.Abs(value) > 1e15 || !BenchmarkMetrics.IsValid(rivalMetric, (decimal)value))
            {
                Reject(row.Line, Header(valueIndex), value < 0 ? RejectReason.Negative : RejectReason.RivalValue, text);
                return;
            }

            RivalFigures[cell] = value;
        }

        private void ReadWide(FileRow row, IsoWeek week, int day, CatalogueChannel channel)
        {
            if (IsDuplicate(row, week, day, channel.Id, 0))
            {
                return;
            }

            foreach (var (index, column, metric, baseIndex) in figureColumns)
            {
                if (string.IsNullOrWhiteSpace(row.Cells[index]))
                {
                    continue;
                }

                var cell = new FigureCell(channel.Id, metric.Id, week.Key);
                if (TryValue(row, index, column, metric, cell, out var value))
                {
                    double? weight = baseIndex >= 0 && ImportValues.TryParseNumber(row.Cells[baseIndex], mapping.DecimalSeparator, out var w) ? w : null;
                    Add(cell, metric, value, day, row.Line, weight);
                }
            }
        }

        private void Add(FigureCell cell, CatalogueMetric metric, double value, int day, int line, double? weight)
        {
            rollup.Add(cell, metric.Aggregation, value, day, line, weight);
            if (!byWeek)
            {
                var dayOfWeek = (int)DateOnly.FromDayNumber(day).DayOfWeek;
                daysSeen[cell] = (byte)(daysSeen.GetValueOrDefault(cell) | (1 << dayOfWeek));
            }
        }

        /// <summary>
        /// Daily and weekly rows: a second row for the same day (or week), channel and metric is a duplicate.
        /// Per-post rows: several posts share a day, so only a row identical to an earlier one is.
        /// </summary>
        private bool IsDuplicate(FileRow row, IsoWeek week, int day, int channelId, int metricId)
        {
            int first;
            if (mapping.Rows == RowKind.PerPost && !byWeek)
            {
                var text = string.Join('\u001F', row.Cells);
                if (!postRows.TryAdd(text, row.Line))
                {
                    first = postRows[text];
                    Reject(row.Line, null, RejectReason.Duplicate, first.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    poisonedWeeks.Add(week.Key);
                    return true;
                }

                return false;
            }

            var key = (byWeek ? week.Key : day, channelId, metricId);
            if (firstLine.TryAdd(key, row.Line))
            {
                return false;
            }

            first = firstLine[key];
            Reject(row.Line, null, RejectReason.Duplicate, first.ToString(System.Globalization.CultureInfo.InvariantCulture));
            poisonedWeeks.Add(week.Key);
            return true;
        }

        private bool TryValue(FileRow row, int index, ColumnMap column, CatalogueMetric metric, FigureCell cell, out double value)
        {
            var text = row.Cells[index];
            RejectReason? reason = null;
            if (ImportValues.IsFormula(text))
            {
                reason = RejectReason.Formula;
                value = 0;
            }
            else if (!ImportValues.TryParseNumber(text, mapping.DecimalSeparator, out value))
            {
                reason = RejectReason.NotANumber;
            }
            else
            {
                if (column.Fraction && !text.Contains('%', StringComparison.Ordinal))
                {
                    value *= 100;
                }

                reason = FigureRules.Check(value, metric.Unit) switch
                {
                    FigureProblem.Negative => RejectReason.Negative,
                    FigureProblem.PercentOutOfRange => RejectReason.PercentOutOfRange,
                    null => null,
                    _ => RejectReason.NotANumber,
                };
            }

            if (reason is { } r)
            {
                Reject(row.Line, Header(index), r, text);
                poisoned.Add(cell);
                return false;
            }

            return true;
        }

        private bool TryWhen(string text, out IsoWeek week, out int day)
        {
            day = 0;
            if (byWeek || mapping.DateFormat == ImportValues.WeekFormat)
            {
                return IsoWeek.TryParse(text, out week);
            }

            week = default;
            if (!ImportValues.TryParseDate(text, mapping.DateFormat, out var date))
            {
                return false;
            }

            week = IsoWeek.FromDate(date);
            day = date.DayNumber;
            return true;
        }

        private string Header(int index) => mapping.Columns[index].Header;

        private void Reject(FigureCell cell, RejectReason reason) =>
            Rejections.Add(new Rejection(0, null, reason, null, cell));

        private void Reject(int line, string? column, RejectReason reason, string? detail)
        {
            // The list shows the first ones; beyond that only their number matters to the user.
            if (Rejections.Count < 10_000)
            {
                Rejections.Add(new Rejection(line, column, reason, detail is { Length: > 80 } ? detail[..80] + "…" : detail));
            }
            else
            {
                Overflow++;
            }
        }

        public int Overflow { get; private set; }

        public Dictionary<FigureCell, double> Figures()
        {
            var metrics = catalogue.Metrics.ToDictionary(m => m.Id);
            var figures = new Dictionary<FigureCell, double>(rollup.Count);
            foreach (var (cell, value) in rollup.Figures().OrderBy(f => f.Key.Week).ThenBy(f => f.Key.ChannelId).ThenBy(f => f.Key.MetricId))
            {
                var metric = metrics[cell.MetricId];
                if (poisoned.Contains(cell) || poisonedWeeks.Contains(cell.Week))
                {
                    Reject(cell, RejectReason.WeekHasRejectedRow);
                    continue;
                }

                var daysMask = daysSeen.GetValueOrDefault(cell);
                if (!byWeek && mapping.Rows == RowKind.Daily && metric.Aggregation == Aggregation.Sum && daysMask != 0x7F)
                {
                    Reject(cell, RejectReason.IncompleteWeek);
                    continue;
                }

                if (FigureRules.Check(value, metric.Unit) is not null)
                {
                    Reject(cell, RejectReason.PercentOutOfRange);
                    continue;
                }

                figures[cell] = value;
            }

            if (Overflow > 0)
            {
                Rejections.Add(new Rejection(0, null, RejectReason.NotANumber, $"+{Overflow}"));
            }

            return figures;
        }
    }
}
