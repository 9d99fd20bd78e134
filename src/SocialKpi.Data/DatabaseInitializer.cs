using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using SocialKpi.Data.Seeding;

namespace SocialKpi.Data;

/// <summary>Brings the database to the current schema on start-up, then seeds what an empty database needs.</summary>
public static partial class DatabaseInitializer
{
    /// <summary>
    /// Creates the folder of the database file (SQLite), applies pending migrations (each engine its own), switches
    /// SQLite to WAL (readers never wait for the writer), keeps the metric catalogue current and, when asked and the
    /// database holds no workspace yet, seeds the demo workspace.
    /// </summary>
    public static async Task InitializeAsync(SocialKpiDbContext db, bool seedDemo, DateOnly today, ILogger logger,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(logger);

        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            EnsureDatabaseFolder(db.Database.GetConnectionString());
        }
        else
        {
            // Npgsql finds out whether the migrations history exists by reading it and logs the failure as an error
            // (npgsql/efcore.pg#3407): created first, a fresh database's first start logs no false error.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        }

        var pending = string.Join(", ", await db.Database.GetPendingMigrationsAsync(cancellationToken));
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Length > 0)
        {
            LogMigrated(logger, pending);
        }

        if (sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var added = await MetricCatalogSeeder.EnsureStandardMetricsAsync(db, cancellationToken);
        if (added > 0)
        {
            LogCatalog(logger, added);
        }

        if (seedDemo && !await db.Workspaces.AnyAsync(cancellationToken))
        {
            var workspace = await DemoSeeder.SeedAsync(db, today, cancellationToken);
            LogDemo(logger, workspace);
        }
    }

    /// <summary>SQLite creates the file but not its folder; a fresh clone has no data folder yet.</summary>
    public static void EnsureDatabaseFolder(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migrations: {Migrations}")]
    private static partial void LogMigrated(ILogger logger, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} standard metric(s) to the catalogue")]
    private static partial void LogCatalog(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database was empty: seeded the demo workspace {Workspace}")]
    private static partial void LogDemo(ILogger logger, string workspace);
}
