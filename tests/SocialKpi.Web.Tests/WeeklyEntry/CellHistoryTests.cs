using System.Security.Claims;
using Bunit;
using SocialKpi.Web.Features.WeeklyEntry;
using SocialKpi.Web.Security;
using static SocialKpi.Web.Tests.WeeklyEntry.WeeklyEntryTestContext;

namespace SocialKpi.Web.Tests.WeeklyEntry;

public class CellHistoryTests
{
    private static ClaimsPrincipal Editor(string name) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(ClaimTypes.Name, name), new Claim(SocialKpiClaims.Administrator, "true")], "test"));

    [Fact]
    public async Task The_history_shows_who_changed_the_figure_from_what_to_what_newest_first_and_restores_an_older_one()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var sheet = await Service(context).LoadAsync(Editor("camille@example.com"), workspace, EmptyWeek);
        var key = sheet.At(0, 0).Key;
        sheet.Edit(key, "12");
        await Service(context).SaveAsync(Editor("camille@example.com"), workspace, sheet);
        sheet.Edit(key, "15");
        await Service(context).SaveAsync(Editor("lea@example.com"), workspace, sheet);
        double? restored = null;

        var history = context.Render<CellHistory>(p => p
            .Add(h => h.WorkspaceId, workspace).Add(h => h.Sheet, sheet).Add(h => h.Cell, sheet[key])
            .Add(h => h.Title, "Portée — Instagram").Add(h => h.CanRestore, true).Add(h => h.OnRestore, v => restored = v));

        history.WaitForElements(".cell-history-change");
        Assert.Equal("Historique de Portée — Instagram", history.Find("h2").TextContent);
        var changes = history.FindAll(".cell-history-change");
        Assert.Equal(2, changes.Count);
        Assert.Equal(("lea@example.com", "12 → 15"), (changes[0].QuerySelector(".cell-history-who")!.TextContent, changes[0].QuerySelector(".cell-history-values")!.TextContent));
        Assert.Equal(("camille@example.com", "— → 12"), (changes[1].QuerySelector(".cell-history-who")!.TextContent, changes[1].QuerySelector(".cell-history-values")!.TextContent));
        Assert.Null(changes[0].QuerySelector(".cell-history-restore"));

        changes[1].QuerySelector(".cell-history-restore")!.Click();

        Assert.Equal(12, restored);
    }

    [Fact]
    public async Task A_viewer_sees_the_history_without_restore()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var sheet = await Service(context).LoadAsync(Editor("camille@example.com"), workspace, EmptyWeek);
        var key = sheet.At(0, 0).Key;
        sheet.Edit(key, "1");
        await Service(context).SaveAsync(Editor("camille@example.com"), workspace, sheet);
        sheet.Edit(key, "2");
        await Service(context).SaveAsync(Editor("camille@example.com"), workspace, sheet);

        var history = context.Render<CellHistory>(p => p
            .Add(h => h.WorkspaceId, workspace).Add(h => h.Sheet, sheet).Add(h => h.Cell, sheet[key]).Add(h => h.CanRestore, false));

        history.WaitForElements(".cell-history-change");
        Assert.Equal(2, history.FindAll(".cell-history-change").Count);
        Assert.Empty(history.FindAll(".cell-history-restore"));
    }
}
