using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Configurations;

internal sealed class MetricValueConfiguration : IEntityTypeConfiguration<MetricValue>
{
    public void Configure(EntityTypeBuilder<MetricValue> builder)
    {
        builder.Property(v => v.UpdatedBy).HasMaxLength(256);

        // Optimistic concurrency: an update only succeeds when the row still has the version it was read with
        // (SocialKpiDbContext increments it on every change). The default covers rows inserted by raw SQL.
        builder.Property(v => v.Version).IsConcurrencyToken().HasDefaultValue(1);

        // The hot query is "these metrics of this workspace between two weeks": workspace, metric, then week
        // makes it a range scan. Value is part of the index so the scan never visits the table (covering index).
        builder.HasIndex(v => new { v.WorkspaceId, v.MetricId, v.Week, v.ChannelId }).IsUnique()
            .HasDatabaseName("IX_MetricValues_Workspace_Metric_Week_Channel");
        builder.HasIndex(v => new { v.WorkspaceId, v.MetricId, v.Week, v.ChannelId, v.Value })
            .HasDatabaseName("IX_MetricValues_Covering");

        // The history of every figure (MetricValueChanges) is written by these triggers, created in the
        // ValueHistoryTriggers migration: no path that changes a figure (EF, raw SQL, bulk import) can skip it,
        // and a week's save costs one statement per figure instead of two.
        builder.ToTable(t =>
        {
            t.HasTrigger(HistoryTriggers.AfterInsert);
            t.HasTrigger(HistoryTriggers.AfterUpdate);
            t.HasTrigger(HistoryTriggers.AfterDelete);
        });

        builder.HasOne<Workspace>().WithMany().HasForeignKey(v => v.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Channel>().WithMany().HasForeignKey(v => v.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Metric>().WithMany().HasForeignKey(v => v.MetricId).OnDelete(DeleteBehavior.Cascade);
    }
}
