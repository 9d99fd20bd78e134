using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Importing;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Configurations;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.Property(b => b.FileName).HasMaxLength(260);
        builder.Property(b => b.ImportedBy).HasMaxLength(256);
        builder.Property(b => b.UndoneBy).HasMaxLength(256);
        builder.HasIndex(b => new { b.WorkspaceId, b.Id });
        builder.HasOne<Workspace>().WithMany().HasForeignKey(b => b.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
