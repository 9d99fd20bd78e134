using System.Globalization;
using System.Numerics;
using SocialKpi.Web.Features.WeeklyEntry;

namespace SocialKpi.Web.Components.Sheets;

/// <summary>A value as stored, with the version it was read with.</summary>
public sealed record StoredValue<TValue>(TValue Value, int Version)
    where TValue : struct, INumber<TValue>;

/// <summary>
/// What the user typed in a cell and not yet saved, with the version of the stored value it replaces (0: none was
/// stored). Kept server-side between circuits (<see cref="SheetDrafts{TKey}"/>).
/// </summary>
public sealed record SheetDraft(string Text, int BaseVersion);

/// <summary>The value someone else saved after the sheet was loaded, beside the one typed here.</summary>
public sealed record SheetConflict<TKey, TValue>(TKey Key, TValue Mine, TValue? Theirs, int TheirVersion, string? TheirBy, DateTimeOffset? TheirAt)
    where TValue : struct, INumber<TValue>;

/// <summary>A cell as the grid shows it, whatever it holds (a figure, an amount).</summary>
public interface IEntryCell
{
    /// <summary>What the input shows: the draft, or the stored value in the user's culture, or nothing.</summary>
    string Text { get; }

    bool IsChanged { get; }

    bool IsValid { get; }

    bool HasConflict { get; }

    /// <summary>A cell shown for comparison and never typed into (e.g. the brand's own figures beside its rivals').</summary>
    bool IsReadOnly { get; }
}

/// <summary>A sheet as <see cref="EntryGrid"/> lays it out: rows × columns of cells typed into and pasted over.</summary>
public interface IEntrySheet
{
    int RowCount { get; }

    int ColumnCount { get; }

    IEntryCell CellAt(int row, int column);

    /// <summary>The text typed in the cell at <paramref name="row"/>, <paramref name="column"/>.</summary>
    void EditAt(int row, int column, string? text);

    /// <summary>A block copied from a spreadsheet, written from the cell right and down; answers the cells written.</summary>
    int Paste(int row, int column, string block);
}

/// <summary>One cell of an entry sheet: the stored value, and what is being typed over it.</summary>
public abstract class SheetCell<TKey, TValue, TProblem> : IEntryCell
    where TValue : struct, INumber<TValue>
    where TProblem : struct, Enum
{
    private readonly CultureInfo culture;

    protected SheetCell(TKey key, StoredValue<TValue>? stored, CultureInfo culture)
    {
        Key = key;
        Stored = stored;
        BaseVersion = stored?.Version ?? 0;
        this.culture = culture;
    }

    public TKey Key { get; }

    public StoredValue<TValue>? Stored { get; internal set; }

    /// <summary>The text typed and not saved; null when the cell shows the stored value.</summary>
    public string? Draft { get; internal set; }

    /// <summary>The number the draft reads as, when it is one.</summary>
    public TValue? DraftValue { get; internal set; }

    public TProblem? Problem { get; internal set; }

    /// <summary>The stored version the draft was typed over; a save is refused when the stored one has moved since.</summary>
    public int BaseVersion { get; internal set; }

    /// <summary>Set when a save found that someone else changed this value in between.</summary>
    public SheetConflict<TKey, TValue>? Conflict { get; internal set; }

    /// <summary>A draft that differs from the stored value: it is saved with the sheet.</summary>
    public bool IsChanged => Draft is not null;

    public bool IsValid => Problem is null;

    public bool HasConflict => Conflict is not null;

    public bool IsReadOnly { get; protected init; }

    /// <summary>The number the cell shows: the one being edited, or the stored one.</summary>
    public TValue? Current => Draft is null ? Stored?.Value : DraftValue;

    public string Text => Draft ?? (Stored is { } stored ? FigureParser.EditText(stored.Value, culture) : "");
}

