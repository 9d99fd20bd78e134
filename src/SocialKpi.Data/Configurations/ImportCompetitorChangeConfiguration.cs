using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Importing;

namespace SocialKpi.Data.Configurations;

internal sealed class ImportCompetitorChangeConfiguration : IEntityTypeConfiguration<ImportCompetitorChange>
{
    public void Configure(EntityTypeBuilder<ImportCompetitorChange> builder)
    {
        builder.HasIndex(c => c.BatchId);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Competitor>().WithMany().HasForeignKey(c => c.CompetitorId).OnDelete(DeleteBehavior.Cascade);
    }
}
