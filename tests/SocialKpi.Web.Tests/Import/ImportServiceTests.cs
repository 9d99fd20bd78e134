using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Metrics;
using SocialKpi.Web.Features.Import;
using static SocialKpi.Web.Tests.Import.ImportTestContext;

namespace SocialKpi.Web.Tests.Import;

public class ImportServiceTests
{
    /// <summary>Weeks the demo seed leaves empty.</summary>
    private const string File = """
        week;channel;metric;value
        2030-W10;Instagram;reach;1 000
        2030-W10;Instagram;comments;12
        2030-W11;LinkedIn;reach;2 500,5
        """;

    private static readonly int Week10 = new IsoWeek(2030, 10).Key;

    private static async Task<(int Reach, int Instagram)> IdsAsync(ComponentTestContext context) => await WithDbAsync(context, async db =>
        (await db.Metrics.Where(m => m.Key == StandardMetrics.Reach).Select(m => m.Id).SingleAsync(),
         await db.Channels.Where(c => c.Name == "Instagram").Select(c => c.Id).SingleAsync()));

    [Fact]
    public async Task The_dry_run_writes_nothing_and_the_import_writes_every_figure_as_one_batch_with_its_history()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var before = await StoreFingerprintAsync(context);
        using var session = await OpenAsync(context, workspace, File);

        var plan = await Service(context).DryRunAsync(session);

        Assert.Equal((3, 0, 0), (plan.Added.Count, plan.Changed.Count, plan.Rejections.Count));
        Assert.Equal(before, await StoreFingerprintAsync(context));

        var (batch, refusal) = await Service(context).ImportAsync(Editor(), workspace, session.FileName, plan, skipRejected: false);

