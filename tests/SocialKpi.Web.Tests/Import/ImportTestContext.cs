using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialKpi.Data;
using SocialKpi.Web.Features.Import;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Tests.Import;

/// <summary>The bUnit context with the import's services over a real SQLite file holding the demo workspace.</summary>
internal static class ImportTestContext
{
    /// <summary>Not async: the culture ComponentTestContext sets must stay the test's.</summary>
    public static ComponentTestContext Start(string culture = "fr-FR", bool administrator = true)
    {
        var context = new ComponentTestContext(culture);
        context.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        context.Services.AddOptions<ImportLimits>();
        context.Services.AddScoped<ImportService>();
        context.Services.AddMetrics().AddSingleton<Observability.SocialKpiMetrics>();
        context.SignIn(administrator: administrator);
        return context;
    }

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

    public static ImportService Service(ComponentTestContext context) => context.Services.GetRequiredService<ImportService>();

    public static ClaimsPrincipal Editor(string name = "camille@example.com") => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(ClaimTypes.Name, name), new Claim(SocialKpiClaims.Administrator, "true")], "test"));

    /// <summary>A fingerprint of every stored figure and history entry: equal before and after means nothing was written.</summary>
    public static Task<string> StoreFingerprintAsync(ComponentTestContext context) => WithDbAsync(context, async db =>
    {
        var values = await db.MetricValues.CountAsync();
        var sum = await db.MetricValues.SumAsync(v => v.Value);
        var versions = await db.MetricValues.SumAsync(v => v.Version);
        var history = await db.MetricValueChanges.CountAsync();
        var batches = await db.ImportBatches.CountAsync();
        return $"{values}/{sum:R}/{versions}/{history}/{batches}";
    });

    /// <summary>Opens a file given as text (UTF-8) for the workspace, as the page does after an upload.</summary>
    public static async Task<ImportSession> OpenAsync(ComponentTestContext context, int workspace, string text, string fileName = "export.csv") =>
        await OpenAsync(context, workspace, Encoding.UTF8.GetBytes(text), fileName);

    public static async Task<ImportSession> OpenAsync(ComponentTestContext context, int workspace, byte[] bytes, string fileName = "export.csv")
    {
        await using var stream = new MemoryStream(bytes);
        return await Service(context).OpenAsync(workspace, stream, fileName);
    }
}
