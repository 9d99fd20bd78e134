using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Competitors;

namespace SocialKpi.Data.Configurations;

internal sealed class CompetitorAccountConfiguration : IEntityTypeConfiguration<CompetitorAccount>
{
    public void Configure(EntityTypeBuilder<CompetitorAccount> builder)
    {
        builder.Property(a => a.Handle).HasMaxLength(300).IsRequired();
        builder.HasIndex(a => new { a.CompetitorId, a.ChannelId }).IsUnique();
        builder.HasOne<Channel>().WithMany().HasForeignKey(a => a.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
