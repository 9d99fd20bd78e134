using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Components.Shared;
using SocialKpi.Web.Components.Sheets;
using SocialKpi.Web.Features.WeeklyEntry;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Tests.WeeklyEntry;

/// <summary>The competitors mode of the weekly entry: the shared grid over brands × benchmark metrics on one channel.</summary>
public sealed class RivalEntryTests : IDisposable
{
    private readonly ComponentTestContext context;

    public RivalEntryTests()
    {
        context = WeeklyEntryTestContext.Start("fr-FR");
        context.Services.AddScoped<RivalEntryService>();
    }

    public void Dispose() => context.Dispose();

    private RivalEntryService Rivals => context.Services.GetRequiredService<RivalEntryService>();

    private static ClaimsPrincipal Administrator() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(SocialKpiClaims.Administrator, "true")], "test"));

    private Task<Workspace> DemoAsync() => WeeklyEntryTestContext.DemoAsync(context)
        .ContinueWith(id => WeeklyEntryTestContext.WithDbAsync(context, db => db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == id.Result)), TaskScheduler.Default).Unwrap();

    private Task<List<CompetitorFigure>> StoredAsync(int workspaceId) => WeeklyEntryTestContext.WithDbAsync(context, db =>
        db.CompetitorFigures.AsNoTracking().Where(f => f.WorkspaceId == workspaceId && f.Week == WeeklyEntryTestContext.EmptyWeek.Key).ToListAsync());

    private IRenderedComponent<RivalEntryEditor> Render(Workspace workspace, bool canEdit = true)
    {
        var editor = context.Render<RivalEntryEditor>(p => p
            .Add(e => e.Workspace, workspace).Add(e => e.WeekText, WeeklyEntryTestContext.EmptyWeek.ToString()).Add(e => e.CanEdit, canEdit));
        editor.WaitForElement("[data-grid=rivals] input[data-row='1'][data-col='0']", TimeSpan.FromSeconds(10));
        return editor;
    }

    private static string Cell(int row, int column) => $"[data-grid=rivals] td:has(input[data-row='{row}'][data-col='{column}'])";

    [Fact]
    public async Task Rows_are_our_brand_then_each_rival_and_columns_the_nine_public_figures_in_the_shared_grid()
    {
        var workspace = await DemoAsync();

        var editor = Render(workspace);

        Assert.Equal("./Components/Sheets/EntryGrid.razor.js", context.JSInterop.VerifyInvoke("import").Arguments[0]);
        var rows = editor.FindAll("[data-grid=rivals] tbody th").Select(th => th.TextContent).ToList();
        Assert.Equal(workspace.Name, rows[0]);
        Assert.Equal(4, rows.Count);
        var headers = editor.FindAll("[data-grid=rivals] thead th").Skip(1).Select(th => th.TextContent).ToList();
        Assert.Equal(["Abonnés (fin de semaine)", "Publications", "J’aime", "Commentaires", "Partages", "Vues vidéo", "Mentions", "Note (étoiles)", "Avis"], headers);
        Assert.Contains("n’est pas modifiable ici", editor.Find(".rival-note").TextContent);
    }

    [Fact]
    public async Task Our_brand_row_is_read_only_and_a_pasted_block_skips_it()
    {
        var workspace = await DemoAsync();
        var editor = Render(workspace);
        Assert.All(editor.FindAll("[data-grid=rivals] td[data-competitor='own'] input"), i => Assert.True(i.HasAttribute("readonly")));

        var written = await editor.InvokeAsync(() => editor.FindComponent<EntryGrid>().Instance.PasteAsync(0, 0, "1\t2\n3\t4\n"));

        Assert.Equal(2, written);
        Assert.Equal("", editor.Find("input[data-row='0'][data-col='0']").GetAttribute("value"));
        Assert.Equal("3", editor.Find("input[data-row='1'][data-col='0']").GetAttribute("value"));
    }

    [Fact]
    public async Task A_pasted_block_reads_both_number_formats_flags_a_negative_count_and_a_rating_above_five_and_saves_the_rest()
    {
        var workspace = await DemoAsync();
        var editor = Render(workspace);

        // From "Mentions" on the first rival: mentions, rating, reviews.
        await editor.InvokeAsync(() => editor.FindComponent<EntryGrid>().Instance.PasteAsync(1, 6, "40\t4,6\t1 200\n-3\t5.5\t12\n"));

        Assert.Equal("4,6", editor.Find("input[data-row='1'][data-col='7']").GetAttribute("value"));
        Assert.Equal("1200", editor.Find("input[data-row='1'][data-col='8']").GetAttribute("value"));
        Assert.Contains("ne peut pas être négatif", editor.Find(Cell(2, 6)).TextContent);
        Assert.Contains("entre 0 et 5 étoiles", editor.Find(Cell(2, 7)).TextContent);
        Assert.Contains("2 cellule(s) invalide(s)", editor.Find(".entry-status").TextContent);

        editor.Find(".rival-save").Click();

        editor.WaitForAssertion(() => Assert.Equal(4, StoredAsync(workspace.Id).GetAwaiter().GetResult().Count), TimeSpan.FromSeconds(10));
        var stored = await StoredAsync(workspace.Id);
        Assert.Equal(4.6, stored.Single(f => f.Metric == BenchmarkMetric.Rating).Value);
        Assert.Equal([12.0, 40.0, 1200.0], stored.Where(f => f.Metric != BenchmarkMetric.Rating).Select(f => f.Value).Order());
        Assert.Equal(2, editor.FindAll("[data-grid=rivals] .entry-cell.invalid").Count);
    }

    [Fact]
    public async Task Each_cell_shows_last_weeks_figure_of_its_brand_and_the_change_as_it_is_typed()
    {
        var workspace = await DemoAsync();
        var loaded = (await Rivals.LoadAsync(Administrator(), workspace.Id, WeeklyEntryTestContext.EmptyWeek))!;
        var (channel, rival, lastWeek) = (loaded.ChannelId, loaded.Brands[1].CompetitorId!.Value, WeeklyEntryTestContext.EmptyWeek.AddWeeks(-1));
        await WeeklyEntryTestContext.WithDbAsync(context, async db =>
        {
            var followers = await db.Metrics.SingleAsync(m => m.WorkspaceId == null && m.Key == "followers");
            db.CompetitorFigures.Add(new CompetitorFigure
            {
                WorkspaceId = workspace.Id, CompetitorId = rival, ChannelId = channel, Week = lastWeek.Key, Metric = BenchmarkMetric.Followers, Value = 1000,
            });
            db.MetricValues.Add(new Domain.Metrics.MetricValue { WorkspaceId = workspace.Id, ChannelId = channel, MetricId = followers.Id, Week = lastWeek.Key, Value = 2500 });
            return await db.SaveChangesAsync();
        });

        var editor = Render(workspace);
        editor.Find("input[data-row='1'][data-col='0']").Change("1 100");

        var hint = editor.Find(Cell(1, 0) + " .cell-previous").TextContent;
        Assert.Contains($"S{lastWeek.Week}", hint, StringComparison.Ordinal);
        Assert.Contains(Display.Number(1000m, KpiUnit.Count), hint, StringComparison.Ordinal);
        Assert.Equal("+10,00\u00A0%", editor.Find(Cell(1, 0) + " .cell-change.up").TextContent);
        Assert.Contains(Display.Number(2500m, KpiUnit.Count), editor.Find(Cell(0, 0) + " .cell-previous").TextContent, StringComparison.Ordinal);
        Assert.Contains(Display.Missing, editor.Find(Cell(1, 1) + " .cell-previous").TextContent, StringComparison.Ordinal);
        Assert.Empty(editor.FindAll(Cell(1, 1) + " .cell-change"));
    }

    [Fact]
    public async Task A_fraction_of_a_count_is_refused_with_its_reason()
    {
        var workspace = await DemoAsync();
        var editor = Render(workspace);

        editor.Find("input[data-row='1'][data-col='1']").Change("2,5");

        Assert.Contains("entier", editor.Find(Cell(1, 1)).TextContent);
        Assert.Empty((await Rivals.LoadAsync(Administrator(), workspace.Id, WeeklyEntryTestContext.EmptyWeek))!.ToSave);
    }

    [Fact]
    public async Task Drafts_typed_on_two_channels_survive_a_channel_switch_and_a_refresh_and_one_save_writes_both()
    {
        var workspace = await DemoAsync();
        var editor = Render(workspace);
        var channels = editor.FindAll("select[data-test=rival-channel] option").Select(o => o.GetAttribute("value")!).ToList();
        editor.Find("input[data-row='1'][data-col='0']").Change("12 000");
        editor.Find("select[data-test=rival-channel]").Change(channels[1]);
        Assert.Equal("", editor.Find("input[data-row='1'][data-col='0']").GetAttribute("value"));
        editor.Find("input[data-row='1'][data-col='0']").Change("800");
        Assert.Contains("(1 sur d’autres canaux)", editor.Find(".entry-status").TextContent);

        var refreshed = Render(workspace);
        Assert.Equal("12000", refreshed.Find("input[data-row='1'][data-col='0']").GetAttribute("value"));
        await refreshed.InvokeAsync(() => refreshed.FindComponent<EntryGrid>().Instance.SaveAsync());

        refreshed.WaitForAssertion(() => Assert.Contains("2 valeur(s) enregistrée(s)", refreshed.Find(".entry-status").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal([800.0, 12000.0], (await StoredAsync(workspace.Id)).Select(f => f.Value).Order());
        Assert.False((await Rivals.LoadAsync(Administrator(), workspace.Id, WeeklyEntryTestContext.EmptyWeek))!.HasUnsavedChanges);
    }

    [Fact]
    public async Task A_figure_saved_by_someone_else_meanwhile_is_flagged_with_both_values_and_the_others_are_saved()
    {
        var workspace = await DemoAsync();
        var editor = Render(workspace);
        var theirs = (await Rivals.LoadAsync(Administrator(), workspace.Id, WeeklyEntryTestContext.EmptyWeek))!;
        theirs.Edit(theirs.At(1, 0).Key, "15000");
        await Rivals.SaveAsync(Administrator(), workspace.Id, theirs);

        editor.Find("input[data-row='1'][data-col='0']").Change("14000");
        editor.Find("input[data-row='1'][data-col='1']").Change("6");
        editor.Find(".rival-save").Click();

        editor.WaitForAssertion(() => Assert.Single(editor.FindAll(".rival-conflict")), TimeSpan.FromSeconds(10));
        var conflict = editor.Find(".rival-conflict[data-metric='followers']").TextContent;
        Assert.Contains("14\u00A0000", conflict);
        Assert.Contains("15\u00A0000", conflict);
        Assert.Contains("conflict", editor.Find(Cell(1, 0)).ClassList);
        Assert.DoesNotContain("changed", editor.Find(Cell(1, 1)).ClassList);

        editor.Find(".rival-conflict .keep-mine").Click();
        editor.Find(".rival-save").Click();

        editor.WaitForAssertion(() => Assert.Empty(editor.FindAll(".rival-conflict")), TimeSpan.FromSeconds(10));
        Assert.Contains(14000.0, (await StoredAsync(workspace.Id)).Select(f => f.Value));
    }

    [Fact]
    public async Task A_viewer_reads_the_figures_without_save_button_nor_editable_cell()
    {
        var workspace = await DemoAsync();

        var editor = Render(workspace, canEdit: false);

        Assert.Empty(editor.FindAll(".rival-save"));
        Assert.All(editor.FindAll("[data-grid=rivals] input"), i => Assert.True(i.HasAttribute("readonly")));
        Assert.Contains("seuls les éditeurs", editor.Find(".entry-status").TextContent);
    }
}
