using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Data.Drafts;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Configurations;

internal sealed class EntryDraftConfiguration : IEntityTypeConfiguration<EntryDraft>
{
    public void Configure(EntityTypeBuilder<EntryDraft> builder)
    {
        builder.HasKey(d => new { d.UserId, d.WorkspaceId, d.Sheet, d.Week });
        builder.Property(d => d.Sheet).HasMaxLength(40);
        builder.HasIndex(d => d.KeptAt);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(d => d.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
