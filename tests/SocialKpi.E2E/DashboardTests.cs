using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocialKpi.E2E;

[Collection(BrowserTests.Name)]
public sealed partial class DashboardTests(Chromium chromium)
{
    private const string AdminEmail = "helene@maison-lumiere.fr";
    private const string AdminPassword = "meche-de-coton-2026";

    [Fact]
    public async Task A_manager_changes_the_period_opens_an_objective_and_a_chart_tooltip_gives_the_exact_weekly_figure()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await chromium.OpenAsync(server);
        var page = browser.Page;
        await browser.SignInAsync(AdminEmail, AdminPassword);
        await page.GotoAsync("/");
        await browser.WaitUntilInteractiveAsync();
        await Expect(browser.Heading).ToHaveTextAsync($"Tableau de bord — {SocialKpiServer.DemoWorkspace}");
        await Expect(page.Locator("[data-figure=Reach]")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "4 dernières semaines" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("period=4w"));
        await Expect(page.GetByTestId("period-weeks")).ToContainTextAsync("4 semaines");
        await browser.ScreenshotAsync("dashboard-4-weeks");

        await page.Locator(".objective-link").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/dashboard/objectives/\d+\?period=4w"));
        await Expect(browser.Heading).ToHaveTextAsync($"Objectif — {SocialKpiServer.DemoWorkspace}");
        var section = page.Locator(".kpi-chart-section").First;
        var chart = section.Locator(".kpi-chart");
        await chart.ScrollIntoViewIfNeededAsync();
        await Expect(chart.Locator(".rz-line-series").Last).ToBeVisibleAsync();

        // Point at the KPI's value line, two thirds of the way along: the tooltip names the week and gives the value.
        var line = chart.Locator(".rz-line-series").Last.Locator("path").First;
        var point = await line.EvaluateAsync<Dictionary<string, double>>(
            "el => { const p = el.getPointAtLength(el.getTotalLength() * 0.66); const m = el.getScreenCTM(); return { x: p.x * m.a + m.e, y: p.y * m.d + m.f }; }");
        await page.Mouse.MoveAsync((float)point["x"], (float)point["y"]);
        var tooltip = page.Locator(".rz-chart-tooltip .chart-tooltip");
        await Expect(tooltip).ToBeVisibleAsync();
        await browser.ScreenshotAsync("objective-tooltip");

        // The tooltip's figure is the one in the chart's weekly table, for that week and that series.
        var text = await tooltip.InnerTextAsync();
        var match = TooltipPattern().Match(text);
        Assert.True(match.Success, text);
        var headers = await section.Locator(".kpi-weeks thead th").AllTextContentsAsync();
        var column = headers.ToList().FindIndex(h => h.Trim() == match.Groups["series"].Value.Trim());
        Assert.True(column > 0, $"{match.Groups["series"].Value} not in {string.Join(" | ", headers)}");
        var row = section.Locator(".kpi-weeks tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextRegex = new Regex($"^{match.Groups["week"].Value} {match.Groups["year"].Value}$") }) });
        var cell = await row.Locator("th, td").Nth(column).TextContentAsync();
        Assert.Equal(match.Groups["value"].Value.Trim(), cell?.Trim());
        Assert.Matches(@"^[\d\u202F\u00A0 ]+$", match.Groups["value"].Value.Trim());
        Assert.Empty(browser.BrowserErrors);
    }

    [GeneratedRegex(@"^(?<week>S\d+) (?<year>\d{4})\s+(?<series>[^:]+?)\s*:\s*(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex TooltipPattern();
}
