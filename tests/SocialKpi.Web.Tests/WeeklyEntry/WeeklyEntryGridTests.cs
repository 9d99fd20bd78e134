using Bunit;
using SocialKpi.Web.Features.WeeklyEntry;

namespace SocialKpi.Web.Tests.WeeklyEntry;

public class WeeklyEntryGridTests
{
    [Fact]
    public void Each_cell_shows_its_figure_last_weeks_and_the_change_in_french()
    {
        using var context = new ComponentTestContext("fr-FR");
        var sheet = WeekSheetTests.Sheet();

        var grid = context.Render<WeeklyEntryGrid>(p => p.Add(g => g.Sheet, sheet));

        var cell = grid.Find("td[data-metric='reach'][data-channel='101']");
        Assert.Equal("1000", cell.QuerySelector("input")!.GetAttribute("value"));
        Assert.Contains("S9\u00A0: 800", cell.TextContent);
        Assert.Contains("+25,00\u00A0%", cell.TextContent);
    }

    [Fact]
    public void A_typed_invalid_value_is_highlighted_with_its_reason_and_the_others_stay_editable()
    {
        using var context = new ComponentTestContext("fr-FR");
        var sheet = WeekSheetTests.Sheet();
        var grid = context.Render<WeeklyEntryGrid>(p => p.Add(g => g.Sheet, sheet));

        grid.Find("td[data-metric='reach'][data-channel='101'] input").Change("-12");
        grid.Find("td[data-metric='reactions'][data-channel='101'] input").Change("1 234,5");

        var invalid = grid.Find("td[data-metric='reach'][data-channel='101']");
        Assert.Contains("invalid", invalid.ClassList);
        Assert.Equal("true", invalid.QuerySelector("input")!.GetAttribute("aria-invalid"));
        Assert.Contains("Pas de valeur négative pour « Portée »", invalid.TextContent);
        var changed = grid.Find("td[data-metric='reactions'][data-channel='101']");
        Assert.Contains("changed", changed.ClassList);
        Assert.DoesNotContain("invalid", changed.ClassList);
        Assert.Single(sheet.ToSave);
    }

    [Fact]
    public async Task A_block_pasted_from_a_spreadsheet_fills_the_cells_from_the_focused_one()
    {
        using var context = new ComponentTestContext("en-US");
        var sheet = WeekSheetTests.Sheet("en-US");
        var edited = 0;
        var grid = context.Render<WeeklyEntryGrid>(p => p.Add(g => g.Sheet, sheet).Add(g => g.OnEdited, () => edited++));

        var written = await grid.InvokeAsync(() => grid.Instance.PasteAsync(1, 0, "1,234.5\t7\nabc\t50\n"));

        Assert.Equal(4, written);
        Assert.Equal(1, edited);
        Assert.Equal("1234.5", grid.Find("input[data-row='1'][data-col='0']").GetAttribute("value"));
        Assert.Contains("Not a number", grid.Find("td:has(input[data-row='2'][data-col='0'])").TextContent);
    }

    [Fact]
    public async Task A_viewer_sees_read_only_cells_and_cannot_paste()
    {
        using var context = new ComponentTestContext("fr-FR");
        var sheet = WeekSheetTests.Sheet();
        var grid = context.Render<WeeklyEntryGrid>(p => p.Add(g => g.Sheet, sheet).Add(g => g.ReadOnly, true));

        var written = await grid.InvokeAsync(() => grid.Instance.PasteAsync(0, 0, "1\t2"));

        Assert.Equal(0, written);
        Assert.All(grid.FindAll("input"), i => Assert.True(i.HasAttribute("readonly")));
        Assert.False(sheet.HasUnsavedChanges);
    }

    [Fact]
    public void The_swap_shows_channels_as_rows()
    {
        using var context = new ComponentTestContext("fr-FR");
        var sheet = WeekSheetTests.Sheet();
        sheet.Transposed = true;

        var grid = context.Render<WeeklyEntryGrid>(p => p.Add(g => g.Sheet, sheet));

        Assert.Equal(["Instagram", "Canal 2"], grid.FindAll("tbody th").Select(t => t.TextContent));
        Assert.Equal("Canal", grid.Find("thead th").TextContent);
    }
}
