using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Channels;
using static Microsoft.Playwright.Assertions;

namespace SocialKpi.E2E;

[Collection(BrowserTests.Name)]
public sealed class CompetitorsTests(Chromium chromium)
{
    private const string AdminEmail = "helene@maison-lumiere.fr";
    private const string AdminPassword = "bougie-parfumée-2026";

    [Fact]
    public async Task An_editor_adds_two_rivals_types_their_week_by_keyboard_and_reads_their_share_of_voice_in_the_social_proof_tooltip()
    {
        await using var server = SocialKpiServer.StartWithAdministrator(AdminEmail, AdminPassword);
        await using var browser = await chromium.OpenAsync(server, nameof(An_editor_adds_two_rivals_types_their_week_by_keyboard_and_reads_their_share_of_voice_in_the_social_proof_tooltip));
        var page = browser.Page;
        await page.SetViewportSizeAsync(1280, 900);
        // A workspace of its own, so the share of voice depends only on what this test enters: our brand was
        // mentioned 60 times on Instagram in the last complete week.
        var week = IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(DateTime.Now));
        var workspace = await BrandWithMentionsAsync(server, week, mentions: 60);
        await browser.SignInAsync(AdminEmail, AdminPassword);
        await browser.WaitUntilInteractiveAsync();

        await page.GotoAsync($"/settings?workspace={workspace}");
        await browser.WaitUntilInteractiveAsync();
        foreach (var rival in new[] { "Cire & Flamme", "Lueur Sauvage" })
        {
            await page.Locator("input[name=competitorName]").FillAsync(rival);
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Ajouter un concurrent" }).ClickAsync();
            await Expect(page.Locator($"tr[data-competitor='{rival}']")).ToBeVisibleAsync();
        }

        await page.GotoAsync($"/entry?workspace={workspace}");
        await browser.WaitUntilInteractiveAsync();
        await page.Locator("[data-test=mode-rivals]").ClickAsync();
        var grid = page.Locator("[data-grid=rivals]");
        await Expect(grid.Locator("tbody th")).ToHaveTextAsync(["Bougies Témoin", "Cire & Flamme", "Lueur Sauvage"]);
        // Followers, posts, likes, comments, shares, video views, mentions, rating, reviews: Tab from cell to cell,
        // on to the next rival's row.
        await grid.Locator("input[data-row='1'][data-col='0']").ClickAsync();
        foreach (var value in new[] { "12 000", "5", "800", "40", "12", "3 000", "30", "4,5", "120", "8 000", "3", "300", "15", "4", "900", "10", "3,9", "45" })
        {
            await page.Keyboard.TypeAsync(value);
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(grid.Locator(".entry-cell.changed")).ToHaveCountAsync(18);
        await Expect(grid.Locator(".entry-cell.invalid")).ToHaveCountAsync(0);
        await grid.Locator("input[data-row='2'][data-col='8']").FocusAsync();
        await page.Keyboard.PressAsync("Control+s");
        await Expect(page.Locator(".entry-message")).ToHaveTextAsync("18 valeur(s) enregistrée(s).");
        await Expect(grid.Locator(".entry-cell.changed")).ToHaveCountAsync(0);

        await page.GotoAsync($"/social-proof?workspace={workspace}");
        await browser.WaitUntilInteractiveAsync();
        // Series follow the brands: ours (0), then the rivals in the order they were added. Cire & Flamme's share of
        // voice that week: 30 ÷ (60 + 30 + 10) = 30 %.
        var shareOfVoice = page.Locator(".social-proof-card .rz-chart").First;
        await shareOfVoice.Locator("g.rz-line-series.rz-series-1 circle").Last.HoverAsync(new() { Force = true });
        var tooltip = page.Locator(".rz-chart-tooltip");
        await Expect(tooltip).ToContainTextAsync("Cire & Flamme");
        await Expect(tooltip).ToContainTextAsync("30,00\u00A0%");
        await browser.ScreenshotAsync("share-of-voice");
        Assert.Empty(browser.BrowserErrors);
    }

    private static async Task<int> BrandWithMentionsAsync(SocialKpiServer server, IsoWeek week, double mentions)
    {
        var workspace = await server.AddWorkspaceAsync("Bougies Témoin");
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>().CreateDbContextAsync();
        var channel = new Channel { WorkspaceId = workspace, Name = "Instagram", Kind = ChannelKind.Instagram };
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        var metric = await db.Metrics.Where(m => m.WorkspaceId == null && m.Key == StandardMetrics.Mentions).Select(m => m.Id).SingleAsync();
        db.MetricValues.Add(new MetricValue { WorkspaceId = workspace, ChannelId = channel.Id, MetricId = metric, Week = week.Key, Value = mentions });
        await db.SaveChangesAsync();
        return workspace;
    }
}
