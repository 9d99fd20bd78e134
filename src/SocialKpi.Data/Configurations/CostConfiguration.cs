using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Costs;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Configurations;

internal sealed class CostConfiguration : IEntityTypeConfiguration<Cost>
{
    public void Configure(EntityTypeBuilder<Cost> builder)
    {
        builder.Property(c => c.Amount).HasPrecision(18, 2);
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.Property(c => c.Version).IsConcurrencyToken().HasDefaultValue(1);
        builder.HasIndex(c => new { c.WorkspaceId, c.Week, c.ChannelId, c.Category }).IsUnique();
        builder.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Channel>().WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
