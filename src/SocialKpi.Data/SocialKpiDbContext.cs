using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data.Identity;
using SocialKpi.Domain.Annotations;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Costs;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Objectives;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data;

public class SocialKpiDbContext(DbContextOptions<SocialKpiDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<Metric> Metrics => Set<Metric>();

    public DbSet<MetricValue> MetricValues => Set<MetricValue>();

    public DbSet<MetricBusinessValue> MetricBusinessValues => Set<MetricBusinessValue>();

    public DbSet<Objective> Objectives => Set<Objective>();

    public DbSet<Kpi> Kpis => Set<Kpi>();

    public DbSet<Cost> Costs => Set<Cost>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    public DbSet<WorkspaceMember> WorkspaceMembers => Set<WorkspaceMember>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SocialKpiDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Enums are stored by name: the database stays readable and reordering an enum cannot corrupt data.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
