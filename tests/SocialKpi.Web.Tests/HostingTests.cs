using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Web.Extensions;

namespace SocialKpi.Web.Tests;

public class HostingTests
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        await using var app = new SocialKpiAppFactory { SeedDemoData = false };
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task First_start_creates_migrates_and_seeds_the_configured_database_file()
    {
        await using var app = new SocialKpiAppFactory();
        using var client = app.CreateClient();

        await using var scope = app.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>().CreateDbContextAsync();
        await using (db)
        {
            Assert.True(File.Exists(app.DatabasePath));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal("Maison Lumière", (await db.Workspaces.SingleAsync()).Name);
        }
    }

    [Fact]
    public async Task The_home_page_shows_the_demo_workspace_in_French_by_default()
    {
        await using var app = new SocialKpiAppFactory();
        using var client = app.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        Assert.Contains("Maison Lumière", html);
        Assert.Contains("Tableau de bord", html);
        Assert.Contains("Accroître la visibilité de la marque", html);
    }

    [Fact]
    public async Task The_language_switch_stores_the_choice_and_pages_follow_it()
    {
        await using var app = new SocialKpiAppFactory();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });

        var response = await client.GetAsync("/culture/en-US?redirectUri=/objectives");
        var html = await client.GetStringAsync("/");

        Assert.Equal("/objectives", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Dashboard", html);
        Assert.DoesNotContain("Tableau de bord", html);
    }

    [Theory]
    [InlineData("/culture/de-DE")]
    [InlineData("/culture/xx")]
    public async Task An_unsupported_language_is_refused_with_a_clear_message(string url)
    {
        await using var app = new SocialKpiAppFactory { SeedDemoData = false };
        using var client = app.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("fr-FR, en-US", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_language_switch_never_redirects_to_another_site()
    {
        await using var app = new SocialKpiAppFactory { SeedDemoData = false };
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/culture/fr-FR?redirectUri=//evil.example/");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("Data Source=data/socialkpi.db", "/app/data/socialkpi.db")]
    [InlineData("Data Source=/var/lib/socialkpi/app.db", "/var/lib/socialkpi/app.db")]
    public void A_relative_database_path_is_taken_from_the_app_folder(string configured, string expectedPath)
    {
        var resolved = SocialKpiExtensions.ResolveConnectionString(configured, "/app");

        Assert.Equal(expectedPath, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(resolved).DataSource);
    }
}
