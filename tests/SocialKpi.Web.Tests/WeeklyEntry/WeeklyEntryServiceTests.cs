using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Metrics;
using SocialKpi.Web.Features.WeeklyEntry;
using SocialKpi.Web.Security;
using static SocialKpi.Web.Tests.WeeklyEntry.WeeklyEntryTestContext;

namespace SocialKpi.Web.Tests.WeeklyEntry;

public class WeeklyEntryServiceTests
{
    private static ClaimsPrincipal Administrator(string name = "camille@example.com") => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(ClaimTypes.Name, name), new Claim(SocialKpiClaims.Administrator, "true")], "test"));

    [Fact]
    public async Task A_week_has_every_metric_of_the_catalogue_by_every_active_channel_with_last_weeks_figures()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var week = Service(context).LastCompleteWeek;

        var sheet = await Service(context).LoadAsync(Administrator(), workspace, week);

        Assert.Equal(StandardMetrics.All.Count, sheet.Metrics.Count);
        Assert.Equal(6, sheet.Channels.Count);
        Assert.Contains(sheet.Cells, c => c.Stored is not null && c.PreviousWeek is not null);
    }

    [Fact]
    public async Task Saving_writes_every_valid_change_in_one_go_with_who_and_when_and_skips_invalid_cells()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var sheet = await Service(context).LoadAsync(Administrator(), workspace, EmptyWeek);
        sheet.Paste(0, 0, "100\t200\t300\n10\t-4\tabc");

        var result = await Service(context).SaveAsync(Administrator(), workspace, sheet);

        Assert.Equal(4, result.Written.Count);
        Assert.Empty(result.Conflicts);
        var rows = await WithDbAsync(context, db => db.MetricValues.Where(v => v.WorkspaceId == workspace && v.Week == EmptyWeek.Key).ToListAsync());
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("camille@example.com", r.UpdatedBy));
        Assert.Equal(2, sheet.InvalidCount);
        Assert.Equal(2, sheet.ChangedCount);
    }

    [Fact]
    public async Task A_cell_saved_by_someone_else_meanwhile_is_refused_with_both_values_and_the_others_are_saved()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var mine = await Service(context).LoadAsync(Administrator(), workspace, EmptyWeek);
        var theirs = await Service(context).LoadAsync(Administrator("lea@example.com"), workspace, EmptyWeek);
        theirs.Edit(theirs.At(0, 0).Key, "111");
        await Service(context).SaveAsync(Administrator("lea@example.com"), workspace, theirs);

        mine.Edit(mine.At(0, 0).Key, "222");
        mine.Edit(mine.At(0, 1).Key, "333");
        var result = await Service(context).SaveAsync(Administrator(), workspace, mine);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal((222d, 111d, "lea@example.com"), (conflict.Mine, conflict.Theirs!.Value, conflict.TheirBy!));
        Assert.Single(result.Written);
        Assert.Single(mine.Conflicts);

        mine.KeepMine(mine.At(0, 0).Key);
        var again = await Service(context).SaveAsync(Administrator(), workspace, mine);

        Assert.Empty(again.Conflicts);
        var stored = await WithDbAsync(context, db => db.MetricValues.SingleAsync(v => v.WorkspaceId == workspace && v.Week == EmptyWeek.Key
            && v.MetricId == mine.At(0, 0).Key.MetricId && v.ChannelId == mine.At(0, 0).Key.ChannelId));
        Assert.Equal((222d, 2), (stored.Value, stored.Version));
    }

    [Fact]
    public async Task Drafts_survive_a_new_circuit_until_they_are_saved()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var first = await Service(context).LoadAsync(Administrator(), workspace, EmptyWeek);
        first.Edit(first.At(0, 0).Key, "42");
        await Service(context).KeepDraftsAsync(Administrator(), workspace, first);

        var reopened = await Service(context).LoadAsync(Administrator(), workspace, EmptyWeek);
        Assert.Equal(42, reopened.At(0, 0).DraftValue);

        await Service(context).SaveAsync(Administrator(), workspace, reopened);
        var afterSave = await Service(context).LoadAsync(Administrator(), workspace, EmptyWeek);
        Assert.False(afterSave.HasUnsavedChanges);
        Assert.Equal(42, afterSave.At(0, 0).Stored!.Value);
    }

    [Fact]
    public async Task A_viewer_cannot_save()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var viewer = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "nobody")], "test"));
        var sheet = await Service(context).LoadAsync(viewer, workspace, EmptyWeek);
        sheet.Edit(sheet.At(0, 0).Key, "1");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service(context).SaveAsync(viewer, workspace, sheet));
    }

    [Fact]
    public async Task A_cells_history_lists_every_change_newest_first_with_who_and_is_hidden_from_non_members()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var sheet = await Service(context).LoadAsync(Administrator(), workspace, EmptyWeek);
        var key = sheet.At(0, 0).Key;
        foreach (var (text, by) in new[] { ("100", "camille@example.com"), ("200", "lea@example.com"), ("150", "camille@example.com") })
        {
            sheet.Edit(key, text);
            await Service(context).SaveAsync(Administrator(by), workspace, sheet);
        }

        var history = await Service(context).HistoryAsync(Administrator(), workspace, EmptyWeek, key);
        var stranger = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "nobody")], "test"));
        var hidden = await Service(context).HistoryAsync(stranger, workspace, EmptyWeek, key);

        Assert.Equal(
            new (double?, double?, string?)[] { (200, 150, "camille@example.com"), (100, 200, "lea@example.com"), (null, 100, "camille@example.com") },
            history.Select(c => (c.OldValue, c.NewValue, c.ChangedBy)));
        Assert.Empty(hidden);
    }

    [Fact]
    public async Task An_old_value_put_back_is_a_draft_saved_with_the_week_and_recorded_as_a_change()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var sheet = await Service(context).LoadAsync(Administrator(), workspace, EmptyWeek);
        var key = sheet.At(0, 0).Key;
        sheet.Edit(key, "100");
        await Service(context).SaveAsync(Administrator(), workspace, sheet);
        sheet.Edit(key, "200");
        await Service(context).SaveAsync(Administrator(), workspace, sheet);

        sheet.PutBack(key, 100);
        Assert.True(sheet[key].IsChanged);
        await Service(context).SaveAsync(Administrator(), workspace, sheet);

        var history = await Service(context).HistoryAsync(Administrator(), workspace, EmptyWeek, key);
        Assert.Equal((200d, 100d), (history[0].OldValue!.Value, history[0].NewValue!.Value));
        Assert.Equal(3, history.Count);
        Assert.Equal(100, sheet[key].Stored!.Value);
    }
}
