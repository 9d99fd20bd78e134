using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Data.Seeding;

/// <summary>Keeps the standard metric catalogue in the database, adding what a new version of the app brings.</summary>
public static class MetricCatalogSeeder
{
    public static async Task<int> EnsureStandardMetricsAsync(SocialKpiDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Metrics.Where(m => m.WorkspaceId == null).Select(m => m.Key).ToListAsync(cancellationToken);
        var missing = StandardMetrics.All.Where(m => !existing.Contains(m.Key)).Select(m => m.ToMetric()).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        db.Metrics.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
