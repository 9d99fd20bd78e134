using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocialKpi.E2E;

[Collection(BrowserTests.Name)]
public sealed class ObjectiveEditorTests(Chromium chromium)
{
    private const string AdminEmail = "helene@maison-lumiere.fr";
    private const string AdminPassword = "meche-de-coton-2026";
    private const string ObjectiveName = "Faire parler de la bougie Ambre";

    [Fact]
    public async Task An_editor_creates_an_objective_with_suggested_KPIs_and_sees_it_listed_with_them()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await chromium.OpenAsync(server);
        var page = browser.Page;
        await browser.SignInAsync(AdminEmail, AdminPassword);
        await page.GotoAsync("/objectives");
        await browser.WaitUntilInteractiveAsync();
        await Expect(browser.Heading).ToHaveTextAsync($"Objectifs — {SocialKpiServer.DemoWorkspace}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nouvel objectif" }).ClickAsync();
        var form = page.Locator("[data-form=objective]");
        await Expect(form).ToBeVisibleAsync();

        // Nothing typed: the form says what is missing and nothing is saved.
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(form.Locator("[data-field=name]")).ToHaveTextAsync("Obligatoire.");
        await Expect(form.Locator("[data-field=category]")).ToHaveTextAsync("Obligatoire.");

        await form.Locator("input[name=objectiveName]").FillAsync(ObjectiveName);
        await form.Locator(".rz-dropdown").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Notoriété", Exact = true }).ClickAsync();

        // Notoriété proposes mentions, share of voice and followers.
        var suggestions = form.Locator("tr[data-suggestion]");
        await Expect(suggestions).ToHaveCountAsync(3);
        await form.Locator("tr[data-suggestion=mentions] .suggestion-number input").Last.FillAsync("400");
        await form.Locator("tr[data-suggestion*=voice] .rz-chkbox").ClickAsync();
        await form.Locator("tr[data-suggestion=followers] .suggestion-number input").First.FillAsync("12000");
        await form.Locator("tr[data-suggestion=followers] .suggestion-number input").Last.FillAsync("15000");
        await page.Keyboard.PressAsync("Tab");
        await browser.ScreenshotAsync("objective-form-with-suggestions");

        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(form).ToHaveCountAsync(0);
        var created = page.Locator("[data-category=Notoriete] [data-objective]").Filter(new() { HasText = ObjectiveName });
        await Expect(created).ToBeVisibleAsync();
        await Expect(created.Locator("tr[data-kpi]")).ToHaveCountAsync(2);
        await Expect(created.Locator("tr[data-kpi]").First).ToContainTextAsync("Mentions");
        await Expect(created.Locator("tr[data-kpi]").Last).ToContainTextAsync("Abonnés");
        await Expect(created).Not.ToContainTextAsync("Part de voix");
        await created.ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("objective-listed");

        // Archiving a KPI asks first, then takes it out of the objective.
        await created.GetByRole(AriaRole.Button, new() { Name = "Archiver Mentions" }).ClickAsync();
        var dialog = page.Locator(".rz-dialog");
        await Expect(dialog).ToContainTextAsync("Archiver « Mentions » ?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Archiver" }).ClickAsync();
        await Expect(created.Locator("tr[data-kpi]")).ToHaveCountAsync(1);
        await Expect(created.Locator("tr[data-kpi]")).ToContainTextAsync("Abonnés");
        Assert.Empty(browser.BrowserErrors);
    }

    [Fact]
    public async Task A_viewer_sees_the_objectives_without_any_edit_control()
    {
        await using var server = SocialKpiServer.Start();
        var demo = await server.WorkspaceIdAsync(SocialKpiServer.DemoWorkspace);
        await server.AddUserAsync("lea@maison-lumiere.fr", AdminPassword, "Léa Martin", demo);
        await using var browser = await chromium.OpenAsync(server);
        var page = browser.Page;
        await browser.SignInAsync("lea@maison-lumiere.fr", AdminPassword);
        await page.GotoAsync("/objectives");
        await browser.WaitUntilInteractiveAsync();

        await Expect(page.Locator("[data-objective]")).ToHaveCountAsync(4);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nouvel objectif" })).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-action]")).ToHaveCountAsync(0);
        Assert.Empty(browser.BrowserErrors);
    }

    [Fact]
    public async Task The_KPI_form_and_the_settings_read_well_in_both_languages_on_a_desktop_and_on_a_phone()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await chromium.OpenAsync(server);
        var page = browser.Page;
        await browser.SignInAsync(AdminEmail, AdminPassword);

        foreach (var (language, addKpi, preview) in new[] { ("FR", "Ajouter un KPI", "Aperçu"), ("EN", "Add a KPI", "Preview") })
        {
            if (language == "EN")
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "EN", Exact = true }).ClickAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            }

            foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync("/objectives");
                await browser.WaitUntilInteractiveAsync();
                await page.Locator("[data-objective]").First.GetByRole(AriaRole.Button, new() { Name = addKpi }).ClickAsync();
                var form = page.Locator("[data-form=kpi]");
                await form.Locator(".rz-dropdown").First.ClickAsync();
                await page.GetByRole(AriaRole.Option).Filter(new() { HasText = language == "FR" ? "Taux d'engagement (portée)" : "Engagement rate (reach)" }).First.ClickAsync();
                await Expect(form.Locator("[data-definition]")).ToBeVisibleAsync();
                await form.Locator("input[name=kpiTarget]").FillAsync("6,5".Replace(",", language == "FR" ? "," : ".", StringComparison.Ordinal));
                await page.Keyboard.PressAsync("Tab");
                await Expect(form.Locator("[data-current]")).ToBeVisibleAsync();
                await Expect(form.GetByText(preview, new() { Exact = true })).ToBeVisibleAsync();
                await browser.ScreenshotAsync($"kpi-form-{language}-{width}");
                Assert.True(await FitsAsync(page), $"The KPI form scrolls sideways at {width} px in {language}.");

                await page.GotoAsync("/settings");
                await browser.WaitUntilInteractiveAsync();
                await Expect(page.Locator("[data-section=channels] tr[data-channel]")).ToHaveCountAsync(6);
                await page.Locator("[data-section=channels]").ScrollIntoViewIfNeededAsync();
                await browser.ScreenshotAsync($"settings-{language}-{width}");
                Assert.True(await FitsAsync(page), $"The settings scroll sideways at {width} px in {language}.");
            }
        }

        Assert.Empty(browser.BrowserErrors);
    }

    private static async Task<bool> FitsAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
}
