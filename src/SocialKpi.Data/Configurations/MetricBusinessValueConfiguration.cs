using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Configurations;

internal sealed class MetricBusinessValueConfiguration : IEntityTypeConfiguration<MetricBusinessValue>
{
    public void Configure(EntityTypeBuilder<MetricBusinessValue> builder)
    {
        builder.HasKey(v => new { v.WorkspaceId, v.MetricId });
        builder.Property(v => v.ValuePerUnit).HasPrecision(18, 4);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(v => v.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Metric>().WithMany().HasForeignKey(v => v.MetricId).OnDelete(DeleteBehavior.Cascade);
    }
}
