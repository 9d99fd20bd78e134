using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Data.Identity;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Objectives;

namespace SocialKpi.Web.Tests.Objectives;

public sealed class ArchivedListTests : IDisposable
{
    private readonly ComponentTestContext context = new("fr-FR");

    public ArchivedListTests()
    {
        context.Services.AddScoped<ObjectiveEditorService>();
        context.SignIn("member-1", administrator: false);
    }

    public void Dispose() => context.Dispose();

    /// <summary>The demo with its first objective archived; answers the workspace and the objective.</summary>
    private async Task<(int Workspace, int Objective, string Name)> DemoWithAnArchivedObjectiveAsync(WorkspaceRole role)
    {
        await context.UseDatabaseAsync(seedDemo: true);
        await using var db = await context.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>().CreateDbContextAsync();
        var objective = await db.Objectives.OrderBy(o => o.Id).FirstAsync();
        objective.IsArchived = true;
        db.Users.Add(new ApplicationUser { Id = "member-1", UserName = "member@example.com", Email = "member@example.com" });
        db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = objective.WorkspaceId, UserId = "member-1", Role = role });
        await db.SaveChangesAsync();
        return (objective.WorkspaceId, objective.Id, objective.Name);
    }

    [Fact]
    public async Task A_viewer_opens_the_archives_and_reads_them_without_restore_buttons()
    {
        var (workspace, objective, name) = await DemoWithAnArchivedObjectiveAsync(WorkspaceRole.Viewer);

        var list = context.Render<ArchivedList>(p => p.Add(l => l.WorkspaceId, workspace).Add(l => l.CanRestore, false));
        list.WaitForElement(".archived-toggle", TimeSpan.FromSeconds(10)).Click();

        Assert.Contains("Masquer les archives (1)", list.Find(".archived-toggle").TextContent);
        Assert.Contains(name, list.Find($"[data-archived-objective='{objective}']").TextContent);
        Assert.Empty(list.FindAll("[data-action^=restore]"));
    }

    [Fact]
    public async Task An_editor_restores_an_archived_objective_and_the_page_is_told()
    {
        var (workspace, objective, name) = await DemoWithAnArchivedObjectiveAsync(WorkspaceRole.Editor);
        string? told = null;

        var list = context.Render<ArchivedList>(p => p.Add(l => l.WorkspaceId, workspace).Add(l => l.CanRestore, true).Add(l => l.Open, true)
            .Add(l => l.OnRestored, message => told = message));
        list.WaitForElement($"[data-archived-objective='{objective}'] [data-action=restore-objective]", TimeSpan.FromSeconds(10)).Click();

        list.WaitForAssertion(() => Assert.Equal($"« {name} » est de nouveau actif.", told), TimeSpan.FromSeconds(10));
        Assert.Empty(list.FindAll("[data-archived-objective]"));
        await using var db = await context.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Objectives.Where(o => o.Id == objective).Select(o => o.IsArchived).SingleAsync());
    }
}
