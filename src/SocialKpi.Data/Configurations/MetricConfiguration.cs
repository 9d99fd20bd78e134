using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Configurations;

internal sealed class MetricConfiguration : IEntityTypeConfiguration<Metric>
{
    public void Configure(EntityTypeBuilder<Metric> builder)
    {
        builder.Property(m => m.Key).HasMaxLength(60).IsRequired();
        builder.Property(m => m.NameFr).HasMaxLength(120).IsRequired();
        builder.Property(m => m.NameEn).HasMaxLength(120).IsRequired();

        // A key is unique within a workspace's custom metrics and within the standard catalogue (WorkspaceId null);
        // SQLite treats NULLs as distinct in unique indexes, hence the filtered index for the catalogue.
        builder.HasIndex(m => new { m.WorkspaceId, m.Key }).IsUnique();
        builder.HasIndex(m => m.Key).IsUnique().HasFilter("\"WorkspaceId\" IS NULL").HasDatabaseName("IX_Metrics_StandardKey");
        builder.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
