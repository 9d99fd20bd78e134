using System.Globalization;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Metrics;
using SocialKpi.Web.Components.Sheets;
using SocialKpi.Web.Features.WeeklyEntry;

namespace SocialKpi.Web.Tests.WeeklyEntry;

public class WeekSheetTests
{
    private static readonly IsoWeek Week = new(2026, 10);

    internal static readonly EntryMetric Reach = new(1, "reach", "Portée", MetricUnit.Count);
    internal static readonly EntryMetric Likes = new(2, "reactions", "Réactions", MetricUnit.Count);
    internal static readonly EntryMetric BounceRate = new(3, "bounce_rate", "Taux de rebond", MetricUnit.Percent);

    /// <summary>3 metrics × 2 channels; reach on Instagram stored at 1000 (version 4), 800 the week before.</summary>
    internal static WeekSheet Sheet(string culture = "fr-FR", int channels = 2, int metrics = 3)
    {
        var metricList = new[] { Reach, Likes, BounceRate }.Concat(
            Enumerable.Range(10, Math.Max(0, metrics - 3)).Select(i => new EntryMetric(i, $"m{i}", $"Metric {i}", MetricUnit.Count))).Take(metrics).ToList();
        var channelList = Enumerable.Range(1, channels).Select(i => new EntryChannel(100 + i, i == 1 ? "Instagram" : $"Canal {i}")).ToList();
        return new WeekSheet(
            Week, metricList, channelList,
            new Dictionary<CellKey, StoredValue<double>> { [new(Reach.Id, 101)] = new(1000, 4) },
            new Dictionary<CellKey, double> { [new(Reach.Id, 101)] = 800 },
            new CultureInfo(culture));
    }

    private static CellKey ReachOnInstagram => new(Reach.Id, 101);

    [Fact]
    public void A_cell_shows_last_weeks_figure_and_the_change_in_percent()
    {
        var cell = Sheet()[ReachOnInstagram];

        Assert.Equal(800, cell.PreviousWeek);
        Assert.Equal(0.25m, cell.ChangeFromPreviousWeek);
    }

    [Fact]
    public void Typing_a_number_in_the_users_format_marks_the_cell_changed()
    {
        var sheet = Sheet();

        sheet.Edit(ReachOnInstagram, "1 234,5");

        var cell = sheet[ReachOnInstagram];
        Assert.True(cell.IsChanged);
        Assert.True(cell.IsValid);
        Assert.Equal(1234.5, cell.DraftValue);
        Assert.Equal(4, cell.BaseVersion);
        Assert.Equal(1, sheet.ChangedCount);
    }

    [Fact]
    public void Typing_the_stored_figure_again_is_no_change()
    {
        var sheet = Sheet();
        sheet.Edit(ReachOnInstagram, "999");

        sheet.Edit(ReachOnInstagram, "1000");

        Assert.False(sheet.HasUnsavedChanges);
    }

    [Theory]
    [InlineData("abc", FigureProblem.NotANumber)]
    [InlineData("NaN", FigureProblem.NotANumber)]
    [InlineData("-5", FigureProblem.Negative)]
    [InlineData("", FigureProblem.Missing)]
    public void An_invalid_cell_says_why_and_is_not_saved(string text, FigureProblem problem)
    {
        var sheet = Sheet();

        sheet.Edit(ReachOnInstagram, text);

        Assert.Equal(problem, sheet[ReachOnInstagram].Problem);
        Assert.Empty(sheet.ToSave);
        Assert.Equal(1, sheet.InvalidCount);
    }

    [Fact]
    public void A_percentage_over_100_is_invalid_and_blocks_nothing_else()
    {
        var sheet = Sheet();

        sheet.Edit(new CellKey(BounceRate.Id, 101), "120");
        sheet.Edit(new CellKey(Likes.Id, 101), "35");

        Assert.Equal(FigureProblem.PercentOutOfRange, sheet[new CellKey(BounceRate.Id, 101)].Problem);
        Assert.Equal([new CellKey(Likes.Id, 101)], sheet.ToSave.Select(c => c.Key));
    }

