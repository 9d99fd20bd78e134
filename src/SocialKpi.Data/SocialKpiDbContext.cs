using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data.Drafts;
using SocialKpi.Data.Identity;
using SocialKpi.Domain.Annotations;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Costs;
using SocialKpi.Domain.Importing;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Objectives;
using SocialKpi.Domain.Reporting;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data;

public class SocialKpiDbContext(DbContextOptions<SocialKpiDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<Metric> Metrics => Set<Metric>();

    public DbSet<MetricValue> MetricValues => Set<MetricValue>();

    public DbSet<MetricBusinessValue> MetricBusinessValues => Set<MetricBusinessValue>();

    public DbSet<MetricValueChange> MetricValueChanges => Set<MetricValueChange>();

    public DbSet<Objective> Objectives => Set<Objective>();

    public DbSet<Kpi> Kpis => Set<Kpi>();

    public DbSet<Cost> Costs => Set<Cost>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    public DbSet<Competitor> Competitors => Set<Competitor>();

    public DbSet<CompetitorAccount> CompetitorAccounts => Set<CompetitorAccount>();

    public DbSet<CompetitorFigure> CompetitorFigures => Set<CompetitorFigure>();

    public DbSet<WorkspaceMember> WorkspaceMembers => Set<WorkspaceMember>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<ReportTemplate> ReportTemplates => Set<ReportTemplate>();

    public DbSet<WorkspaceLogo> WorkspaceLogos => Set<WorkspaceLogo>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<ImportPreset> ImportPresets => Set<ImportPreset>();

    public DbSet<ImportCompetitorChange> ImportCompetitorChanges => Set<ImportCompetitorChange>();

    public DbSet<EntryDraft> EntryDrafts => Set<EntryDraft>();

    /// <summary>The keys that sign cookies and antiforgery tokens, shared by every instance of the app (see docs/deploy.md).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SocialKpiDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        IncrementVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        IncrementVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every change to a weekly value, a cost, a competitor or one of its figures gets the next version, whoever writes it
    /// (API, entry grid, import), so a writer holding an older version is refused rather than silently overwriting the change.
    /// </summary>
    private void IncrementVersions()
    {
        IncrementVersions<MetricValue>(v => v.Version);
        IncrementVersions<Cost>(c => c.Version);
        IncrementVersions<Competitor>(c => c.Version);
        IncrementVersions<CompetitorFigure>(f => f.Version);
    }

    private void IncrementVersions<TEntity>(Expression<Func<TEntity, int>> versionProperty)
        where TEntity : class
    {
        foreach (var entry in ChangeTracker.Entries<TEntity>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(versionProperty);
            if (!version.IsModified)
            {
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Enums are stored by name: the database stays readable and reordering an enum cannot corrupt data.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
