using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Costs;
using SocialKpi.Web.Security;
using SocialKpi.Web.Tests.WeeklyEntry;

namespace SocialKpi.Web.Tests.Costs;

/// <summary>The demo workspace, an empty week and the costs stored in it, for the costs tests.</summary>
internal static class CostsTestData
{
    /// <summary>A week the demo seed leaves empty.</summary>
    public static readonly IsoWeek Week = new(2030, 10);

    public static ClaimsPrincipal Administrator() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(SocialKpiClaims.Administrator, "true")], "test"));

    /// <summary>Seeds the demo; answers its workspace id.</summary>
    public static Task<int> DemoAsync(ComponentTestContext context) => WeeklyEntryTestContext.DemoAsync(context);

    public static Task<T> WithDbAsync<T>(ComponentTestContext context, Func<SocialKpiDbContext, Task<T>> action) =>
        WeeklyEntryTestContext.WithDbAsync(context, action);

    public static Task<List<Cost>> StoredCostsAsync(ComponentTestContext context, int workspaceId) =>
        WithDbAsync(context, db => db.Costs.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && c.Week == Week.Key).ToListAsync());
}