    [Fact]
    public void Emptying_a_cell_that_had_no_figure_is_no_change()
    {
        var sheet = Sheet();

        sheet.Edit(new CellKey(Likes.Id, 102), "  ");

        Assert.False(sheet.HasUnsavedChanges);
    }

    [Fact]
    public void A_pasted_block_fills_right_and_down_from_the_focused_cell_and_drops_what_falls_outside()
    {
        var sheet = Sheet();

        var written = sheet.Paste(0, 0, "10\t20\t30\r\n1 234,5\t-1\r\n7\t8\r\n50\t60\r\n");

        Assert.Equal(6, written);
        Assert.Equal(10, sheet.At(0, 0).DraftValue);
        Assert.Equal(20, sheet.At(0, 1).DraftValue);
        Assert.Equal(1234.5, sheet.At(1, 0).DraftValue);
        Assert.Equal(FigureProblem.Negative, sheet.At(1, 1).Problem);
        Assert.Equal(8, sheet.At(2, 1).DraftValue);
        Assert.Equal(5, sheet.ToSave.Count());
    }

    [Fact]
    public void Swapping_rows_and_columns_puts_channels_in_rows_and_pastes_along_them()
    {
        var sheet = Sheet();
        sheet.Transposed = true;

        sheet.Paste(0, 0, "5\t6");

        Assert.Equal(2, sheet.RowCount);
        Assert.Equal("Instagram", sheet.RowHeader(0));
        Assert.Equal("Portée", sheet.ColumnHeader(0));
        Assert.Equal(5, sheet[new CellKey(Reach.Id, 101)].DraftValue);
        Assert.Equal(6, sheet[new CellKey(Likes.Id, 101)].DraftValue);
    }

    [Fact]
    public void Drafts_come_back_with_the_version_they_were_typed_over()
    {
        var sheet = Sheet();
        sheet.Edit(ReachOnInstagram, "1500");
        sheet.Edit(new CellKey(Likes.Id, 102), "oops");
        var drafts = sheet.Drafts;

        var reopened = Sheet();
        reopened.Restore(drafts);

        Assert.Equal(1500, reopened[ReachOnInstagram].DraftValue);
        Assert.Equal(4, reopened[ReachOnInstagram].BaseVersion);
        Assert.Equal(FigureProblem.NotANumber, reopened[new CellKey(Likes.Id, 102)].Problem);
    }

    [Fact]
    public void A_conflict_keeps_both_values_until_the_user_chooses()
    {
        var sheet = Sheet();
        sheet.Edit(ReachOnInstagram, "1500");
        sheet.Refused([new SheetConflict<CellKey, double>(ReachOnInstagram, 1500, 1200, 5, "lea@example.com", null)]);

        Assert.Single(sheet.Conflicts);
        sheet.KeepMine(ReachOnInstagram);

        var cell = sheet[ReachOnInstagram];
        Assert.Empty(sheet.Conflicts);
        Assert.Equal(1500, cell.DraftValue);
        Assert.Equal(5, cell.BaseVersion);
    }

    [Fact]
    public void Taking_the_other_editors_value_drops_the_draft()
    {
        var sheet = Sheet();
        sheet.Edit(ReachOnInstagram, "1500");
        sheet.Refused([new SheetConflict<CellKey, double>(ReachOnInstagram, 1500, 1200, 5, "lea@example.com", null)]);

        sheet.TakeTheirs(ReachOnInstagram);

        var cell = sheet[ReachOnInstagram];
        Assert.False(cell.IsChanged);
        Assert.Equal(new StoredValue<double>(1200, 5), cell.Stored);
        Assert.False(sheet.HasUnsavedChanges);
    }
}
