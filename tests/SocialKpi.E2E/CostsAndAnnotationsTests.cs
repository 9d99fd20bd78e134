using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Costs;
using static Microsoft.Playwright.Assertions;

namespace SocialKpi.E2E;

[Collection(BrowserTests.Name)]
public sealed class CostsAndAnnotationsTests(Chromium chromium)
{
    private const string AdminEmail = "helene@maison-lumiere.fr";
    private const string AdminPassword = "bougie-parfumée-2026";

    /// <summary>A week the demo seed leaves empty.</summary>
    private static readonly IsoWeek Week = new(2030, 10);

    [Fact]
    public async Task An_editor_pastes_and_types_costs_by_keyboard_and_adds_an_annotation_from_the_week_view()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await chromium.OpenAsync(server, nameof(An_editor_pastes_and_types_costs_by_keyboard_and_adds_an_annotation_from_the_week_view));
        var page = browser.Page;
        await page.SetViewportSizeAsync(1280, 800);
        await browser.SignInAsync(AdminEmail, AdminPassword);
        await browser.WaitUntilInteractiveAsync();
        var demo = await server.WorkspaceIdAsync(SocialKpiServer.DemoWorkspace);
        await page.GotoAsync($"/entry?workspace={demo}&week={Week}");
        await browser.WaitUntilInteractiveAsync();

        // Typed and pasted as in the figures grid: a 2×2 block from a spreadsheet, then arrows and Enter between cells.
        var costs = page.Locator("[data-grid=costs]");
        await Expect(costs.Locator("td[data-category='AdSpend'][data-channel='none'] input")).ToBeVisibleAsync();
        await costs.Locator("td[data-category='AdSpend'] input").First.ClickAsync();
        await browser.PasteAsync("10\t20\r\n30\t40\r\n");
        await Expect(costs.Locator("td[data-category='StaffTime'] input").Nth(1)).ToHaveValueAsync("40");
        await costs.Locator("td[data-category='Tools'] input").First.ClickAsync();
        await page.Keyboard.TypeAsync("1 234,50");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(costs.Locator("td[data-category='Tools'] input").Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("99.9");
        await page.Keyboard.PressAsync("Enter");
        await Expect(costs.Locator("td[data-category='ContentProduction'] input").Nth(1)).ToBeFocusedAsync();
        await Expect(costs.Locator(".entry-cell.changed")).ToHaveCountAsync(6);
        await page.Keyboard.PressAsync("Control+s");
        await Expect(page.Locator(".costs-message")).ToHaveTextAsync("Coûts enregistrés.");
        await Expect(costs.Locator(".entry-cell.changed")).ToHaveCountAsync(0);

        await page.Locator(".annotation-text-input").FillAsync("Lancement de la collection d’hiver");
        await page.Locator(".annotation-add").ClickAsync();
        var listed = page.Locator(".annotation").Filter(new() { HasText = "Lancement de la collection d’hiver" });
        await Expect(listed).ToBeVisibleAsync();
        await Expect(listed.Locator(".annotation-channels")).ToHaveTextAsync("Toute la marque");
        await Expect(page.Locator(".annotation-text-input")).ToHaveValueAsync("");
        await browser.ScreenshotAsync("desktop");

        await page.SetViewportSizeAsync(390, 800);
        await Expect(listed).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "The page scrolls sideways at 390 px.");
        await browser.ScreenshotAsync("phone");

        await using var db = await server.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>().CreateDbContextAsync();
        var stored = await db.Costs.AsNoTracking().Where(c => c.WorkspaceId == demo && c.Week == Week.Key).ToListAsync();
        Assert.Equal(new[] { 10m, 20m, 30m, 40m, 99.9m, 1234.5m }, stored.Select(c => c.Amount).Order());
        Assert.Equal(2, stored.Count(c => c.Category == CostCategory.Tools));
        Assert.Single(await db.Annotations.AsNoTracking().Where(a => a.WorkspaceId == demo && a.Date == Week.Monday).ToListAsync());
        Assert.Empty(browser.BrowserErrors);
    }
}
