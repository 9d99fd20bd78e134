using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Data.Identity;
using SocialKpi.Web.Features.WeeklyEntry;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Tests;

/// <summary>
/// Two instances of the app on one database, as behind a load balancer (docs/deploy.md): whatever one instance
/// issued or kept, the other one honours.
/// </summary>
public sealed partial class ScaleOutTests
{
    /// <summary>Instance A creates and migrates the database; B is a second process pointed at the same file.</summary>
    private static (SocialKpiAppFactory A, SocialKpiAppFactory B) TwoInstances()
    {
        var a = new SocialKpiAppFactory();
        _ = a.Services;
        var b = new SocialKpiAppFactory { Settings = new Dictionary<string, string?> { ["ConnectionStrings:SocialKpi"] = $"Data Source={a.DatabasePath}" } };
        return (a, b);
    }

    [Fact]
    public async Task A_sign_in_form_served_by_one_instance_is_accepted_by_another_whose_cookie_the_first_honours()
    {
        var (a, b) = TwoInstances();
        await using var first = a;
        await using var second = b;
        var cookies = new CookieContainer();
        using var throughA = a.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var throughB = b.CreateDefaultClient(new CookieContainerHandler(cookies));

        var form = await throughA.GetStringAsync("/account/login");
        using var submit = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Input.Email"] = SocialKpiAppFactory.AdminEmail,
            ["Input.Password"] = SocialKpiAppFactory.AdminPassword,
        });
        using var signIn = await throughB.PostAsync("/account/login", submit);
        using var page = await throughA.GetAsync("/objectives");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Maison Lumière", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));

        // Both read one key ring, and it lives in the shared database, not in either machine's folder.
        await using var db = await a.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>().CreateDbContextAsync();
        var stored = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();
        static string[] KeysOf(SocialKpiAppFactory app) =>
            [.. app.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => $"key-{k.KeyId}").Order()];
        Assert.NotEmpty(stored);
        Assert.Equal(stored.Order(), KeysOf(a));
        Assert.Equal(KeysOf(a), KeysOf(b));
    }

    [Fact]
    public async Task Cells_typed_through_one_instance_are_restored_by_another_after_a_refresh()
    {
        var (a, b) = TwoInstances();
        await using var first = a;
        await using var second = b;
        var user = await AdministratorAsync(a);
        var workspace = await WithDbAsync(a, db => db.Workspaces.Select(w => w.Id).SingleAsync());
        var week = new Domain.Calendar.IsoWeek(2030, 10);

        await using (var scope = a.Services.CreateAsyncScope())
        {
            var entry = scope.ServiceProvider.GetRequiredService<WeeklyEntryService>();
            var sheet = await entry.LoadAsync(user, workspace, week);
            sheet.Edit(sheet.At(0, 0).Key, "42");
            sheet.Edit(sheet.At(1, 0).Key, "abc");
            await entry.KeepDraftsAsync(user, workspace, sheet);
        }

        await using (var scope = b.Services.CreateAsyncScope())
        {
            var reopened = await scope.ServiceProvider.GetRequiredService<WeeklyEntryService>().LoadAsync(user, workspace, week);
            Assert.Equal(42, reopened.At(0, 0).DraftValue);
            Assert.Equal("abc", reopened.At(1, 0).Draft);
            Assert.False(reopened.At(1, 0).IsValid);
        }
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_cannot_be_opened()
    {
        await using var app = new SocialKpiAppFactory { SeedDemoData = false };
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        SqliteConnection.ClearAllPools();
        File.Move(app.DatabasePath, app.DatabasePath + ".moved");
        Directory.CreateDirectory(app.DatabasePath);

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_file_is_there_but_empty()
    {
        await using var app = new SocialKpiAppFactory { SeedDemoData = false };
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(app.DatabasePath)!, "app.db*"))
        {
            File.Delete(file);
        }

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private static async Task<ClaimsPrincipal> AdministratorAsync(SocialKpiAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(SocialKpiAppFactory.AdminEmail);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, admin!.Id), new Claim(SocialKpiClaims.Administrator, "true")], "test"));
    }

    private static async Task<T> WithDbAsync<T>(SocialKpiAppFactory app, Func<SocialKpiDbContext, Task<T>> action)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>().CreateDbContextAsync();
        return await action(db);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
