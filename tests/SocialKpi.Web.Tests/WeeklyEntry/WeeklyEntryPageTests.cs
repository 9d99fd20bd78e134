using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Web.Features.WeeklyEntry;
using static SocialKpi.Web.Tests.WeeklyEntry.WeeklyEntryTestContext;

namespace SocialKpi.Web.Tests.WeeklyEntry;

public class WeeklyEntryPageTests
{
    [Fact]
    public async Task The_page_opens_on_the_last_complete_week_with_six_channels_of_the_demo()
    {
        using var context = Start("fr-FR");
        await DemoAsync(context);

        var page = context.Render<WeeklyEntryPage>();

        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("[data-grid=figures] thead th").Count - 1), TimeSpan.FromSeconds(10));
        var week = Service(context).LastCompleteWeek;
        Assert.Equal(week.ToString(), page.Find("input[type=week]").GetAttribute("value"));
        Assert.Contains("Saisie hebdomadaire — Maison Lumière", page.Find("h1").TextContent);
        Assert.Contains("Toutes les valeurs de la semaine sont enregistrées.", page.Markup);
    }

    [Fact]
    public async Task Saving_from_the_page_clears_the_unsaved_mark()
    {
        using var context = Start("fr-FR");
        var workspace = await DemoAsync(context);
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["workspace"] = workspace, ["week"] = EmptyWeek.ToString() }));
        var page = context.Render<WeeklyEntryPage>();
        page.WaitForElement(".entry-grid", TimeSpan.FromSeconds(10));

        page.Find("[data-grid=figures] input[data-row='0'][data-col='0']").Change("1 500");
        page.WaitForAssertion(() => Assert.Contains("1 modification(s) non enregistrée(s)", page.Markup));
        page.Find(".entry-save").Click();

        page.WaitForAssertion(() => Assert.Contains("1 valeur(s) enregistrée(s).", page.Markup), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-grid=figures] .entry-cell.changed"));
    }

    [Fact]
    public async Task A_cell_another_editor_saved_meanwhile_shows_both_values_and_keeping_mine_saves_it_over_theirs()
    {
        using var context = Start("fr-FR");
        var workspace = await DemoAsync(context);
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["workspace"] = workspace, ["week"] = EmptyWeek.ToString() }));
        var page = context.Render<WeeklyEntryPage>();
        page.WaitForElement(".entry-grid", TimeSpan.FromSeconds(10));
        var other = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new(System.Security.Claims.ClaimTypes.NameIdentifier, "user-2"), new(System.Security.Claims.ClaimTypes.Name, "lea@example.com"),
            new(SocialKpi.Web.Security.SocialKpiClaims.Administrator, "true"),
        ], "test"));
        var theirs = await Service(context).LoadAsync(other, workspace, EmptyWeek);
        theirs.Edit(theirs.At(0, 0).Key, "111");
        await Service(context).SaveAsync(other, workspace, theirs);

        page.Find("[data-grid=figures] input[data-row='0'][data-col='0']").Change("222");
        page.Find("[data-grid=figures] input[data-row='0'][data-col='1']").Change("333");
        page.Find(".entry-save").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".entry-conflict")), TimeSpan.FromSeconds(10));
        var conflict = page.Find(".entry-conflict").TextContent;
        Assert.Contains("La vôtre : 222", conflict);
        Assert.Contains("Enregistrée par lea@example.com : 111", conflict);
        Assert.Contains("1 cellule(s) ont été modifiées par quelqu'un d'autre", page.Find(".entry-status").TextContent);

        page.Find(".entry-conflict .keep-mine").Click();
        page.Find(".entry-save").Click();

        page.WaitForAssertion(() => Assert.Contains("1 valeur(s) enregistrée(s).", page.Markup), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll(".entry-conflict"));
        var stored = await WithDbAsync(context, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.MetricValues.Where(v => v.WorkspaceId == workspace && v.Week == EmptyWeek.Key)));
        Assert.Equal(new[] { 222d, 333d }, stored.Select(v => v.Value).Order());
    }
}
