using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Importing;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Configurations;

internal sealed class ImportPresetConfiguration : IEntityTypeConfiguration<ImportPreset>
{
    public void Configure(EntityTypeBuilder<ImportPreset> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.SavedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.WorkspaceId, p.Name }).IsUnique();
        builder.HasOne<Workspace>().WithMany().HasForeignKey(p => p.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
