using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Reporting;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Configurations;

internal sealed class WorkspaceLogoConfiguration : IEntityTypeConfiguration<WorkspaceLogo>
{
    public void Configure(EntityTypeBuilder<WorkspaceLogo> builder)
    {
        builder.HasKey(l => l.WorkspaceId);
        builder.Property(l => l.ContentType).HasMaxLength(20).IsRequired();
        builder.HasOne<Workspace>().WithOne().HasForeignKey<WorkspaceLogo>(l => l.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
