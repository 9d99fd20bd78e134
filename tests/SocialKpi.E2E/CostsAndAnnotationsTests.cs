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
    public async Task An_editor_enters_two_costs_by_keyboard_and_adds_an_annotation_from_the_week_view()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await chromium.OpenAsync(server, nameof(An_editor_enters_two_costs_by_keyboard_and_adds_an_annotation_from_the_week_view));
        var page = browser.Page;
        await page.SetViewportSizeAsync(1280, 800);
        await browser.SignInAsync(AdminEmail, AdminPassword);
        await browser.WaitUntilInteractiveAsync();
        var demo = await server.WorkspaceIdAsync(SocialKpiServer.DemoWorkspace);
        await page.GotoAsync($"/entry?workspace={demo}&week={Week}");
        await browser.WaitUntilInteractiveAsync();

        var adSpendNoChannel = page.Locator("input[data-category='AdSpend'][data-channel='none']");
        var toolsFirstChannel = page.Locator("tr:has(input[data-category='Tools']) input").First;
        await Expect(adSpendNoChannel).ToBeVisibleAsync();
        await toolsFirstChannel.ClickAsync();
        await page.Keyboard.TypeAsync("1 234,50");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("tr:has(input[data-category='Tools']) input").Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("99.9");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".costs-cell.changed")).ToHaveCountAsync(2);
        await page.Locator(".costs-save").ClickAsync();
        await Expect(page.Locator(".costs-message")).ToHaveTextAsync("Coûts enregistrés.");
        await Expect(page.Locator(".costs-cell.changed")).ToHaveCountAsync(0);

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
        var costs = await db.Costs.AsNoTracking().Where(c => c.WorkspaceId == demo && c.Week == Week.Key).ToListAsync();
        Assert.Equal(new[] { 99.9m, 1234.5m }, costs.Select(c => c.Amount).Order());
        Assert.All(costs, c => Assert.Equal(CostCategory.Tools, c.Category));
        Assert.Single(await db.Annotations.AsNoTracking().Where(a => a.WorkspaceId == demo && a.Date == Week.Monday).ToListAsync());
        Assert.Empty(browser.BrowserErrors);
    }
}
