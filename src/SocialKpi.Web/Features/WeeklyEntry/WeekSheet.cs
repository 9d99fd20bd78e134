using System.Globalization;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Web.Features.WeeklyEntry;

/// <summary>A metric as a line (or column) of the grid.</summary>
public sealed record EntryMetric(int Id, string Key, string Name, MetricUnit Unit)
{
    /// <summary>The unit figures of this metric are displayed in.</summary>
    public KpiUnit DisplayUnit => Unit switch
    {
        MetricUnit.Percent => KpiUnit.Percent,
        MetricUnit.Currency => KpiUnit.Currency,
        MetricUnit.Duration => KpiUnit.Duration,
        _ => KpiUnit.Count,
    };
}

/// <summary>An active channel as a column (or line) of the grid.</summary>
public sealed record EntryChannel(int Id, string Name);

/// <summary>Which figure a cell holds: one metric on one channel (the week is the sheet's).</summary>
public readonly record struct CellKey(int MetricId, int ChannelId);

/// <summary>A figure as stored, with the version it was read with.</summary>
public sealed record StoredFigure(double Value, int Version);

/// <summary>
/// What the user typed in a cell and not yet saved, with the version of the stored figure it replaces (0: none was
/// stored). Kept server-side between circuits (<see cref="WeeklyEntryDrafts"/>).
/// </summary>
public sealed record DraftFigure(string Text, int BaseVersion);

/// <summary>The stored figure someone else saved after this sheet was loaded, beside the one typed here.</summary>
public sealed record FigureConflict(CellKey Key, double Mine, double? Theirs, int TheirVersion, string? TheirBy, DateTimeOffset? TheirAt);

/// <summary>One cell of the grid: the stored figure, last week's, and what is being typed.</summary>
public sealed class WeekCell
{
    internal WeekCell(CellKey key, EntryMetric metric, StoredFigure? stored, double? previousWeek)
    {
        Key = key;
        Metric = metric;
        Stored = stored;
        PreviousWeek = previousWeek;
        BaseVersion = stored?.Version ?? 0;
    }

    public CellKey Key { get; }

    public EntryMetric Metric { get; }

    public StoredFigure? Stored { get; internal set; }

    public double? PreviousWeek { get; }

    /// <summary>The text typed and not saved; null when the cell shows the stored figure.</summary>
    public string? Draft { get; internal set; }

    /// <summary>The number the draft reads as, when it is a valid one.</summary>
    public double? DraftValue { get; internal set; }

    public FigureProblem? Problem { get; internal set; }

    /// <summary>The stored version the draft was typed over; a save is refused when the stored one has moved since.</summary>
    public int BaseVersion { get; internal set; }

    /// <summary>Set when a save found that someone else changed this figure in between.</summary>
    public FigureConflict? Conflict { get; internal set; }

    /// <summary>A draft that differs from the stored figure: it is saved with the week.</summary>
    public bool IsChanged => Draft is not null;

    public bool IsValid => Problem is null;

    /// <summary>What the cell shows: the number being edited or saved, comparable to last week's.</summary>
    public double? Current => Draft is null ? Stored?.Value : DraftValue;

    /// <summary>The change from last week as a fraction (0.125 = +12.5 %); null when either week has no figure or last week was 0.</summary>
    public decimal? ChangeFromPreviousWeek =>
        Current is { } now && PreviousWeek is { } before && before != 0 && double.IsFinite(now)
            ? (decimal)((now - before) / Math.Abs(before))
            : null;
}

/// <summary>
/// One ISO week of a workspace's figures as the entry grid edits it: metrics × active channels (or the reverse),
/// each cell with its stored value and version, last week's value, and the draft being typed. Plain C#, so the
/// grid's rules (parsing, validation, paste, conflicts) are tested without a browser.
/// </summary>
public sealed class WeekSheet
{
    private readonly Dictionary<CellKey, WeekCell> cells = [];

    public WeekSheet(
        IsoWeek week, IReadOnlyList<EntryMetric> metrics, IReadOnlyList<EntryChannel> channels,
        IReadOnlyDictionary<CellKey, StoredFigure> stored, IReadOnlyDictionary<CellKey, double> previousWeek, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(previousWeek);
        Week = week;
        Metrics = metrics;
        Channels = channels;
        Culture = culture;
        foreach (var metric in metrics)
        {
            foreach (var channel in channels)
            {
                var key = new CellKey(metric.Id, channel.Id);
                cells[key] = new WeekCell(key, metric, stored.GetValueOrDefault(key), previousWeek.TryGetValue(key, out var p) ? p : null);
            }
        }
    }

    public IsoWeek Week { get; }

    public IReadOnlyList<EntryMetric> Metrics { get; }

    public IReadOnlyList<EntryChannel> Channels { get; }

    public CultureInfo Culture { get; }

    /// <summary>False: lines are metrics and columns channels; true: the reverse.</summary>
    public bool Transposed { get; set; }

    public int RowCount => Transposed ? Channels.Count : Metrics.Count;

    public int ColumnCount => Transposed ? Metrics.Count : Channels.Count;

    public string RowHeader(int row) => Transposed ? Channels[row].Name : Metrics[row].Name;

    public string ColumnHeader(int column) => Transposed ? Metrics[column].Name : Channels[column].Name;

    public WeekCell At(int row, int column) =>
        Transposed ? cells[new CellKey(Metrics[column].Id, Channels[row].Id)] : cells[new CellKey(Metrics[row].Id, Channels[column].Id)];

    public WeekCell this[CellKey key] => cells[key];

    public IEnumerable<WeekCell> Cells => cells.Values;