        Assert.Null(refusal);
        Assert.Equal((3, 0, "camille@example.com"), (batch!.Added, batch.Changed, batch.ImportedBy));
        var history = await WithDbAsync(context, db => db.MetricValueChanges.CountAsync(c => c.Id >= batch.FirstChangeId && c.Id <= batch.LastChangeId));
        Assert.Equal(3, history);
    }

    [Fact]
    public async Task Undo_deletes_the_added_figures_and_restores_the_changed_ones()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var (reach, instagram) = await IdsAsync(context);
        using (var first = await OpenAsync(context, workspace, "week;channel;metric;value\n2030-W10;Instagram;reach;500\n"))
        {
            await Service(context).ImportAsync(Editor(), workspace, first.FileName, await Service(context).DryRunAsync(first), false);
        }

        var before = await WithDbAsync(context, db => db.MetricValues.CountAsync());
        using var session = await OpenAsync(context, workspace, File);
        var plan = await Service(context).DryRunAsync(session);
        Assert.Equal(new PlannedFigure(new(instagram, reach, Week10), 500, 1000), Assert.Single(plan.Changed));
        var (batch, _) = await Service(context).ImportAsync(Editor(), workspace, session.FileName, plan, false);

        var (refusal, _) = await Service(context).UndoAsync(Editor("lea@example.com"), workspace, batch!.Id);

        Assert.Null(refusal);
        Assert.Equal(before, await WithDbAsync(context, db => db.MetricValues.CountAsync()));
        var restored = await WithDbAsync(context, db => db.MetricValues.SingleAsync(v => v.WorkspaceId == workspace && v.Week == Week10 && v.MetricId == reach && v.ChannelId == instagram));
        Assert.Equal((500d, "lea@example.com"), (restored.Value, restored.UpdatedBy));
        var undone = await WithDbAsync(context, db => db.ImportBatches.SingleAsync(b => b.Id == batch.Id));
        Assert.Equal("lea@example.com", undone.UndoneBy);
        Assert.Equal(UndoRefusal.AlreadyUndone, (await Service(context).UndoAsync(Editor(), workspace, batch.Id)).Refusal);
    }

    [Fact]
    public async Task The_history_holds_each_imported_figure_once_old_to_new_and_later_writes_are_recorded_again()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var (reach, instagram) = await IdsAsync(context);
        using (var first = await OpenAsync(context, workspace, "week;channel;metric;value\n2030-W10;Instagram;reach;500\n"))
        {
            await Service(context).ImportAsync(Editor(), workspace, first.FileName, await Service(context).DryRunAsync(first), false);
        }

        using var session = await OpenAsync(context, workspace, File);
        var (batch, _) = await Service(context).ImportAsync(Editor("lea@example.com"), workspace, session.FileName, await Service(context).DryRunAsync(session), false);

        var history = await WithDbAsync(context, db => db.MetricValueChanges.Where(c => c.Id >= batch!.FirstChangeId && c.Id <= batch.LastChangeId).ToListAsync());
        Assert.Equal(3, history.Count);
        Assert.All(history, c => Assert.Equal("lea@example.com", c.ChangedBy));
        var reachChange = Assert.Single(history, c => c.MetricId == reach && c.ChannelId == instagram && c.Week == Week10);
        Assert.Equal((500d, 1000d), (reachChange.OldValue, reachChange.NewValue));

        // The triggers stood aside for the import's transaction only: the next writer's change is in the history.
        await WithDbAsync(context, db => db.MetricValues.Where(v => v.WorkspaceId == workspace && v.Week == Week10 && v.MetricId == reach && v.ChannelId == instagram)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, 1234).SetProperty(v => v.UpdatedBy, "theo@example.com")));
        var last = await WithDbAsync(context, db => db.MetricValueChanges.OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal((1000d, 1234d, "theo@example.com"), (last.OldValue, last.NewValue, last.ChangedBy));
    }

    [Fact]
    public async Task Undo_is_refused_and_changes_nothing_when_a_figure_was_changed_after_the_import()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var (reach, instagram) = await IdsAsync(context);
        using var session = await OpenAsync(context, workspace, File);
        var (batch, _) = await Service(context).ImportAsync(Editor(), workspace, session.FileName, await Service(context).DryRunAsync(session), false);
        await WithDbAsync(context, db => db.MetricValues.Where(v => v.WorkspaceId == workspace && v.Week == Week10 && v.MetricId == reach && v.ChannelId == instagram)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, 1234)));
        var before = await StoreFingerprintAsync(context);

        var (refusal, changedSince) = await Service(context).UndoAsync(Editor(), workspace, batch!.Id);

        Assert.Equal((UndoRefusal.ChangedSince, 1), (refusal, changedSince));
        Assert.Equal(before, await StoreFingerprintAsync(context));
    }

    [Fact]
    public async Task An_import_whose_figures_changed_since_the_dry_run_writes_nothing()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var (reach, instagram) = await IdsAsync(context);
        using var session = await OpenAsync(context, workspace, File);
        var plan = await Service(context).DryRunAsync(session);
        await WithDbAsync(context, async db =>
        {
            db.MetricValues.Add(new MetricValue { WorkspaceId = workspace, ChannelId = instagram, MetricId = reach, Week = Week10, Value = 7 });
            return await db.SaveChangesAsync();
        });
        var before = await StoreFingerprintAsync(context);

        var (batch, refusal) = await Service(context).ImportAsync(Editor(), workspace, session.FileName, plan, false);

        Assert.Equal((null, ImportRefusal.ChangedSinceDryRun), (batch, refusal));
        Assert.Equal(before, await StoreFingerprintAsync(context));
    }

    [Fact]
    public async Task A_cancelled_import_writes_nothing()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        using var session = await OpenAsync(context, workspace, File);
        var plan = await Service(context).DryRunAsync(session);
        var before = await StoreFingerprintAsync(context);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Service(context).ImportAsync(Editor(), workspace, session.FileName, plan, false, cancellationToken: cancelled.Token));

        Assert.Equal(before, await StoreFingerprintAsync(context));
    }

    [Fact]
    public async Task Rejected_rows_block_the_import_until_the_user_chooses_to_leave_them_out()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        using var session = await OpenAsync(context, workspace, File + "\n2030-W12;Instagram;reach;=cmd|' /C calc'!A0\n");
        var plan = await Service(context).DryRunAsync(session);

        var refused = await Service(context).ImportAsync(Editor(), workspace, session.FileName, plan, skipRejected: false);
        var accepted = await Service(context).ImportAsync(Editor(), workspace, session.FileName, plan, skipRejected: true);

        Assert.Equal(ImportRefusal.HasRejections, refused.Refusal);
        Assert.Equal((3, 1), (accepted.Batch!.Added, accepted.Batch.Rejected));
    }

    [Fact]
    public async Task A_saved_preset_is_proposed_for_the_next_file_with_the_same_headers()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        using var first = await OpenAsync(context, workspace, "Jour;Vues;Bof\n02/11/2026;10;x\n");
        first.Mapping.Columns[1].Role = ColumnRole.Figure;
        first.Mapping.Columns[1].MetricKey = StandardMetrics.VideoViews;
        first.Mapping.ChannelId = await WithDbAsync(context, db => db.Channels.Where(c => c.Name == "TikTok").Select(c => c.Id).SingleAsync());
        await Service(context).SavePresetAsync(Editor(), workspace, "TikTok maison", first.Mapping);

        using var next = await OpenAsync(context, workspace, "Jour;Vues;Bof\n09/11/2026;12;y\n");

        Assert.Equal(("TikTok maison", StandardMetrics.VideoViews, first.Mapping.ChannelId), (next.Mapping.Preset, next.Mapping.Columns[1].MetricKey, next.Mapping.ChannelId));
    }
}
