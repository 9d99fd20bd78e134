using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Reporting;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Configurations;

internal sealed class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>
{
    public void Configure(EntityTypeBuilder<ReportTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(t => new { t.WorkspaceId, t.Name }).IsUnique();
        builder.PrimitiveCollection(t => t.ObjectiveIds);

        // A combination of flags has no single name: stored as its number.
        builder.Property(t => t.Sections).HasConversion<int>();
        builder.Property(t => t.Language).HasMaxLength(10).IsRequired();
        builder.Property(t => t.Commentary).HasMaxLength(ReportDefinition.MaxCommentaryLength);
        builder.Property(t => t.Version).IsConcurrencyToken().HasDefaultValue(1);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(t => t.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
