using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Web.Features.WeeklyEntry;

namespace SocialKpi.Web.Tests.WeeklyEntry;

/// <summary>The bUnit context with the entry grid's services, the demo workspace and the ids tests need.</summary>
internal static class WeeklyEntryTestContext
{
    /// <summary>
    /// Not async on purpose: the culture ComponentTestContext sets must stay the test's, and a culture set inside an
    /// async method is undone when it returns.
    /// </summary>
    public static ComponentTestContext Start(string culture = "fr-FR")
    {
        var context = new ComponentTestContext(culture);
        context.Services.AddScoped<WeeklyEntryService>();
        context.SignIn();
        return context;
    }

    /// <summary>Seeds the demo; answers its workspace id.</summary>
    public static async Task<int> DemoAsync(ComponentTestContext context)
    {
        await context.UseDatabaseAsync(seedDemo: true);
        return await WithDbAsync(context, db => db.Workspaces.Select(w => w.Id).FirstAsync());
    }

    public static async Task<T> WithDbAsync<T>(ComponentTestContext context, Func<SocialKpiDbContext, Task<T>> action)
    {
        await using var db = await context.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>().CreateDbContextAsync();
        return await action(db);
    }

    public static WeeklyEntryService Service(ComponentTestContext context) => context.Services.GetRequiredService<WeeklyEntryService>();

    /// <summary>A week the demo seed left empty (far in the future), so every cell starts blank.</summary>
    public static IsoWeek EmptyWeek => new(2030, 10);
}