    /// <summary>Drafts that would be written by a save: changed and valid.</summary>
    public IEnumerable<WeekCell> ToSave => cells.Values.Where(c => c.IsChanged && c.IsValid);

    public int ChangedCount => cells.Values.Count(c => c.IsChanged);

    public int InvalidCount => cells.Values.Count(c => !c.IsValid);

    public bool HasUnsavedChanges => cells.Values.Any(c => c.IsChanged);

    public IReadOnlyList<WeekCell> Conflicts => [.. cells.Values.Where(c => c.Conflict is not null)];

    /// <summary>The text typed in the cell, in the user's culture. The stored figure typed again is no change.</summary>
    public void Edit(CellKey key, string? text)
    {
        var cell = cells[key];
        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            SetDraft(cell, cell.Stored is null ? null : text, cell.Stored is null ? null : FigureProblem.Missing, null);
            return;
        }

        if (!FigureParser.TryParse(text, Culture, out var value))
        {
            SetDraft(cell, text, FigureProblem.NotANumber, null);
            return;
        }

        if (cell.Stored is { } stored && stored.Value.Equals(value))
        {
            SetDraft(cell, null, null, null);
            return;
        }

        // The cell shows the number as understood ("12,345.5" typed in French becomes "12345,5"), so a separator read
        // the other way than meant is seen at once.
        SetDraft(cell, FigureParser.EditText(value, Culture), FigureRules.Check(value, cell.Metric.Unit), value);
    }

    /// <summary>
    /// An older figure from the cell's history put back as a draft, as if typed: it is saved with the week, through
    /// the same version check, and so recorded as a change of its own.
    /// </summary>
    public void PutBack(CellKey key, double value) => Edit(key, FigureParser.EditText(value, Culture));

    /// <summary>Forgets the draft: the cell shows the stored figure again.</summary>
    public void Revert(CellKey key) => SetDraft(cells[key], null, null, null);

    public void RevertAll()
    {
        foreach (var cell in cells.Values)
        {
            SetDraft(cell, null, null, null);
            cell.Conflict = null;
        }
    }

    /// <summary>
    /// A block copied from a spreadsheet (rows separated by line breaks, cells by tabs), written from the cell at
    /// <paramref name="row"/>, <paramref name="column"/> right and down, in the grid's current orientation. What falls
    /// outside the grid is dropped. Returns the number of cells written.
    /// </summary>
    public int Paste(int row, int column, string block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var lines = block.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        // A spreadsheet ends its copy with a line break: the empty last line is not a row.
        if (lines.Length > 1 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        var written = 0;
        for (var i = 0; i < lines.Length && row + i < RowCount; i++)
        {
            var values = lines[i].Split('\t');
            for (var j = 0; j < values.Length && column + j < ColumnCount; j++)
            {
                Edit(At(row + i, column + j).Key, values[j]);
                written++;
            }
        }

        return written;
    }

    /// <summary>The drafts to keep until the week is saved, e.g. across a reconnection or a refresh.</summary>
    public IReadOnlyDictionary<CellKey, DraftFigure> Drafts =>
        cells.Values.Where(c => c.Draft is not null).ToDictionary(c => c.Key, c => new DraftFigure(c.Draft!, c.BaseVersion));

    /// <summary>Drafts kept from an earlier visit, typed again over the figures they were typed over.</summary>
    public void Restore(IReadOnlyDictionary<CellKey, DraftFigure> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        foreach (var (key, draft) in drafts)
        {
            if (cells.TryGetValue(key, out var cell))
            {
                Edit(key, draft.Text);
                if (cell.Draft is not null)
                {
                    // Typed over an older version: the save then detects that the figure moved in between.
                    cell.BaseVersion = draft.BaseVersion;
                }
            }
        }
    }

    /// <summary>The cells a save wrote: they show the stored figure, with its new version, and no draft.</summary>
    public void Saved(IReadOnlyDictionary<CellKey, StoredFigure> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        foreach (var (key, figure) in written)
        {
            var cell = cells[key];
            cell.Stored = figure;
            cell.Conflict = null;
            SetDraft(cell, null, null, null);
        }
    }

    /// <summary>Cells a save refused because someone else saved them in between: both values are kept for the user to choose.</summary>
    public void Refused(IEnumerable<FigureConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        foreach (var conflict in conflicts)
        {
            cells[conflict.Key].Conflict = conflict;
        }
    }

    /// <summary>Keep my value: it goes over the other editor's version at the next save.</summary>
    public void KeepMine(CellKey key)
    {
        var cell = cells[key];
        if (cell.Conflict is { } conflict)
        {
            cell.Stored = conflict.Theirs is { } theirs ? new StoredFigure(theirs, conflict.TheirVersion) : null;
            cell.BaseVersion = conflict.TheirVersion;
            cell.Conflict = null;
        }
    }

    /// <summary>Take the other editor's value: my draft is dropped.</summary>
    public void TakeTheirs(CellKey key)
    {
        var cell = cells[key];
        if (cell.Conflict is { } conflict)
        {
            cell.Stored = conflict.Theirs is { } theirs ? new StoredFigure(theirs, conflict.TheirVersion) : null;
            cell.Conflict = null;
            SetDraft(cell, null, null, null);
        }
    }

    private static void SetDraft(WeekCell cell, string? text, FigureProblem? problem, double? value)
    {
        cell.Draft = text;
        cell.Problem = text is null ? null : problem;
        cell.DraftValue = text is null ? null : value;
        if (text is null)
        {
            cell.BaseVersion = cell.Stored?.Version ?? 0;
        }
    }
}
