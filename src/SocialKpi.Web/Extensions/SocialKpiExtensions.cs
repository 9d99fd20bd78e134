using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Radzen;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using SocialKpi.Data;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Api;
using SocialKpi.Web.Components.Layout;
using SocialKpi.Web.Features.Account;
using SocialKpi.Web.Features.Dashboard;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Extensions;

/// <summary>All of the app's wiring, so Program.cs reads as a table of contents.</summary>
public static class SocialKpiExtensions
{
    public const string ConnectionStringName = "SocialKpi";

    /// <summary>
    /// Serilog to the console and to a daily rolling file; levels and sinks can be overridden in "Serilog".
    /// SocialKpi:Logging:Format=json writes one compact JSON object per line (CLEF: @t, @m, @l and the properties) to
    /// both, for a log collector; the default is text for a person.
    /// </summary>
    public static WebApplicationBuilder AddSocialKpiLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logFolder = builder.Configuration["SocialKpi:LogFolder"] ?? Path.Combine(builder.Environment.ContentRootPath, "data", "logs");
        var file = Path.Combine(logFolder, "socialkpi-.log");
        var json = string.Equals(builder.Configuration["SocialKpi:Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);
        builder.Services.AddSerilog((services, logger) =>
        {
            logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (json)
            {
                var formatter = new RenderedCompactJsonFormatter();
                logger.WriteTo.Console(formatter)
                    .WriteTo.File(formatter, file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
            }
            else
            {
                logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
                    .WriteTo.File(file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, formatProvider: CultureInfo.InvariantCulture);
            }
        }, preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// EF Core on SQLite (the default) or PostgreSQL, chosen by SocialKpi:Database:Provider ("Sqlite" or "Postgres").
    /// The connection string comes from ConnectionStrings:SocialKpi (or the environment variable
    /// ConnectionStrings__SocialKpi); for SQLite a relative file path is taken from the app's folder, so the default
    /// lands in data/socialkpi.db whatever the working directory. PostgreSQL has no default: it must be given.
    /// </summary>
    public static IServiceCollection AddSocialKpiData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var provider = SocialKpiStore.ParseProvider(configuration["SocialKpi:Database:Provider"]);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        var connectionString = provider switch
        {
            // The SQLite default of appsettings.json is still there when only the provider was changed.
            StoreProvider.Postgres => string.IsNullOrWhiteSpace(configured) || configured.Contains("Data Source", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException(
                    "SocialKpi:Database:Provider is Postgres but ConnectionStrings:SocialKpi is not a PostgreSQL connection string: " +
                    "give one, e.g. \"Host=localhost;Database=socialkpi;Username=socialkpi;Password=…\".")
                : configured,
            _ => ResolveConnectionString(configured ?? "Data Source=data/socialkpi.db", environment.ContentRootPath),
        };

        services.AddDbContextFactory<SocialKpiDbContext>(options => options.Configure(provider, connectionString));
        // Reachable and migrated, not just openable: SQLite "connects" to a missing file by creating an empty one.
        services.AddHealthChecks().AddDbContextCheck<SocialKpiDbContext>("database",
            customTestQuery: async (db, cancellationToken) => (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any());
        // Every instance signs cookies and antiforgery tokens with the same keys, kept in the shared database, under one
        // application name (by default it would be the content root path, which differs between machines).
        services.AddDataProtection()
            .SetApplicationName("SocialKpi")
            .PersistKeysToDbContext<SocialKpiDbContext>();
        return services;
    }

    internal static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:"
            && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal) && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        return builder.ToString();
    }

    public static IServiceCollection AddSocialKpiWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedLocales.All.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(SupportedLocales.French);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSocialKpiAuthentication();
        services.AddSocialKpiApi();
        services.AddScoped<WorkspaceSelection>();
        services.AddScoped<DashboardService>();
        services.AddScoped<ObjectivePageService>();
        services.AddScoped<ChannelPageService>();
        services.AddScoped<Features.MissingFigures.MissingFiguresService>();
        services.AddScoped<Features.Admin.UsersAdminService>();
        services.AddScoped<Features.Settings.WorkspaceSettingsService>();
        services.AddScoped<Features.Objectives.ObjectiveEditorService>();
        services.AddScoped<Features.Settings.ChannelsAndMetricsService>();
        services.AddSingleton(typeof(Components.Sheets.SheetDrafts<>));
        services.AddScoped<Features.WeeklyEntry.WeeklyEntryService>();
        services.AddScoped<Features.WeeklyEntry.RivalEntryService>();
        services.AddScoped<Features.Costs.WeekCostsService>();
        services.AddScoped<Features.Annotations.WeekAnnotationsService>();
        services.AddScoped<Features.SocialProof.SocialProofService>();
        services.AddScoped<Features.Settings.CompetitorsService>();
        services.AddSingleton<Features.Reports.ReportBuilder>();
        services.AddSingleton<Features.Reports.ReportRunner>();
        services.AddScoped<Features.Reports.DataExports>();
        services.AddScoped<Features.Reports.ReportsPageService>();
        services.AddScoped<Features.Reports.WorkspaceLogos>();
        services.AddOptions<Features.Import.ImportLimits>().BindConfiguration("SocialKpi:Import");
        services.AddScoped<Features.Import.ImportService>();
        services.AddSingleton<Observability.SocialKpiMetrics>();
        return services;
    }

    /// <summary>Migrates the database and seeds the demo workspace when it is empty and seeding is on.</summary>
    public static async Task InitializeSocialKpiDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var seedDemo = app.Configuration.GetValue("SocialKpi:SeedDemoData", true);
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetLocalNow().Date);
        await DatabaseInitializer.InitializeAsync(db, seedDemo, today, app.Logger);

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountService>().BootstrapAsync(app.Configuration);
    }

    /// <summary>The middleware in the order it must run; see the comments for the reasons.</summary>
    public static WebApplication UseSocialKpiPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSocialKpiSecurityHeaders();
        // Logs method, path (never the query string, which may carry a secret) and status, once per request.
        // The app's own logger (registered by AddSerilog with preserveStaticLogger), never the static Log.Logger: in one
        // process hosting several apps (the tests) the static one is whichever app started last, and lines went to its files.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetService<Serilog.ILogger>());
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseSocialKpiApiErrors();
        app.UseRequestLocalization();
        app.UseFirstRunRedirect();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapSocialKpiEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();

        // The language switcher: stores the choice in the standard culture cookie, then goes back.
        app.MapGet("/culture/{culture}", (string culture, string? redirectUri, HttpContext context) =>
        {
            if (!SupportedLocales.All.Contains(culture))
            {
                return Results.BadRequest($"Unsupported language '{culture}'. Use one of: {string.Join(", ", SupportedLocales.All)}.");
            }

            CultureCookie.Write(context, culture);
            return Results.LocalRedirect(LocalUrl.OrHome(redirectUri));
        }).AllowAnonymous();
        // The theme switch without script (sign-in page, script blocked): stores the choice, then goes back.
        app.MapGet("/theme/{choice}", (string choice, string? redirectUri, HttpContext context) =>
        {
            if (ThemeCookie.Parse(choice) is not { } theme)
            {
                return Results.BadRequest($"Unknown theme '{choice}'. Use one of: system, light, dark.");
            }

            ThemeCookie.Write(context, theme);
            return Results.LocalRedirect(LocalUrl.OrHome(redirectUri));
        }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapSocialKpiApi();
        return app;
    }
}
