using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Objectives;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Configurations;

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        builder.Property(o => o.CustomCategory).HasMaxLength(100);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.Property(o => o.Owner).HasMaxLength(256);
        builder.HasIndex(o => new { o.WorkspaceId, o.IsArchived });
        builder.HasOne<Workspace>().WithMany().HasForeignKey(o => o.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Kpis).WithOne().HasForeignKey(k => k.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}
