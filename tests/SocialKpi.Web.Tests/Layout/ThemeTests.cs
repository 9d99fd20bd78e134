using System.Net;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Web.Components.Layout;

namespace SocialKpi.Web.Tests.Layout;

public class ThemeTests
{
    [Theory]
    [InlineData("dark", ThemeChoice.Dark)]
    [InlineData("Light", ThemeChoice.Light)]
    [InlineData("system", ThemeChoice.System)]
    [InlineData("purple", ThemeChoice.System)]
    [InlineData("2", ThemeChoice.System)]
    [InlineData(null, ThemeChoice.System)]
    public void The_theme_cookie_is_read_back_and_anything_unknown_follows_the_device(string? cookie, ThemeChoice expected)
    {
        var context = new DefaultHttpContext();
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{ThemeCookie.Name}={cookie}";
        }

        Assert.Equal(expected, ThemeCookie.Read(context.Request.Cookies));
    }

    [Theory]
    [InlineData(ThemeChoice.Dark, "all", "not all")]
    [InlineData(ThemeChoice.Light, "not all", "all")]
    [InlineData(ThemeChoice.System, "(prefers-color-scheme: dark)", "not all and (prefers-color-scheme: dark)")]
    public void Each_choice_applies_the_dark_or_light_stylesheets_or_leaves_it_to_the_device(ThemeChoice choice, string darkMedia, string lightMedia)
    {
        using var ctx = new ComponentTestContext();

        var head = ctx.Render<ThemeStylesheets>(p => p.Add(s => s.Choice, choice));

        Assert.All(Sheets(head, "material-dark-"), media => Assert.Equal(darkMedia, media));
        Assert.All(Sheets(head, "material-base", "material-wcag"), media => Assert.Equal(lightMedia, media));
    }

    [Fact]
    public void The_page_carries_each_channel_colour_for_both_themes()
    {
        using var ctx = new ComponentTestContext();

        var head = ctx.Render<ThemeStylesheets>(p => p.Add(s => s.Choice, ThemeChoice.System));

        Assert.Contains("--sk-channel-0: light-dark(#2563EB, #60A5FA);", head.Find("style").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_theme_switch_offers_the_three_choices_and_comes_back_to_the_page()
    {
        using var ctx = new ComponentTestContext("en-US");
        ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/entry?week=2026-W47");

        var links = ctx.Render<ThemeSwitch>().FindAll("a[data-theme-choice]");

        Assert.Equal(["system", "light", "dark"], links.Select(a => a.GetAttribute("data-theme-choice")));
        Assert.Equal("/theme/dark?redirectUri=%2Fentry%3Fweek%3D2026-W47", links[2].GetAttribute("href"));
        Assert.Equal("Theme: dark", links[2].GetAttribute("aria-label"));
    }

    [Fact]
    public async Task The_sign_in_page_is_served_dark_from_the_first_response_when_the_cookie_says_dark()
    {
        await using var app = new SocialKpiAppFactory();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", $"{ThemeCookie.Name}=dark");

        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("data-theme=\"dark\"", html, StringComparison.Ordinal);
        Assert.Matches("material-dark-base\\.css[^>]*media=\"all\"", html);
        Assert.Matches("material-base\\.css[^>]*media=\"not all\"", html);
    }

    [Fact]
    public async Task The_theme_link_stores_the_choice_for_a_year_and_returns_to_the_page()
    {
        await using var app = new SocialKpiAppFactory();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var chosen = await client.GetAsync("/theme/dark?redirectUri=%2Fentry");
        var unknown = await client.GetAsync("/theme/purple?redirectUri=%2Fentry");
        var offSite = await client.GetAsync("/theme/light?redirectUri=https%3A%2F%2Fevil.example");

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/entry", chosen.Headers.Location!.OriginalString);
        var cookie = Assert.Single(chosen.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{ThemeCookie.Name}=dark;", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("/", offSite.Headers.Location!.OriginalString);
    }

    private static IEnumerable<string?> Sheets(IRenderedComponent<ThemeStylesheets> head, params string[] names)
    {
        var sheets = head.FindAll("link[rel=stylesheet]").Where(l => names.Any(n => l.GetAttribute("href")!.Contains(n, StringComparison.Ordinal))).ToList();
        Assert.Equal(2, sheets.Count);
        return sheets.Select(l => l.GetAttribute("media"));
    }
}
