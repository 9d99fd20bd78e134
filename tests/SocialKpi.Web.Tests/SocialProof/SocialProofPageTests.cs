using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Domain.Calendar;
using SocialKpi.Web.Features.SocialProof;

namespace SocialKpi.Web.Tests.SocialProof;

public class SocialProofPageTests
{
    private static readonly IsoWeek LastWeek = IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(DateTime.Today));

    /// <summary>The demo workspace; the context is made by the test itself, so its culture stays set for the test.</summary>
    private static async Task DemoAsync(ComponentTestContext context)
    {
        context.Services.AddScoped<SocialProofService>();
        context.SignIn();
        await context.UseDatabaseAsync(seedDemo: true);
    }

    private static IRenderedComponent<SocialProofPage> Open(ComponentTestContext context, string query)
    {
        var navigation = context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/social-proof" + query);
        return context.Render<SocialProofPage>();
    }

    [Fact]
    public async Task The_page_follows_the_period_and_comparison_in_the_address()
    {
        using var context = new ComponentTestContext("en-US");
        await DemoAsync(context);

        var page = Open(context, "?period=4w&compare=year");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".social-proof-table tbody tr")), TimeSpan.FromSeconds(10));
        Assert.Equal("Weeks4", page.Find(".period-option.current").GetAttribute("data-period"));
        Assert.Contains("4 weeks", page.Find("[data-testid=period-weeks]").TextContent, StringComparison.Ordinal);
        Assert.Equal("vs a year before", page.Find(".comparison-choice a.current").TextContent.Trim());
        var yearBefore = new WeekRange(LastWeek.AddWeeks(-3), LastWeek).YearBefore;
        Assert.Contains($"W{LastWeek.AddWeeks(-3).Week} {LastWeek.AddWeeks(-3).Year} to W{LastWeek.Week} {LastWeek.Year}", page.Markup, StringComparison.Ordinal);
        Assert.Contains($"Share of voice, W{yearBefore.From.Week} {yearBefore.From.Year} – W{yearBefore.To.Week} {yearBefore.To.Year}", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_percentage_axes_show_whole_percentages_not_two_zero_decimals()
    {
        using var context = new ComponentTestContext("fr-FR");
        await DemoAsync(context);

        var page = Open(context, "?period=13w");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".social-proof-card .rz-value-axis text")), TimeSpan.FromSeconds(10));
        var ticks = page.FindAll(".social-proof-card")[0].QuerySelectorAll(".rz-value-axis text").Select(t => t.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.NotEmpty(ticks);
        Assert.All(ticks, t => Assert.Matches(@"^\d+(,\d+)?\u00A0%$", t));
        Assert.DoesNotContain(ticks, t => t.EndsWith(",00\u00A0%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_single_week_of_data_gives_a_single_week_label()
    {
        using var context = new ComponentTestContext("fr-FR");
        await DemoAsync(context);

        var page = Open(context, $"?period=custom&from={LastWeek}&to={LastWeek}");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".social-proof-card .rz-category-axis text")), TimeSpan.FromSeconds(10));
        var labels = page.FindAll(".social-proof-card")[0].QuerySelectorAll(".rz-category-axis text").Select(t => t.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Equal([$"S{LastWeek.Week}"], labels);
    }
}
