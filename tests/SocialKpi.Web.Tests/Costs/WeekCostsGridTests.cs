using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Costs;
using SocialKpi.Web.Components.Sheets;
using SocialKpi.Web.Features.Costs;
using SocialKpi.Web.Security;

using static SocialKpi.Web.Tests.Costs.CostsTestData;

namespace SocialKpi.Web.Tests.Costs;

/// <summary>The costs grid is the figures grid's machinery: keyboard module, paste, invalid cells, drafts and conflicts.</summary>
public sealed class WeekCostsGridTests : IDisposable
{
    private readonly ComponentTestContext context;

    public WeekCostsGridTests()
    {
        context = new ComponentTestContext("fr-FR");
        context.SignIn();
    }

    public void Dispose() => context.Dispose();

    private WeekCostsService Costs => context.Services.GetRequiredService<WeekCostsService>();

    private Task<int> DemoAsync() => CostsTestData.DemoAsync(context);

    private Task<List<Cost>> StoredCostsAsync(int workspaceId) => CostsTestData.StoredCostsAsync(context, workspaceId);

    private IRenderedComponent<WeekCostsGrid> Render(int workspace, bool canEdit = true)
    {
        var grid = context.Render<WeekCostsGrid>(p => p.Add(g => g.WorkspaceId, workspace).Add(g => g.Week, Week).Add(g => g.CanEdit, canEdit));
        grid.WaitForElement("[data-grid=costs] input[data-row='0'][data-col='0']", TimeSpan.FromSeconds(10));
        return grid;
    }

    [Fact]
    public async Task Costs_cells_use_the_shared_spreadsheet_keyboard_of_the_entry_grid()
    {
        var grid = Render(await DemoAsync());

        var attach = context.JSInterop.VerifyInvoke("import");
        Assert.Equal("./Components/Sheets/EntryGrid.razor.js", attach.Arguments[0]);
        var inputs = grid.FindAll("[data-grid=costs] input");
        Assert.Equal(WeekCosts.Categories.Count * 7, inputs.Count);
        Assert.All(inputs, i => Assert.True(i.HasAttribute("data-row") && i.HasAttribute("data-col")));
        Assert.Equal("Publicité — Aucun canal", grid.Find("td[data-category='AdSpend'][data-channel='none'] input").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_block_pasted_in_the_costs_fills_cells_in_either_format_and_flags_a_negative_amount_without_blocking_the_others()
    {
        var workspace = await DemoAsync();
        var grid = Render(workspace);
        var entry = grid.FindComponent<EntryGrid>();

        var written = await grid.InvokeAsync(() => entry.Instance.PasteAsync(0, 0, "1 234,50\t99.9\n-5\tabc\n"));

        Assert.Equal(4, written);
        Assert.Equal("1234,5", grid.Find("input[data-row='0'][data-col='0']").GetAttribute("value"));
        Assert.Equal("99,9", grid.Find("input[data-row='0'][data-col='1']").GetAttribute("value"));
        var negative = grid.Find("td:has(input[data-row='1'][data-col='0'])");
        Assert.Contains("invalid", negative.ClassList);
        Assert.Contains("Un coût ne peut pas être négatif", negative.TextContent);
        Assert.Contains("Ce n’est pas un montant", grid.Find("td:has(input[data-row='1'][data-col='1'])").TextContent);
        Assert.Contains("2 cellule(s) invalide(s)", grid.Find(".costs-status").TextContent);

        grid.Find(".costs-save").Click();

        grid.WaitForAssertion(() => Assert.Equal(2, StoredCostsAsync(workspace).GetAwaiter().GetResult().Count), TimeSpan.FromSeconds(10));
        Assert.Equal(new[] { 99.9m, 1234.5m }, (await StoredCostsAsync(workspace)).Select(c => c.Amount).Order());
        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("[data-grid=costs] .entry-cell.invalid").Count));
    }

    [Fact]
    public async Task Ctrl_s_in_the_costs_grid_saves_them_and_unsaved_costs_survive_a_refresh()
    {
        var workspace = await DemoAsync();
        var grid = Render(workspace);
        grid.Find("td[data-category='Tools'][data-channel='none'] input").Change("49,90");

        var refreshed = Render(workspace);
        Assert.Contains("changed", refreshed.Find("td[data-category='Tools'][data-channel='none']").ClassList);
        Assert.Equal("49,9", refreshed.Find("td[data-category='Tools'][data-channel='none'] input").GetAttribute("value"));

        await refreshed.InvokeAsync(() => refreshed.FindComponent<EntryGrid>().Instance.SaveAsync());

        refreshed.WaitForAssertion(() => Assert.Contains("Coûts enregistrés.", refreshed.Find(".costs-status").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(49.9m, Assert.Single(await StoredCostsAsync(workspace)).Amount);
        Assert.False((await Costs.LoadAsync(Administrator(), workspace, Week))!.HasUnsavedChanges);
    }

    [Fact]
    public async Task A_cost_saved_by_someone_else_meanwhile_is_flagged_with_both_amounts_and_the_other_costs_are_saved()
    {
        var workspace = await DemoAsync();
        var grid = Render(workspace);
        var theirs = (await Costs.LoadAsync(Administrator(), workspace, Week))!;
        theirs.Edit(new CostKey(CostCategory.StaffTime, null), "300");
        await Costs.SaveAsync(Administrator(), workspace, theirs);

        grid.Find("td[data-category='StaffTime'][data-channel='none'] input").Change("250");
        grid.Find("td[data-category='Tools'][data-channel='none'] input").Change("40");
        grid.Find(".costs-save").Click();

        grid.WaitForAssertion(() => Assert.Single(grid.FindAll(".costs-conflict")), TimeSpan.FromSeconds(10));
        var conflict = grid.Find(".costs-conflict[data-category='StaffTime'][data-channel='none']").TextContent;
        Assert.Contains("250,00", conflict);
        Assert.Contains("300,00", conflict);
        Assert.Contains("conflict", grid.Find("td[data-category='StaffTime'][data-channel='none']").ClassList);
        Assert.DoesNotContain("changed", grid.Find("td[data-category='Tools'][data-channel='none']").ClassList);

        grid.Find(".costs-conflict .keep-mine").Click();
        grid.Find(".costs-save").Click();

        grid.WaitForAssertion(() => Assert.Empty(grid.FindAll(".costs-conflict")), TimeSpan.FromSeconds(10));
        var stored = await StoredCostsAsync(workspace);
        Assert.Equal(new[] { 40m, 250m }, stored.Select(c => c.Amount).Order());
    }

    [Fact]
    public async Task A_viewer_sees_read_only_costs_and_cannot_paste()
    {
        var workspace = await DemoAsync();
        var grid = Render(workspace, canEdit: false);

        var written = await grid.InvokeAsync(() => grid.FindComponent<EntryGrid>().Instance.PasteAsync(0, 0, "1\t2"));

        Assert.Equal(0, written);
        Assert.All(grid.FindAll("[data-grid=costs] input"), i => Assert.True(i.HasAttribute("readonly")));
        Assert.Empty(grid.FindAll(".costs-save"));
    }
}
