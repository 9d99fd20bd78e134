using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Reporting;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Reports;

/// <summary>What the Reports page edits: the settings of one report, and the template they came from if any.</summary>
public sealed class ReportForm
{
    public static IReadOnlyList<int> WeekChoices { get; } = [4, 8, 13, 26, 52];

    public IsoWeek To { get; set; }

    public int Weeks { get; set; } = ReportDefinition.DefaultWeeks;

    public ReportComparison Comparison { get; set; }

    /// <summary>The objectives chosen; empty means every active objective.</summary>
    public HashSet<int> ObjectiveIds { get; } = [];

    public ReportSections Sections { get; set; } = ReportSections.All;

    public string Language { get; set; } = SupportedLocales.French;

    public string? Commentary { get; set; }

    public int? TemplateId { get; set; }

    public int TemplateVersion { get; set; }

    public string TemplateName { get; set; } = "";

    public IsoWeek From => To.AddWeeks(-(Weeks - 1));

    public ReportDefinition ToDefinition(int workspaceId) =>
        new(workspaceId, From, To, Comparison, [.. ObjectiveIds.Order()], Sections, Language,
            string.IsNullOrWhiteSpace(Commentary) ? null : Commentary.Trim());

    public void Toggle(ReportSections section, bool on) => Sections = on ? Sections | section : Sections & ~section;

    public void Load(ReportTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        (TemplateId, TemplateVersion, TemplateName) = (template.Id, template.Version, template.Name);
        (To, Weeks, Comparison, Sections, Language, Commentary) =
            (IsoWeek.FromKey(template.ToWeek), template.Weeks, template.Comparison, template.Sections, template.Language, template.Commentary);
        ObjectiveIds.Clear();
        ObjectiveIds.UnionWith(template.ObjectiveIds);
    }
}

/// <summary>The outcome of a template action: done, or the reason in a resource key (with its arguments).</summary>
public sealed record TemplateOutcome(bool Ok, string? ErrorKey = null, params object[] Arguments);

/// <summary>
/// The Reports page's work: validating the settings, rendering through <see cref="ReportRunner"/>, and the named
/// templates (saved by editors, with a version so two people never silently overwrite each other's).
/// </summary>
public sealed class ReportsPageService(IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access, ReportRunner runner)
{
    public const int MaxTemplateNameLength = 100;

    /// <summary>The resource key of what is wrong with the settings, or null when a report can be made.</summary>
    public static string? Problem(ReportForm form, IsoWeek lastCompleteWeek)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.To > lastCompleteWeek ? "ReportErrorPeriodNotOver"
            : form.Weeks is < 1 or > 104 ? "ReportErrorWeeks"
            : form.Sections == ReportSections.None ? "ReportErrorNoSection"
            : form.Commentary?.Length > ReportDefinition.MaxCommentaryLength ? "ReportErrorCommentaryTooLong"
            : null;
    }

    public Task<byte[]> RenderAsync(int workspaceId, ReportForm form, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return runner.RenderAsync(form.ToDefinition(workspaceId), progress, cancellationToken);
    }

    /// <summary>Whether the workspace tracks at least one active rival: without one the competitor section has nothing to show.</summary>
    public async Task<bool> HasRivalsAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Competitors.AnyAsync(c => c.WorkspaceId == workspaceId && !c.IsArchived, cancellationToken);
    }

    public async Task<List<ReportTemplate>> TemplatesAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReportTemplates.AsNoTracking().Where(t => t.WorkspaceId == workspaceId).OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Saves the settings under <paramref name="name"/>: a new template, or the one loaded when the name is its own.</summary>
    public async Task<TemplateOutcome> SaveTemplateAsync(ClaimsPrincipal user, int workspaceId, ReportForm form, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await access.RoleAsync(user, workspaceId, cancellationToken) is not >= WorkspaceRole.Editor)
        {
            return new(false, "ReportErrorEditorsOnly");
        }

        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > MaxTemplateNameLength)
        {
            return new(false, "ReportErrorTemplateName", MaxTemplateNameLength);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sameName = await db.ReportTemplates.SingleOrDefaultAsync(t => t.WorkspaceId == workspaceId && t.Name == trimmed, cancellationToken);
        if (sameName is not null && sameName.Id != form.TemplateId)
        {
            return new(false, "ReportErrorTemplateExists", trimmed);
        }

        var template = sameName;
        if (template is null)
        {
            template = new ReportTemplate { WorkspaceId = workspaceId, Name = trimmed };
            db.ReportTemplates.Add(template);
        }
        else if (template.Version != form.TemplateVersion)
        {
            return new(false, "ReportErrorTemplateChanged", trimmed);
        }
        else
        {
            template.Version++;
        }

        Apply(form, template);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new(false, "ReportErrorTemplateChanged", trimmed);
        }

        (form.TemplateId, form.TemplateVersion, form.TemplateName) = (template.Id, template.Version, template.Name);
        return new(true);
    }

    public async Task<TemplateOutcome> DeleteTemplateAsync(ClaimsPrincipal user, int workspaceId, int templateId, CancellationToken cancellationToken = default)
    {
        if (await access.RoleAsync(user, workspaceId, cancellationToken) is not >= WorkspaceRole.Editor)
        {
            return new(false, "ReportErrorEditorsOnly");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ReportTemplates.Where(t => t.Id == templateId && t.WorkspaceId == workspaceId).ExecuteDeleteAsync(cancellationToken);
        return new(true);
    }

    /// <summary>
    /// Moves a template on to the period that follows the one it last covered and saves that (so the next click goes on
    /// from there); the form then holds the new period, ready to render. Refused while that period is not over.
    /// </summary>
    public async Task<TemplateOutcome> NextPeriodAsync(ClaimsPrincipal user, int workspaceId, int templateId, IsoWeek lastCompleteWeek, ReportForm form,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.ReportTemplates.SingleOrDefaultAsync(t => t.Id == templateId && t.WorkspaceId == workspaceId, cancellationToken);
        if (template is null)
        {
            return new(false, "ReportErrorTemplateGone");
        }

        var next = IsoWeek.FromKey(template.ToWeek).AddWeeks(template.Weeks);
        if (next > lastCompleteWeek)
        {
            form.Load(template);
            return new(false, "ReportErrorNextNotOver", Components.Shared.Display.Week(next), Components.Shared.Display.Date(next.Sunday));
        }

        if (await access.RoleAsync(user, workspaceId, cancellationToken) is >= WorkspaceRole.Editor)
        {
            template.ToWeek = next.Key;
            template.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }

        form.Load(template);
        form.To = next;
        return new(true);
    }

    private static void Apply(ReportForm form, ReportTemplate template)
    {
        template.ToWeek = form.To.Key;
        template.Weeks = form.Weeks;
        template.Comparison = form.Comparison;
        template.ObjectiveIds = [.. form.ObjectiveIds.Order()];
        template.Sections = form.Sections;
        template.Language = form.Language;
        template.Commentary = string.IsNullOrWhiteSpace(form.Commentary) ? null : form.Commentary.Trim();
    }
}
