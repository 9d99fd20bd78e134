using System.Globalization;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Costs;
using SocialKpi.Web.Features.WeeklyEntry;

namespace SocialKpi.Web.Features.Costs;

/// <summary>Which cost a cell holds: a category on a channel, or on no channel (null).</summary>
public readonly record struct CostKey(CostCategory Category, int? ChannelId);

/// <summary>A cost as stored, with the version it was read with.</summary>
public sealed record StoredCost(decimal Amount, int Version);

/// <summary>The amount someone else saved after the week was loaded, beside the one typed here.</summary>
public sealed record CostConflictSeen(decimal Mine, decimal? Theirs, int TheirVersion);

/// <summary>One cell of the costs grid: the stored amount and what is being typed.</summary>
public sealed class CostCell(CostKey key, StoredCost? stored)
{
    public CostKey Key { get; } = key;

    public StoredCost? Stored { get; internal set; } = stored;

    /// <summary>The text typed and not saved; null when the cell shows the stored amount.</summary>
    public string? Draft { get; internal set; }

    public decimal? DraftValue { get; internal set; }

    public CostProblem? Problem { get; internal set; }

    /// <summary>The stored version the draft was typed over (0: none stored).</summary>
    public int BaseVersion { get; internal set; } = stored?.Version ?? 0;

    public CostConflictSeen? Conflict { get; internal set; }

    public bool IsChanged => Draft is not null;
}

/// <summary>
/// One ISO week of a workspace's costs as the week view edits them: categories × active channels and "no channel".
/// Amounts are typed like figures (<see cref="FigureParser"/>, both locales) and checked by <see cref="CostRules"/>.
/// </summary>
public sealed class WeekCosts
{
    private readonly Dictionary<CostKey, CostCell> cells = [];

    public WeekCosts(IsoWeek week, IReadOnlyList<EntryChannel> channels, IReadOnlyDictionary<CostKey, StoredCost> stored, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(stored);
        Week = week;
        Channels = channels;
        Culture = culture;
        foreach (var category in Categories)
        {
            foreach (var channelId in ChannelIds)
            {
                var key = new CostKey(category, channelId);
                cells[key] = new CostCell(key, stored.GetValueOrDefault(key));
            }
        }
    }

    public static IReadOnlyList<CostCategory> Categories { get; } = Enum.GetValues<CostCategory>();

    public IsoWeek Week { get; }

    public IReadOnlyList<EntryChannel> Channels { get; }

    /// <summary>The columns: every active channel, then null for "no channel".</summary>
    public IEnumerable<int?> ChannelIds => Channels.Select(c => (int?)c.Id).Append(null);

    public CultureInfo Culture { get; }

    public CostCell this[CostKey key] => cells[key];

    public IEnumerable<CostCell> Cells => cells.Values;

    public IEnumerable<CostCell> Changed => cells.Values.Where(c => c.IsChanged);

    public bool HasInvalid => cells.Values.Any(c => c.Problem is not null);

    public IReadOnlyList<CostCell> Conflicts => [.. cells.Values.Where(c => c.Conflict is not null)];

    /// <summary>The text typed in a cell; the stored amount typed again, or an empty cell left empty, is no change.</summary>
    public void Edit(CostKey key, string? text)
    {
        var cell = cells[key];
        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            // Clearing a stored cost writes 0: a cost is never deleted by the grid, only set to nothing spent.
            text = cell.Stored is null ? "" : "0";
            if (text.Length == 0)
            {
                Set(cell, null, null, null);
                return;
            }
        }

        if (!FigureParser.TryParse(text, Culture, out var parsed))
        {
            Set(cell, text, CostProblem.NotANumber, null);
            return;
        }

        var amount = (decimal)parsed;
        if (cell.Stored?.Amount == amount)
        {
            Set(cell, null, null, null);
            return;
        }

        Set(cell, amount.ToString("0.##########", Culture), CostRules.Check(amount), amount);
    }

    /// <summary>Cells a save wrote: they show the stored amount with its new version.</summary>
    public void Saved(IReadOnlyDictionary<CostKey, StoredCost> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        foreach (var (key, cost) in written)
        {
            var cell = cells[key];
            cell.Stored = cost;
            cell.Conflict = null;
            Set(cell, null, null, null);
        }
    }

    /// <summary>Keep my amount: it goes over the other editor's at the next save.</summary>
    public void KeepMine(CostKey key)
    {
        var cell = cells[key];
        if (cell.Conflict is { } conflict)
        {
            cell.Stored = conflict.Theirs is { } theirs ? new StoredCost(theirs, conflict.TheirVersion) : null;
            cell.BaseVersion = conflict.TheirVersion;
            cell.Conflict = null;
        }
    }

    /// <summary>Take the other editor's amount: my draft is dropped.</summary>
    public void TakeTheirs(CostKey key)
    {
        var cell = cells[key];
        if (cell.Conflict is { } conflict)
        {
            cell.Stored = conflict.Theirs is { } theirs ? new StoredCost(theirs, conflict.TheirVersion) : null;
            cell.Conflict = null;
            Set(cell, null, null, null);
        }
    }

    internal void Refused(CostKey key, CostConflictSeen conflict) => cells[key].Conflict = conflict;

    private static void Set(CostCell cell, string? text, CostProblem? problem, decimal? value)
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
