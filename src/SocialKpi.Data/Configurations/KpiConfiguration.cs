using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Data.Configurations;

internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(200).IsRequired();
        builder.Property(k => k.Weight).HasPrecision(9, 4);
        builder.Property(k => k.Baseline).HasPrecision(28, 6);
        builder.Property(k => k.Target).HasPrecision(28, 6);
        builder.Property(k => k.AmberThresholdPercent).HasPrecision(9, 4);
        builder.Property(k => k.RedThresholdPercent).HasPrecision(9, 4);

        // Stored as a JSON array; EF Core translates ChannelIds.Contains(x) to json_each, so the channel
        // filter stays inside the SQL aggregation.
        builder.PrimitiveCollection(k => k.ChannelIds);

        builder.HasOne<Metric>().WithMany().HasForeignKey(k => k.MetricId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Kpis_MetricOrFormula",
            "(\"MetricId\" IS NULL) <> (\"Formula\" IS NULL)"));
    }
}
