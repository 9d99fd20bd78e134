using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Data.Identity;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Costs;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Annotations;
using SocialKpi.Web.Components.Sheets;
using SocialKpi.Web.Features.Costs;
using SocialKpi.Web.Security;

using static SocialKpi.Web.Tests.Costs.CostsTestData;

namespace SocialKpi.Web.Tests.Costs;

public sealed class WeekCostsAndAnnotationsServiceTests : IDisposable
{
    private readonly ComponentTestContext context;

    public WeekCostsAndAnnotationsServiceTests() => context = new ComponentTestContext();

    public void Dispose() => context.Dispose();

    private WeekCostsService Costs => context.Services.GetRequiredService<WeekCostsService>();

    private WeekAnnotationsService Annotations => context.Services.GetRequiredService<WeekAnnotationsService>();

    private Task<T> WithDbAsync<T>(Func<SocialKpiDbContext, Task<T>> action) => CostsTestData.WithDbAsync(context, action);

    private Task<int> DemoAsync() => CostsTestData.DemoAsync(context);

    private Task<List<Cost>> StoredCostsAsync(int workspaceId) => CostsTestData.StoredCostsAsync(context, workspaceId);

    private async Task<ClaimsPrincipal> MemberAsync(int workspaceId, WorkspaceRole role)
    {
        var id = Guid.NewGuid().ToString();
        await WithDbAsync(db =>
        {
            db.Users.Add(new ApplicationUser { Id = id, UserName = $"{id}@example.com", Email = $"{id}@example.com" });
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = id, Role = role });
            return db.SaveChangesAsync();
        });
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));
    }

    [Fact]
    public async Task Costs_of_a_week_are_categories_by_active_channels_and_no_channel()
    {
        var workspace = await DemoAsync();

        var sheet = await Costs.LoadAsync(Administrator(), workspace, Week);

        Assert.NotNull(sheet);
        Assert.Equal(WeekCosts.Categories.Count * (sheet.Channels.Count + 1), sheet.Cells.Count());
        Assert.Null(sheet.ChannelIds[^1]);
    }

    [Fact]
    public async Task Saving_costs_writes_every_change_in_one_go_in_either_locales_format()
    {
        var workspace = await DemoAsync();
        var sheet = (await Costs.LoadAsync(Administrator(), workspace, Week))!;
        var channel = sheet.Channels[0].Id;
        sheet.Edit(new CostKey(CostCategory.AdSpend, channel), "1 234,5");
        sheet.Edit(new CostKey(CostCategory.Tools, null), "49.90");

        var outcome = await Costs.SaveAsync(Administrator(), workspace, sheet);

        Assert.Equal(CostSaveOutcome.Saved, outcome);
        var stored = await StoredCostsAsync(workspace);
        Assert.Equal(new[] { 49.90m, 1234.5m }, stored.Select(c => c.Amount).Order());
        Assert.Contains(stored, c => c.ChannelId is null && c.Category == CostCategory.Tools);
        Assert.False(sheet.HasUnsavedChanges);
    }

    [Fact]
    public async Task A_negative_cost_is_flagged_and_kept_as_a_draft_while_the_valid_ones_are_saved()
    {
        var workspace = await DemoAsync();
        var sheet = (await Costs.LoadAsync(Administrator(), workspace, Week))!;
        sheet.Edit(new CostKey(CostCategory.AdSpend, null), "100");
        sheet.Edit(new CostKey(CostCategory.Tools, null), "-5");

        var outcome = await Costs.SaveAsync(Administrator(), workspace, sheet);

        Assert.Equal(CostSaveOutcome.Saved, outcome);
        var invalid = sheet[new CostKey(CostCategory.Tools, null)];
        Assert.Equal((CostProblem.Negative, "-5"), (invalid.Problem!.Value, invalid.Draft!));
        var stored = Assert.Single(await StoredCostsAsync(workspace));
        Assert.Equal((CostCategory.AdSpend, 100m), (stored.Category, stored.Amount));
    }

    [Fact]
    public async Task Unsaved_costs_come_back_after_a_refresh_until_they_are_saved()
    {
        var workspace = await DemoAsync();
        var key = new CostKey(CostCategory.AdSpend, null);
        var first = (await Costs.LoadAsync(Administrator(), workspace, Week))!;
        first.Edit(key, "1 234,56");
        await Costs.KeepDraftsAsync(Administrator(), workspace, first);

        var reopened = (await Costs.LoadAsync(Administrator(), workspace, Week))!;
        Assert.Equal(1234.56m, reopened[key].DraftValue);

        await Costs.SaveAsync(Administrator(), workspace, reopened);
        var afterSave = (await Costs.LoadAsync(Administrator(), workspace, Week))!;
        Assert.False(afterSave.HasUnsavedChanges);
        Assert.Equal(1234.56m, afterSave[key].Stored!.Value);
    }

    [Fact]
    public async Task A_cost_saved_by_someone_else_meanwhile_is_refused_with_both_amounts()
    {
        var workspace = await DemoAsync();
        var key = new CostKey(CostCategory.StaffTime, null);
        var mine = (await Costs.LoadAsync(Administrator(), workspace, Week))!;
        var theirs = (await Costs.LoadAsync(Administrator(), workspace, Week))!;
        theirs.Edit(key, "300");
        await Costs.SaveAsync(Administrator(), workspace, theirs);

        mine.Edit(key, "250");
        mine.Edit(new CostKey(CostCategory.Tools, null), "40");
        var outcome = await Costs.SaveAsync(Administrator(), workspace, mine);

        Assert.Equal(CostSaveOutcome.Conflicts, outcome);
        Assert.Equal(new SheetConflict<CostKey, decimal>(key, 250m, 300m, 1, null, null), mine[key].Conflict);
        Assert.Equal(40m, mine[new CostKey(CostCategory.Tools, null)].Stored!.Value);
        mine.KeepMine(key);
        Assert.Equal(CostSaveOutcome.Saved, await Costs.SaveAsync(Administrator(), workspace, mine));
        var stored = (await StoredCostsAsync(workspace)).Single(c => c.Category == CostCategory.StaffTime);
        Assert.Equal((250m, 2), (stored.Amount, stored.Version));
    }

    [Fact]
    public async Task A_viewer_reads_the_costs_but_may_not_save_them_nor_change_annotations()
    {
        var workspace = await DemoAsync();
        var viewer = await MemberAsync(workspace, WorkspaceRole.Viewer);
        var sheet = await Costs.LoadAsync(viewer, workspace, Week);
        Assert.NotNull(sheet);
        sheet.Edit(new CostKey(CostCategory.AdSpend, null), "10");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Costs.SaveAsync(viewer, workspace, sheet));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Annotations.AddAsync(viewer, workspace, Week.Monday, "Lancement", []));
        Assert.Empty(await StoredCostsAsync(workspace));
    }

    [Fact]
    public async Task An_annotation_is_added_in_the_week_listed_and_deleted()
    {
        var workspace = await DemoAsync();
        var editor = await MemberAsync(workspace, WorkspaceRole.Editor);
        var channel = await WithDbAsync(db => db.Channels.Where(c => c.WorkspaceId == workspace).Select(c => c.Id).FirstAsync());

        Assert.Null(await Annotations.AddAsync(editor, workspace, Week.Monday.AddDays(2), "  Lancement de la collection  ", [channel]));
        Assert.Equal(AnnotationProblem.TextRequired, await Annotations.AddAsync(editor, workspace, Week.Monday, " ", []));
        Assert.Equal(AnnotationProblem.TextTooLong, await Annotations.AddAsync(editor, workspace, Week.Monday, new string('a', 1001), []));

        var added = Assert.Single(await Annotations.ListAsync(editor, workspace, Week));
        Assert.Equal((Week.Monday.AddDays(2), "Lancement de la collection", channel), (added.Date, added.Text, added.ChannelIds.Single()));
        Assert.Empty(await Annotations.ListAsync(editor, workspace, Week.AddWeeks(1)));

        await Annotations.DeleteAsync(editor, workspace, added.Id);

        Assert.Empty(await Annotations.ListAsync(editor, workspace, Week));
    }
}
