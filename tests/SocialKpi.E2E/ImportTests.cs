using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocialKpi.E2E;

[Collection(BrowserTests.Name)]
public sealed class ImportTests(Chromium chromium)
{
    private const string AdminEmail = "helene@maison-lumiere.fr";
    private const string AdminPassword = "bougie-parfumée-2026";

    [Fact]
    public async Task An_editor_uploads_a_small_export_sees_the_dry_run_imports_it_and_finds_the_figures_in_the_weeks_entry()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await chromium.OpenAsync(server, nameof(An_editor_uploads_a_small_export_sees_the_dry_run_imports_it_and_finds_the_figures_in_the_weeks_entry));
        var page = browser.Page;
        await browser.SignInAsync(AdminEmail, AdminPassword);
        await browser.WaitUntilInteractiveAsync();
        var demo = await server.WorkspaceIdAsync(SocialKpiServer.DemoWorkspace);
        await page.GotoAsync($"/import?workspace={demo}");
        await browser.WaitUntilInteractiveAsync();

        // A week the demo seed leaves empty.
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "instagram-2030.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("semaine;canal;métrique;valeur\n2030-W10;Instagram;reach;1 500\n2030-W10;Instagram;comments;42\n"),
        });
        await page.Locator(".import-dry-run").ClickAsync();

        await Expect(page.Locator(".import-summary")).ToHaveTextAsync("2 lignes lues : 2 chiffres à ajouter, 0 à modifier, 0 inchangés, 0 refusés.");
        await Expect(page.Locator(".import-added tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator(".import-added")).ToContainTextAsync("2030-W10 · Instagram");
        await browser.ScreenshotAsync("dry-run");
        await page.Locator(".import-write").ClickAsync();

        await Expect(page.Locator(".import-done")).ToContainTextAsync("Import terminé : 2 chiffres ajoutés, 0 modifiés.");
        await page.Locator(".import-see").ClickAsync();
        await browser.WaitUntilInteractiveAsync();
        await Expect(page.Locator("input[type=week]")).ToHaveValueAsync("2030-W10");
        await page.WaitForFunctionAsync("""
            () => { const values = [...document.querySelectorAll('[data-grid=figures] input')].map(i => i.value);
                    return values.includes('1500') && values.includes('42'); }
            """);
        await browser.ScreenshotAsync("entry");
        Assert.Empty(browser.BrowserErrors);
    }
}
