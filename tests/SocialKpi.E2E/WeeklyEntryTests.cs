using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Metrics;
using static Microsoft.Playwright.Assertions;

namespace SocialKpi.E2E;

[Collection(BrowserTests.Name)]
public sealed class WeeklyEntryTests(Chromium chromium)
{
    private const string AdminEmail = "helene@maison-lumiere.fr";
    private const string AdminPassword = "bougie-parfumée-2026";

    /// <summary>A week the demo seed leaves empty, so every cell starts blank whatever today's date.</summary>
    private static readonly IsoWeek EmptyWeek = new(2030, 10);

    [Fact]
    public async Task An_editor_enters_a_week_by_keyboard_alone()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await OpenEntryAsync(server, week: null);
        var page = browser.Page;
        // Without a week in the address the page opens on the last complete one.
        var lastComplete = IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(DateTime.Now));
        await Expect(page.Locator("input[type=week]")).ToHaveValueAsync(lastComplete.ToString());
        await browser.ScreenshotAsync("last-complete-week");

        await GoToWeekAsync(browser, server, EmptyWeek);
        await Cell(page, 0, 0).ClickAsync();
        await page.Keyboard.TypeAsync("1200");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Cell(page, 1, 0)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("35");
        await page.Keyboard.PressAsync("Tab");
        await Expect(Cell(page, 1, 1)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("1 234,5");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(Cell(page, 2, 1)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("faux");
        await page.Keyboard.PressAsync("Escape");
        await Expect(Cell(page, 2, 1)).ToHaveValueAsync("");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(Cell(page, 2, 0)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("800");
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(Cell(page, 1, 0)).ToBeFocusedAsync();
        // Typing on a focused cell overwrites what it held.
        await page.Keyboard.TypeAsync("36");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(".entry-unsaved")).ToHaveTextAsync("4 modification(s) non enregistrée(s)");
        await Expect(page.Locator("[data-grid=figures] .entry-cell.changed")).ToHaveCountAsync(4);
        await browser.ScreenshotAsync("typed");
        await page.Keyboard.PressAsync("Control+s");

        await Expect(page.Locator(".entry-status")).ToContainTextAsync("4 valeur(s) enregistrée(s).");
        await Expect(page.Locator("[data-grid=figures] .entry-cell.changed")).ToHaveCountAsync(0);
        var stored = await StoredAsync(server, EmptyWeek);
        Assert.Equal(new[] { 36d, 800d, 1200d, 1234.5d }, stored.Select(v => v.Value).Order());
        Assert.All(stored, v => Assert.Equal(AdminEmail, v.UpdatedBy));

        await page.ReloadAsync();
        await browser.WaitUntilInteractiveAsync();
        await Expect(Cell(page, 1, 1)).ToHaveValueAsync("1234,5");
        Assert.Empty(browser.BrowserErrors);
    }

    [Fact]
    public async Task A_six_by_four_block_pasted_from_a_spreadsheet_fills_the_grid_from_the_focused_cell()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await OpenEntryAsync(server, EmptyWeek);
        var page = browser.Page;
        // Six metrics × four channels as Google Sheets copies them: tabs between cells, a line break after each row,
        // French and English number formats mixed, thousands with non-breaking and narrow spaces.
        var block = string.Join("\r\n", Enumerable.Range(0, 6).Select(r => string.Join("\t", Enumerable.Range(0, 4).Select(c =>
            (r, c) switch
            {
                (0, 0) => "12\u00A0345",
                (0, 1) => "12,345.5",
                (1, 2) => "1\u202F234,75",
                _ => ((r * 10) + c + 1).ToString(CultureInfo.InvariantCulture),
            })))) + "\r\n";

        await Cell(page, 0, 1).ClickAsync();
        await browser.PasteAsync(block);

        await Expect(page.Locator("[data-grid=figures] .entry-cell.changed")).ToHaveCountAsync(24);
        await Expect(Cell(page, 0, 1)).ToHaveValueAsync("12345");
        await Expect(Cell(page, 0, 2)).ToHaveValueAsync("12345,5");
        await Expect(Cell(page, 5, 4)).ToHaveValueAsync("54");
        await Expect(Cell(page, 0, 5)).ToHaveValueAsync("");
        await browser.ScreenshotAsync("pasted");

        // Unsaved figures are kept on the server: leaving warns (the browser's own prompt), and a refresh finds them.
        var warned = false;
        page.Dialog += async (_, dialog) =>
        {
            warned |= dialog.Type == DialogType.BeforeUnload;
            await dialog.AcceptAsync();
        };
        await page.ReloadAsync();
        await browser.WaitUntilInteractiveAsync();
        await Expect(page.Locator("[data-grid=figures] .entry-cell.changed")).ToHaveCountAsync(24);
        await Expect(Cell(page, 0, 2)).ToHaveValueAsync("12345,5");
        Assert.True(warned, "Reloading with unsaved figures did not warn.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la semaine" }).ClickAsync();

        await Expect(page.Locator(".entry-status")).ToContainTextAsync("24 valeur(s) enregistrée(s).");
        var stored = await StoredAsync(server, EmptyWeek);
        Assert.Equal(24, stored.Count);
        Assert.Contains(stored, v => v.Value == 12345);
        Assert.Contains(stored, v => v.Value == 12345.5);
        Assert.Contains(stored, v => v.Value == 1234.75);
        Assert.Empty(browser.BrowserErrors);
    }

    [Fact]
    public async Task An_invalid_cell_is_highlighted_blocks_nothing_else_and_is_saved_once_fixed()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await OpenEntryAsync(server, EmptyWeek);
        var page = browser.Page;

        await Cell(page, 0, 0).ClickAsync();
        await page.Keyboard.TypeAsync("-12");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("450");
        await page.Keyboard.PressAsync("Enter");

        var invalid = page.Locator("[data-grid=figures] td.entry-cell.invalid");
        await Expect(invalid).ToHaveCountAsync(1);
        await Expect(invalid.Locator(".cell-problem")).ToHaveTextAsync("Pas de valeur négative pour « Portée » : saisissez 0 ou plus.");
        await Expect(page.Locator(".entry-invalid")).ToContainTextAsync("1 cellule(s) invalide(s)");
        await browser.ScreenshotAsync("invalid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la semaine" }).ClickAsync();
        await Expect(page.Locator(".entry-status")).ToContainTextAsync("1 modification(s) non enregistrée(s)");
        Assert.Single(await StoredAsync(server, EmptyWeek));

        await Cell(page, 0, 0).ClickAsync();
        await page.Keyboard.TypeAsync("12");
        await page.Keyboard.PressAsync("Enter");
        await Expect(invalid).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la semaine" }).ClickAsync();

        await Expect(page.Locator(".entry-status")).ToContainTextAsync("1 valeur(s) enregistrée(s).");
        Assert.Equal(new[] { 12d, 450d }, (await StoredAsync(server, EmptyWeek)).Select(v => v.Value).Order());
        Assert.Empty(browser.BrowserErrors);
    }

    [Fact]
    public async Task The_week_reads_well_in_french_on_a_desktop_and_on_a_phone_without_scrolling_the_page_sideways()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await OpenEntryAsync(server, week: null);
        var page = browser.Page;
        await Cell(page, 0, 0).ClickAsync();
        await page.Keyboard.TypeAsync("abc");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-grid=figures] td.entry-cell.invalid")).ToHaveCountAsync(1);

        await page.SetViewportSizeAsync(1280, 800);
        await browser.ScreenshotAsync("desktop-1280");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator("[data-grid=figures] .entry-grid")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("phone-390");

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls {overflow} px sideways on a 390 px wide phone.");
        Assert.Empty(browser.BrowserErrors);
    }

    [Fact]
    public async Task A_viewer_sees_the_same_figures_read_only()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        var demo = await server.WorkspaceIdAsync(SocialKpiServer.DemoWorkspace);
        await server.AddUserAsync("marc@maison-lumiere.fr", AdminPassword, "Marc Lévêque", demo);
        await using var browser = await chromium.OpenAsync(server);
        var page = browser.Page;
        await browser.SignInAsync("marc@maison-lumiere.fr", AdminPassword);
        await browser.WaitUntilInteractiveAsync();

        await page.GotoAsync("/entry");
        await browser.WaitUntilInteractiveAsync();

        await Expect(page.Locator(".entry-status")).ToHaveTextAsync("Vous consultez ces valeurs : seuls les éditeurs de l'espace les modifient.");
        await Expect(Cell(page, 0, 0)).ToHaveAttributeAsync("readonly", "");
        await Expect(Cell(page, 0, 0)).Not.ToHaveValueAsync("");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la semaine" })).ToHaveCountAsync(0);
        await Cell(page, 0, 0).ClickAsync();
        await page.Keyboard.TypeAsync("999");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(Cell(page, 1, 0)).ToBeFocusedAsync();
        await Expect(page.Locator("[data-grid=figures] .entry-cell.changed")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("viewer");
        Assert.Empty(browser.BrowserErrors);
    }

    [Fact]
    public async Task An_editor_sees_the_history_of_a_cell_and_restores_an_older_value()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await OpenEntryAsync(server, EmptyWeek);
        var page = browser.Page;
        var changed = page.Locator("[data-grid=figures] .entry-cell.changed");
        foreach (var value in new[] { "1200", "1500" })
        {
            await Cell(page, 0, 0).ClickAsync();
            await page.Keyboard.TypeAsync(value);
            await page.Keyboard.PressAsync("Enter");
            await Expect(changed).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("Control+s");
            await Expect(changed).ToHaveCountAsync(0);
        }

        // Keyboard: Alt+H on the focused cell.
        await Cell(page, 0, 0).ClickAsync();
        await page.Keyboard.PressAsync("Alt+h");
        var history = page.Locator(".cell-history");
        var rows = history.Locator(".cell-history-change");
        await Expect(history.GetByRole(AriaRole.Heading)).ToContainTextAsync("Historique de Portée");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync(AdminEmail);
        await Expect(rows.Nth(0).Locator(".cell-history-values")).ToHaveTextAsync("1\u202F200 → 1\u202F500");
        await Expect(rows.Nth(1).Locator(".cell-history-values")).ToHaveTextAsync("— → 1\u202F200");
        await Expect(rows.Nth(0).Locator(".cell-history-restore")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("history");

        await rows.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Restaurer 1\u202F200" }).ClickAsync();
        await Expect(Cell(page, 0, 0)).ToHaveValueAsync("1200");
        await Expect(changed).ToHaveCountAsync(1);
        await Expect(page.Locator(".entry-status")).ToContainTextAsync("remis dans la cellule");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la semaine" }).ClickAsync();
        await Expect(changed).ToHaveCountAsync(0);
        await Expect(Cell(page, 0, 0)).ToHaveValueAsync("1200");
        // The save is a change of its own, and the open history shows it.
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0).Locator(".cell-history-values")).ToHaveTextAsync("1\u202F500 → 1\u202F200");
        Assert.Equal(1200, Assert.Single(await StoredAsync(server, EmptyWeek)).Value);

        // Mouse: the cell's history button, here on another cell with no history yet.
        await Cell(page, 0, 1).HoverAsync();
        await page.Locator("[data-grid=figures] td:has(input[data-row='0'][data-col='1']) .cell-history-button").ClickAsync();
        await Expect(history.Locator(".cell-history-empty")).ToBeVisibleAsync();
        await history.GetByRole(AriaRole.Button, new() { Name = "Fermer l'historique" }).ClickAsync();
        await Expect(history).ToHaveCountAsync(0);
        Assert.Empty(browser.BrowserErrors);
    }

    private async Task<BrowserSession> OpenEntryAsync(SocialKpiServer server, IsoWeek? week, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var browser = await chromium.OpenAsync(server, test);
        await browser.SignInAsync(AdminEmail, AdminPassword);
        await browser.WaitUntilInteractiveAsync();
        if (week is { } w)
        {
            await GoToWeekAsync(browser, server, w);
        }
        else
        {
            await browser.Page.GotoAsync("/entry");
            await browser.WaitUntilInteractiveAsync();
            await Expect(browser.Page.Locator("[data-grid=figures] .entry-grid")).ToBeVisibleAsync();
        }

        return browser;
    }

    private static async Task GoToWeekAsync(BrowserSession browser, SocialKpiServer server, IsoWeek week)
    {
        var demo = await server.WorkspaceIdAsync(SocialKpiServer.DemoWorkspace);
        await browser.Page.GotoAsync($"/entry?workspace={demo}&week={week}");
        await browser.WaitUntilInteractiveAsync();
        await Expect(browser.Heading).ToHaveTextAsync($"Saisie hebdomadaire — {SocialKpiServer.DemoWorkspace}");
        await Expect(browser.Page.Locator("input[type=week]")).ToHaveValueAsync(week.ToString());
        await Expect(Cell(browser.Page, 0, 0)).ToBeVisibleAsync();
        await Expect(Cell(browser.Page, 0, 0)).ToHaveValueAsync("");
    }

    private static ILocator Cell(IPage page, int row, int column) => page.Locator($"[data-grid=figures] input[data-row='{row}'][data-col='{column}']");

    /// <summary>
    /// What Ctrl+V does with a block on the clipboard: a paste event carrying it on the focused cell. Dispatched
    /// directly, because a headless browser's system clipboard is not reliably reachable.
    /// </summary>
    private static async Task<List<MetricValue>> StoredAsync(SocialKpiServer server, IsoWeek week)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>().CreateDbContextAsync();
        return await db.MetricValues.AsNoTracking().Where(v => v.Week == week.Key).ToListAsync();
    }
}
