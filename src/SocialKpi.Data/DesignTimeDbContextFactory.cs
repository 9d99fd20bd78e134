using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SocialKpi.Data;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SocialKpiDbContext>
{
    public SocialKpiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SocialKpiDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
