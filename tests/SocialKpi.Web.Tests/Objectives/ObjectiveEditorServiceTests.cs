using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Data.Identity;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Objectives;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Objectives;
using SocialKpi.Web.Features.Settings;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Tests.Objectives;

/// <summary>The objectives and settings services on a real SQLite file with the demo workspace.</summary>
public sealed class ObjectiveEditorServiceTests : IAsyncLifetime, IDisposable
{
    private readonly ComponentTestContext context = new();
    private IDbContextFactory<SocialKpiDbContext> factory = default!;
    private ObjectiveEditorService editor = default!;
    private ChannelsAndMetricsService sources = default!;
    private int workspaceId;

    public async Task InitializeAsync()
    {
        await context.UseDatabaseAsync(seedDemo: true);
        factory = context.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>();
        var access = context.Services.GetRequiredService<WorkspaceAccess>();
        editor = new ObjectiveEditorService(factory, access, TimeProvider.System);
        sources = new ChannelsAndMetricsService(factory, access);
        await using var db = await factory.CreateDbContextAsync();
        workspaceId = await db.Workspaces.Select(w => w.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => context.Dispose();

    private async Task<ClaimsPrincipal> MemberAsync(WorkspaceRole role)
    {
        var id = Guid.NewGuid().ToString();
        await using var db = await factory.CreateDbContextAsync();
        db.Users.Add(new ApplicationUser { Id = id, UserName = $"{id}@example.com", Email = $"{id}@example.com" });
        db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = id, Role = role });
        await db.SaveChangesAsync();
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));
    }

    private static ObjectiveDraft Draft(string name = "Faire parler de nous") => new()
    {
        Name = name,
        Category = ObjectiveCategory.Notoriete,
        StartDate = new DateOnly(2026, 1, 5),
        EndDate = new DateOnly(2026, 6, 28),
    };

    private async Task<int> ObjectiveCountAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Objectives.CountAsync();
    }

    [Fact]
    public async Task An_editor_creates_an_objective_with_its_kept_suggestions_in_one_go()
    {
        var user = await MemberAsync(WorkspaceRole.Editor);
        var kpis = KpiSuggestions.For(ObjectiveCategory.Notoriete).Select(s => new SuggestedKpi(s, "fr-FR") { Target = 100 }).ToList();
        kpis[1].Accepted = false;

        var errors = await editor.SaveObjectiveAsync(user, workspaceId, null, Draft(), kpis.Where(k => k.Accepted).Select(k => k.ToDraft()).ToList());

        Assert.Empty(errors);
        await using var db = await factory.CreateDbContextAsync();
        var saved = await db.Objectives.Include(o => o.Kpis).SingleAsync(o => o.Name == "Faire parler de nous");
        Assert.Equal(["Abonnés (fin de semaine)", "Mentions"], saved.Kpis.Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_viewer_is_refused_and_nothing_is_written()
    {
        var user = await MemberAsync(WorkspaceRole.Viewer);
        var before = await ObjectiveCountAsync();

        var errors = await editor.SaveObjectiveAsync(user, workspaceId, null, Draft());
        var channel = await sources.SaveChannelAsync(user, workspaceId, null, new ChannelDraft { Name = "Threads", Kind = Domain.Channels.ChannelKind.Custom });

        Assert.Equal("RuleEditorsOnly", Assert.Single(errors).MessageKey);
        Assert.Equal("RuleEditorsOnly", Assert.Single(channel).MessageKey);
        Assert.Equal(before, await ObjectiveCountAsync());
        Assert.False(await editor.CanEditAsync(user, workspaceId));
    }

    [Fact]
    public async Task A_suggested_KPI_without_target_keeps_the_whole_objective_from_being_saved()
    {
        var user = await MemberAsync(WorkspaceRole.Editor);
        var before = await ObjectiveCountAsync();
        var kpis = KpiSuggestions.For(ObjectiveCategory.Notoriete).Select(s => new SuggestedKpi(s, "fr-FR").ToDraft()).ToList();

        var errors = await editor.SaveObjectiveAsync(user, workspaceId, null, Draft(), kpis);

        Assert.Equal(["kpis[0].target", "kpis[1].target", "kpis[2].target"], errors.Select(e => e.Field));
        Assert.Equal(before, await ObjectiveCountAsync());
    }

    [Fact]
    public async Task The_preview_draws_the_trajectory_from_baseline_to_target_and_computes_the_current_value()
    {
        await using var db = await factory.CreateDbContextAsync();
        var objective = await db.Objectives.AsNoTracking().OrderBy(o => o.Id).FirstAsync(o => o.WorkspaceId == workspaceId);

        var preview = await editor.PreviewAsync(workspaceId, new KpiDraft
        {
            ObjectiveId = objective.Id, Name = "Portée", MetricKey = "reach", Baseline = 0, Target = 1000,
        });

        Assert.NotNull(preview);
        // Values are at the end of each week: the first is one week along the line, the last is the target.
        Assert.InRange(preview.Trajectory[0].Value, 0m, 50m);
        Assert.Equal(1000m, preview.Trajectory[^1].Value);
        Assert.NotNull(preview.Current);
    }

    [Fact]
    public async Task An_editor_values_a_metric_and_may_not_add_a_custom_metric_under_a_standard_key()
    {
        var user = await MemberAsync(WorkspaceRole.Editor);
        var leads = (await sources.MetricsAsync(workspaceId)).Single(m => m.Metric.Key == StandardMetrics.Leads);

        var valued = await sources.SetValuePerUnitAsync(user, workspaceId, leads.Metric.Id, 40m);
        var clash = await sources.AddMetricAsync(user, workspaceId, new MetricDraft { Key = "reach", NameFr = "Portée", NameEn = "Reach", Unit = MetricUnit.Count });

        Assert.Empty(valued);
        Assert.Equal(40m, (await sources.MetricsAsync(workspaceId)).Single(m => m.Metric.Key == StandardMetrics.Leads).ValuePerUnit);
        Assert.Equal("RuleMetricKeyStandard", Assert.Single(clash).MessageKey);
    }

    [Fact]
    public async Task Archived_objectives_and_kpis_are_listed_and_an_editor_restores_them()
    {
        var editorUser = await MemberAsync(WorkspaceRole.Editor);
        int objectiveWithKpis, archivedObjective, kpiId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var objectives = await db.Objectives.Include(o => o.Kpis).Where(o => o.WorkspaceId == workspaceId).OrderBy(o => o.Id).ToListAsync();
            objectiveWithKpis = objectives.First(o => o.Kpis.Count > 1).Id;
            archivedObjective = objectives.First(o => o.Id != objectiveWithKpis).Id;
            kpiId = objectives.Single(o => o.Id == objectiveWithKpis).Kpis[0].Id;
        }

        await editor.ArchiveObjectiveAsync(editorUser, workspaceId, archivedObjective);
        await editor.ArchiveKpiAsync(editorUser, workspaceId, kpiId);

        var archived = await editor.ArchivedAsync(await MemberAsync(WorkspaceRole.Viewer), workspaceId);
        Assert.Equal(archivedObjective, Assert.Single(archived.Objectives).Id);
        Assert.Equal((kpiId, objectiveWithKpis), (Assert.Single(archived.Kpis).Id, archived.Kpis[0].ObjectiveId));

        Assert.Empty(await editor.RestoreObjectiveAsync(editorUser, workspaceId, archivedObjective));
        Assert.Empty(await editor.RestoreKpiAsync(editorUser, workspaceId, kpiId));

        Assert.Equal(0, (await editor.ArchivedAsync(editorUser, workspaceId)).Count);
        await using var after = await factory.CreateDbContextAsync();
        Assert.False(await after.Objectives.AnyAsync(o => o.IsArchived) || await after.Kpis.AnyAsync(k => k.IsArchived));
    }

    [Fact]
    public async Task A_viewer_sees_what_is_archived_but_may_not_restore_it()
    {
        var editorUser = await MemberAsync(WorkspaceRole.Editor);
        var viewer = await MemberAsync(WorkspaceRole.Viewer);
        int objectiveId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            objectiveId = await db.Objectives.Where(o => o.WorkspaceId == workspaceId).Select(o => o.Id).FirstAsync();
        }

        await editor.ArchiveObjectiveAsync(editorUser, workspaceId, objectiveId);

        Assert.Single((await editor.ArchivedAsync(viewer, workspaceId)).Objectives);
        Assert.Equal("RuleEditorsOnly", Assert.Single(await editor.RestoreObjectiveAsync(viewer, workspaceId, objectiveId)).MessageKey);
        Assert.Single((await editor.ArchivedAsync(viewer, workspaceId)).Objectives);
    }

    [Fact]
    public async Task A_custom_metric_is_renamed_and_deleted_while_unused_and_kept_once_figures_use_it()
    {
        var user = await MemberAsync(WorkspaceRole.Editor);
        static MetricDraft Draft(string nameFr, MetricUnit unit) => new() { Key = "store_visits", NameFr = nameFr, NameEn = "Store visits", Unit = unit };
        Assert.Empty(await sources.AddMetricAsync(user, workspaceId, Draft("Visites", MetricUnit.Count)));
        var metric = (await sources.MetricsAsync(workspaceId)).Single(m => m.Metric.Key == "store_visits").Metric;

        Assert.Empty(await sources.UpdateMetricAsync(user, workspaceId, metric.Id, Draft("Visites en boutique", MetricUnit.Duration)));
        var renamed = (await sources.MetricsAsync(workspaceId)).Single(m => m.Metric.Id == metric.Id).Metric;
        Assert.Equal(("Visites en boutique", MetricUnit.Duration, "store_visits"), (renamed.NameFr, renamed.Unit, renamed.Key));

        await using (var db = await factory.CreateDbContextAsync())
        {
            var channel = await db.Channels.Where(c => c.WorkspaceId == workspaceId).Select(c => c.Id).FirstAsync();
            db.MetricValues.Add(new MetricValue { WorkspaceId = workspaceId, ChannelId = channel, MetricId = metric.Id, Week = 203010, Value = 12, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var unitChange = await sources.UpdateMetricAsync(user, workspaceId, metric.Id, Draft("Visites en boutique", MetricUnit.Count));
        var deletion = await sources.DeleteMetricAsync(user, workspaceId, metric.Id);

        Assert.Equal("RuleMetricUnitInUse", Assert.Single(unitChange).MessageKey);
        Assert.Equal(("RuleMetricInUse", 1, 0), (Assert.Single(deletion).MessageKey, (int)deletion[0].Arguments[1], (int)deletion[0].Arguments[2]));
        Assert.Contains(await sources.MetricsAsync(workspaceId), m => m.Metric.Id == metric.Id);

        Assert.Empty(await sources.AddMetricAsync(user, workspaceId, new MetricDraft { Key = "typo", NameFr = "Typo", NameEn = "Typo", Unit = MetricUnit.Count }));
        var typo = (await sources.MetricsAsync(workspaceId)).Single(m => m.Metric.Key == "typo").Metric;
        Assert.Empty(await sources.DeleteMetricAsync(user, workspaceId, typo.Id));
        Assert.DoesNotContain(await sources.MetricsAsync(workspaceId), m => m.Metric.Key == "typo");
    }

    [Fact]
    public async Task A_standard_metric_can_be_neither_changed_nor_deleted_from_a_workspace()
    {
        var user = await MemberAsync(WorkspaceRole.Owner);
        var reach = (await sources.MetricsAsync(workspaceId)).Single(m => m.Metric.Key == StandardMetrics.Reach).Metric;

        Assert.Equal("RuleMetricUnknown", Assert.Single(await sources.DeleteMetricAsync(user, workspaceId, reach.Id)).MessageKey);
        Assert.Equal("RuleMetricUnknown", Assert.Single(await sources.UpdateMetricAsync(user, workspaceId, reach.Id,
            new MetricDraft { NameFr = "x", NameEn = "x", Unit = MetricUnit.Count })).MessageKey);
    }

    [Fact]
    public async Task Moving_a_channel_up_changes_the_order_every_list_shows()
    {
        var user = await MemberAsync(WorkspaceRole.Editor);
        var before = (await sources.ChannelsAsync(workspaceId)).Select(c => c.Name).ToList();

        Assert.Empty(await sources.MoveChannelAsync(user, workspaceId, (await sources.ChannelsAsync(workspaceId))[1].Id, -1));
        Assert.Empty(await sources.MoveChannelAsync(user, workspaceId, (await sources.ChannelsAsync(workspaceId))[0].Id, -1));
        var viewerMove = await sources.MoveChannelAsync(await MemberAsync(WorkspaceRole.Viewer), workspaceId, (await sources.ChannelsAsync(workspaceId))[0].Id, 1);

        var after = (await sources.ChannelsAsync(workspaceId)).Select(c => c.Name).ToList();
        Assert.Equal([before[1], before[0], .. before.Skip(2)], after);
        Assert.Equal("RuleEditorsOnly", Assert.Single(viewerMove).MessageKey);
    }
}
