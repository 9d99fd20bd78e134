using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocialKpi.E2E;

[Collection(BrowserTests.Name)]
public sealed class WorkspaceTests(Chromium chromium)
{
    private const string OtherWorkspace = "Atelier Brume";
    private const string Password = "cire-d-abeille-2026";

    [Fact]
    public async Task Choosing_another_workspace_in_the_header_shows_its_dashboard_and_keeps_it_on_other_pages()
    {
        await using var server = SocialKpiServer.Start();
        var demo = await server.WorkspaceIdAsync(SocialKpiServer.DemoWorkspace);
        var other = await server.AddWorkspaceAsync(OtherWorkspace);
        await server.AddUserAsync("camille@agence-etoile.fr", Password, "Camille Lefèvre", demo, other);
        await using var browser = await chromium.OpenAsync(server);
        var page = browser.Page;

        await browser.SignInAsync("camille@agence-etoile.fr", Password);
        await browser.WaitUntilInteractiveAsync();
        // Workspaces come in alphabetical order: the first one opens.
        await Expect(browser.Heading).ToHaveTextAsync($"Tableau de bord — {OtherWorkspace}");
        await Expect(page.GetByText("Aucun objectif pour l'instant")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("first-workspace");

        await page.Locator(".workspace-switcher").ClickAsync();
        var option = page.GetByRole(AriaRole.Option, new() { Name = SocialKpiServer.DemoWorkspace });
        await Expect(option).ToBeVisibleAsync();
        await browser.ScreenshotAsync("switcher-open");
        await option.ClickAsync();

        await Expect(browser.Heading).ToHaveTextAsync($"Tableau de bord — {SocialKpiServer.DemoWorkspace}");
        await Expect(page).ToHaveURLAsync($"{server.BaseUrl}/?workspace={demo}");
        await Expect(page.Locator(".objective-card")).ToHaveCountAsync(4);
        await Expect(page.Locator(".workspace-switcher")).ToContainTextAsync(SocialKpiServer.DemoWorkspace);
        await browser.ScreenshotAsync("switched");

        await page.GetByRole(AriaRole.Link, new() { Name = "Objectifs", Exact = true }).ClickAsync();
        await Expect(browser.Heading).ToHaveTextAsync($"Objectifs — {SocialKpiServer.DemoWorkspace}");
        await browser.ScreenshotAsync("objectives");
        Assert.Empty(browser.BrowserErrors);
    }

    [Fact]
    public async Task A_member_of_one_workspace_never_sees_the_name_of_another()
    {
        await using var server = SocialKpiServer.Start();
        var demo = await server.WorkspaceIdAsync(SocialKpiServer.DemoWorkspace);
        var other = await server.AddWorkspaceAsync(OtherWorkspace);
        await server.AddUserAsync("bruno@atelier-brume.fr", Password, "Bruno Brume", other);
        await server.AddUserAsync("lea@maison-lumiere.fr", Password, "Léa Martin", demo);
        await using var browser = await chromium.OpenAsync(server);
        var page = browser.Page;
        await browser.SignInAsync("lea@maison-lumiere.fr", Password);
        await browser.WaitUntilInteractiveAsync();

        string[] pages = ["/", "/objectives", $"/?workspace={other}", $"/objectives?workspace={other}"];
        foreach (var url in pages)
        {
            await page.GotoAsync(url);
            await browser.WaitUntilInteractiveAsync();
            // Her own workspace is on screen, so the page has loaded what it will show.
            await Expect(browser.Heading).ToContainTextAsync(SocialKpiServer.DemoWorkspace);
            await page.Locator(".workspace-switcher").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Option)).ToHaveTextAsync([SocialKpiServer.DemoWorkspace]);
            await page.Keyboard.PressAsync("Escape");

            Assert.DoesNotContain(OtherWorkspace, await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        }

        await browser.ScreenshotAsync("objectives-of-own-workspace");
        Assert.Empty(browser.BrowserErrors);
    }
}
