using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Configurations;

internal sealed class MetricValueChangeConfiguration : IEntityTypeConfiguration<MetricValueChange>
{
    public void Configure(EntityTypeBuilder<MetricValueChange> builder)
    {
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        // A cell's history is read newest first by (workspace, metric, channel, week); Id orders it in time.
        builder.HasIndex(c => new { c.WorkspaceId, c.MetricId, c.ChannelId, c.Week, c.Id });
        builder.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
