using Microsoft.EntityFrameworkCore.Design;

namespace SocialKpi.Data.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add … --project src/SocialKpi.Data.Postgres --startup-project src/SocialKpi.Data.Postgres`
/// build the context on PostgreSQL. Writing a migration needs no server; `dotnet ef database update` uses
/// SOCIALKPI_POSTGRES when set.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SocialKpiDbContext>
{
    public SocialKpiDbContext CreateDbContext(string[] args) => new(SocialKpiStore.Options(
        StoreProvider.Postgres,
        Environment.GetEnvironmentVariable("SOCIALKPI_POSTGRES") ?? "Host=localhost;Database=socialkpi;Username=socialkpi"));
}
