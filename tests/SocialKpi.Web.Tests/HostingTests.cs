using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
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
        await using var app = new SocialKpiAppFactory { Provider = StoreProvider.Sqlite };
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
    public async Task Until_an_administrator_exists_every_page_leads_to_setup()
    {
        await using var app = new SocialKpiAppFactory { BootstrapAdmin = false };
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var home = await client.GetAsync("/");
        var login = await client.GetAsync("/account/login");
        var api = await client.GetAsync("/api/v1/workspaces");
        var setup = await client.GetAsync("/setup");

        Assert.Equal("/setup", home.Headers.Location!.OriginalString);
        Assert.Equal("/setup", login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Contains("Bienvenue dans SocialKpi", WebUtility.HtmlDecode(await setup.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        await using var app = new SocialKpiAppFactory();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/objectives");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=%2Fobjectives", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var app = new SocialKpiAppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/account/login");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_bootstrap_administrator_owns_the_demo_workspace()
    {
        await using var app = new SocialKpiAppFactory();
        using var client = app.CreateClient();

        await using var scope = app.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>().CreateDbContextAsync();
        await using (db)
        {
            var admin = await db.Users.SingleAsync();
            var membership = await db.WorkspaceMembers.SingleAsync();
            Assert.Equal(SocialKpiAppFactory.AdminEmail, admin.Email);
            Assert.True(admin.IsAdministrator);
            Assert.Equal(admin.Id, membership.UserId);
            Assert.Equal(Domain.Workspaces.WorkspaceRole.Owner, membership.Role);
        }
    }

    [Fact]
    public async Task The_home_page_shows_the_demo_workspace_in_French_by_default()
    {
        await using var app = new SocialKpiAppFactory();
        using var client = await app.CreateAdminClientAsync();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        Assert.Contains("Maison Lumière", html);
        Assert.Contains("Tableau de bord", html);
        Assert.Contains("Accroître la visibilité de la marque", html);
    }

    [Fact]
    public async Task The_language_switch_stores_the_choice_and_pages_follow_it()
    {
        await using var app = new SocialKpiAppFactory();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/culture/en-US?redirectUri=/account/login");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        Assert.Contains("Sign in", html);
        Assert.DoesNotContain("Se connecter", html);
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

    [Fact]
    public void Choosing_PostgreSQL_without_a_PostgreSQL_connection_string_stops_the_start_with_what_to_set()
    {
        using var app = new SocialKpiAppFactory
        {
            Provider = StoreProvider.Sqlite,
            Settings = new Dictionary<string, string?> { ["SocialKpi:Database:Provider"] = "Postgres" },
        };

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Contains("ConnectionStrings:SocialKpi", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, StoreProvider.Sqlite)]
    [InlineData("Sqlite", StoreProvider.Sqlite)]
    [InlineData("postgres", StoreProvider.Postgres)]
    [InlineData("PostgreSQL", StoreProvider.Postgres)]
    public void The_store_is_chosen_by_name_SQLite_by_default(string? configured, StoreProvider expected) =>
        Assert.Equal(expected, SocialKpiStore.ParseProvider(configured));

    [Fact]
    public void An_unknown_store_name_is_refused_with_the_names_to_use()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SocialKpiStore.ParseProvider("mysql"));

        Assert.Contains("Sqlite", error.Message, StringComparison.Ordinal);
        Assert.Contains("Postgres", error.Message, StringComparison.Ordinal);
    }
}
