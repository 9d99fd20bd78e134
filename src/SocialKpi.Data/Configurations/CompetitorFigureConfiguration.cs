using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Data.Configurations;

internal sealed class CompetitorFigureConfiguration : IEntityTypeConfiguration<CompetitorFigure>
{
    public void Configure(EntityTypeBuilder<CompetitorFigure> builder)
    {
        builder.Property(f => f.UpdatedBy).HasMaxLength(256);

        // Optimistic concurrency, as for the brand's own figures (SocialKpiDbContext increments it on every change).
        builder.Property(f => f.Version).IsConcurrencyToken().HasDefaultValue(1);

        builder.HasIndex(f => new { f.CompetitorId, f.Metric, f.Week, f.ChannelId }).IsUnique()
            .HasDatabaseName("IX_CompetitorFigures_Competitor_Metric_Week_Channel");

        // The benchmark query reads "every rival of this workspace between two weeks": a range scan that never visits
        // the table (covering index).
        builder.HasIndex(f => new { f.WorkspaceId, f.Week, f.CompetitorId, f.Metric, f.ChannelId, f.Value })
            .HasDatabaseName("IX_CompetitorFigures_Covering");

        builder.HasOne<Workspace>().WithMany().HasForeignKey(f => f.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Competitor>().WithMany().HasForeignKey(f => f.CompetitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Channel>().WithMany().HasForeignKey(f => f.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
