using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocialKpi.E2E;

[Collection(BrowserTests.Name)]
public sealed class AccountTests(Chromium chromium)
{
    private const string AdminEmail = "helene@maison-lumiere.fr";
    private const string AdminPassword = "bougie-parfumée-2026";

    [Fact]
    public async Task A_fresh_install_leads_to_setup_and_the_new_administrator_lands_on_the_demo_dashboard()
    {
        await using var server = SocialKpiServer.Start();
        await using var browser = await chromium.OpenAsync(server);
        var page = browser.Page;

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/setup$"));
        await Expect(browser.Heading).ToHaveTextAsync("Bienvenue dans SocialKpi");
        await browser.ScreenshotAsync("setup-form");

        await page.GetByLabel("Votre nom").FillAsync("Élodie Bérénger");
        await page.GetByLabel("Adresse e-mail").FillAsync("elodie@maison-lumiere.fr");
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("mèche-de-coton-2026");
        await page.GetByLabel("Confirmez le mot de passe").FillAsync("mèche-de-coton-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'administrateur" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/");
        await browser.WaitUntilInteractiveAsync();
        await Expect(browser.Heading).ToHaveTextAsync($"Tableau de bord — {SocialKpiServer.DemoWorkspace}");
        await Expect(page.Locator(".objective-card")).ToHaveCountAsync(4);
        await Expect(page.Locator(".user-name")).ToHaveTextAsync("Élodie Bérénger");
        await browser.ScreenshotAsync("dashboard");
        Assert.Empty(browser.BrowserErrors);
    }

    [Fact]
    public async Task Setup_is_closed_once_an_administrator_exists()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await chromium.OpenAsync(server);

        await browser.Page.GotoAsync("/setup");

        await Expect(browser.Page.GetByText("SocialKpi est déjà configuré.")).ToBeVisibleAsync();
        await Expect(browser.Page.GetByLabel("Adresse e-mail")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_the_right_one_opens_the_dashboard()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await chromium.OpenAsync(server);
        var page = browser.Page;

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(BrowserSession.SignInUrl());
        await Expect(browser.Heading).ToHaveTextAsync("Se connecter");
        await browser.ScreenshotAsync("sign-in-form");

        await browser.FillSignInFormAsync(AdminEmail, "pas-le-bon-mot-de-passe");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Adresse e-mail ou mot de passe incorrect.");
        await Expect(page).ToHaveURLAsync(BrowserSession.SignInUrl());
        await browser.ScreenshotAsync("wrong-password");

        await browser.FillSignInFormAsync(AdminEmail, AdminPassword);
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/");
        await browser.WaitUntilInteractiveAsync();
        await Expect(browser.Heading).ToHaveTextAsync($"Tableau de bord — {SocialKpiServer.DemoWorkspace}");
        await Expect(page.Locator(".objective-card")).ToHaveCountAsync(4);
        await Expect(page.Locator(".user-name")).ToHaveTextAsync("Hélène Médard");
        await browser.ScreenshotAsync("dashboard");
        Assert.Empty(browser.BrowserErrors);
    }

    [Fact]
    public async Task Signing_out_returns_to_the_sign_in_page_and_the_dashboard_asks_to_sign_in_again()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await chromium.OpenAsync(server);
        var page = browser.Page;
        await browser.SignInAsync(AdminEmail, AdminPassword);
        await browser.WaitUntilInteractiveAsync();
        await Expect(browser.Heading).ToContainTextAsync(SocialKpiServer.DemoWorkspace);

        await page.Locator(".sign-out").ClickAsync();

        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/account/login");
        await Expect(browser.Heading).ToHaveTextAsync("Se connecter");
        await browser.ScreenshotAsync("signed-out");

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(BrowserSession.SignInUrl());
        await Expect(page.Locator(".objective-card")).ToHaveCountAsync(0);
        Assert.DoesNotContain(SocialKpiServer.DemoWorkspace, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(browser.BrowserErrors);
    }
}