/// <summary>
/// A sheet of numbers typed like a spreadsheet and saved together, each cell with its stored value and version and
/// the draft being typed: the weekly figures (<see cref="WeekSheet"/>) and the week's costs share these rules
/// (parsing in either locale, validation that blocks no other cell, paste, drafts, per-cell conflicts). Plain C#,
/// so the rules are tested without a browser; a sheet says only how it lays cells out and what a valid value is.
/// </summary>
public abstract class EntrySheet<TKey, TValue, TProblem, TCell> : IEntrySheet
    where TKey : notnull
    where TValue : struct, INumber<TValue>
    where TProblem : struct, Enum
    where TCell : SheetCell<TKey, TValue, TProblem>
{
    private readonly Dictionary<TKey, TCell> cells = [];

    protected EntrySheet(CultureInfo culture) => Culture = culture;

    public CultureInfo Culture { get; }

    public abstract int RowCount { get; }

    public abstract int ColumnCount { get; }

    /// <summary>The cell at <paramref name="row"/>, <paramref name="column"/> in the sheet's current layout.</summary>
    public abstract TCell At(int row, int column);

    public TCell this[TKey key] => cells[key];

    public IEnumerable<TCell> Cells => cells.Values;

    /// <summary>Drafts that would be written by a save: changed and valid.</summary>
    public IEnumerable<TCell> ToSave => cells.Values.Where(c => c.IsChanged && c.IsValid);

    public int ChangedCount => cells.Values.Count(c => c.IsChanged);

    public int InvalidCount => cells.Values.Count(c => !c.IsValid);

    public bool HasUnsavedChanges => cells.Values.Any(c => c.IsChanged);

    public IReadOnlyList<TCell> Conflicts => [.. cells.Values.Where(c => c.Conflict is not null)];

    IEntryCell IEntrySheet.CellAt(int row, int column) => At(row, column);

    void IEntrySheet.EditAt(int row, int column, string? text) => Edit(At(row, column).Key, text);

    protected void Add(TCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cells.Add(cell.Key, cell);
    }

    /// <summary>The problem of <paramref name="value"/> typed in <paramref name="cell"/>; null when it may be saved.</summary>
    protected abstract TProblem? Check(TCell cell, TValue value);

    /// <summary>The problem of text that is not a number.</summary>
    protected abstract TProblem NotANumber { get; }

    /// <summary>
    /// What an emptied cell that held a stored value becomes: a text typed in its place, or a problem (the value
    /// cannot be removed). A cell with nothing stored left empty is no change.
    /// </summary>
    protected abstract (string? Text, TProblem? Problem) Emptied(TCell cell);

    /// <summary>The text typed in the cell, in the user's culture. The stored value typed again is no change; a read-only cell ignores it.</summary>
    public void Edit(TKey key, string? text)
    {
        var cell = cells[key];
        if (cell.IsReadOnly)
        {
            return;
        }

        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (cell.Stored is null)
            {
                SetDraft(cell, null, null, null);
                return;
            }

            (var replacement, var problem) = Emptied(cell);
            if (replacement is null)
            {
                SetDraft(cell, "", problem, null);
                return;
            }

            text = replacement;
        }

        if (!FigureParser.TryParseDecimal(text, Culture, out var parsed))
        {
            SetDraft(cell, text, NotANumber, null);
            return;
        }

        var value = TValue.CreateChecked(parsed);
        if (cell.Stored is { } stored && stored.Value.Equals(value))
        {
            SetDraft(cell, null, null, null);
            return;
        }

        // The cell shows the number as understood ("12,345.5" typed in French becomes "12345,5"), so a separator read
        // the other way than meant is seen at once.
        SetDraft(cell, FigureParser.EditText(value, Culture), Check(cell, value), value);
    }

    /// <summary>
    /// An older value put back as a draft, as if typed: it is saved with the sheet, through the same version check.
    /// </summary>
    public void PutBack(TKey key, TValue value) => Edit(key, FigureParser.EditText(value, Culture));

    /// <summary>Forgets the draft: the cell shows the stored value again.</summary>
    public void Revert(TKey key) => SetDraft(cells[key], null, null, null);

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
    /// <paramref name="row"/>, <paramref name="column"/> right and down, in the sheet's current layout. What falls
    /// outside the sheet is dropped. Returns the number of cells written.
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
                var cell = At(row + i, column + j);
                if (!cell.IsReadOnly)
                {
                    Edit(cell.Key, values[j]);
                    written++;
                }
            }
        }

        return written;
    }

    /// <summary>The drafts to keep until the sheet is saved, e.g. across a reconnection or a refresh.</summary>
    public IReadOnlyDictionary<TKey, SheetDraft> Drafts =>
        cells.Values.Where(c => c.Draft is not null).ToDictionary(c => c.Key, c => new SheetDraft(c.Draft!, c.BaseVersion));

    /// <summary>Drafts kept from an earlier visit, typed again over the values they were typed over.</summary>
    public void Restore(IReadOnlyDictionary<TKey, SheetDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        foreach (var (key, draft) in drafts)
        {
            if (cells.TryGetValue(key, out var cell))
            {
                Edit(key, draft.Text);
                if (cell.Draft is not null)
                {
                    // Typed over an older version: the save then detects that the value moved in between.
                    cell.BaseVersion = draft.BaseVersion;
                }
            }
        }
    }

    /// <summary>The cells a save wrote: they show the stored value, with its new version, and no draft.</summary>
    public void Saved(IReadOnlyDictionary<TKey, StoredValue<TValue>> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        foreach (var (key, stored) in written)
        {
            var cell = cells[key];
            cell.Stored = stored;
            cell.Conflict = null;
            SetDraft(cell, null, null, null);
        }
    }

    /// <summary>Cells a save refused because someone else saved them in between: both values are kept for the user to choose.</summary>
    public void Refused(IEnumerable<SheetConflict<TKey, TValue>> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        foreach (var conflict in conflicts)
        {
            cells[conflict.Key].Conflict = conflict;
        }
    }

    /// <summary>Keep my value: it goes over the other editor's version at the next save.</summary>
    public void KeepMine(TKey key)
    {
        var cell = cells[key];
        if (cell.Conflict is { } conflict)
        {
            cell.Stored = Theirs(conflict);
            cell.BaseVersion = conflict.TheirVersion;
            cell.Conflict = null;
        }
    }

    /// <summary>Take the other editor's value: my draft is dropped.</summary>
    public void TakeTheirs(TKey key)
    {
        var cell = cells[key];
        if (cell.Conflict is { } conflict)
        {
            cell.Stored = Theirs(conflict);
            cell.Conflict = null;
            SetDraft(cell, null, null, null);
        }
    }

    private static StoredValue<TValue>? Theirs(SheetConflict<TKey, TValue> conflict) =>
        conflict.Theirs is { } theirs ? new StoredValue<TValue>(theirs, conflict.TheirVersion) : null;

    private static void SetDraft(TCell cell, string? text, TProblem? problem, TValue? value)
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

/// <summary>A cell's place in a grid as laid out on screen.</summary>
public readonly record struct GridPosition(int Row, int Column);
