using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace SocialKpi.Data;

/// <summary>The database engines the app runs on; chosen by SocialKpi:Database:Provider.</summary>
public enum StoreProvider
{
    /// <summary>One file next to the app: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for several instances of the app or a database run by someone else.</summary>
    Postgres,
}

/// <summary>Points a context at the chosen engine, with that engine's own migrations.</summary>
public static class SocialKpiStore
{
    /// <summary>
    /// The PostgreSQL migrations live in their own assembly: one context and one model, but each engine gets migrations
    /// written in its own SQL, so neither set has to be hand-edited for the other.
    /// </summary>
    public const string PostgresMigrationsAssembly = "SocialKpi.Data.Postgres";

    /// <summary>Reads "Sqlite" or "Postgres" (any case; empty means SQLite).</summary>
    public static StoreProvider ParseProvider(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => StoreProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => StoreProvider.Postgres,
        _ => throw new InvalidOperationException(
            $"Unknown SocialKpi:Database:Provider '{value}': use Sqlite (the default) or Postgres."),
    };

    public static DbContextOptionsBuilder Configure(this DbContextOptionsBuilder options, StoreProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return provider switch
        {
            StoreProvider.Postgres => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => options.UseSqlite(connectionString),
        };
    }

    public static DbContextOptions<SocialKpiDbContext> Options(StoreProvider provider, string connectionString) =>
        ((DbContextOptionsBuilder<SocialKpiDbContext>)new DbContextOptionsBuilder<SocialKpiDbContext>().Configure(provider, connectionString)).Options;
}

/// <summary>The transaction every figure-writing save runs in, with the same guarantee on both engines.</summary>
public static class WriteTransactions
{
    // Any fixed number: it names the app's one write lock among the server's advisory locks.
    private const long PostgresWriteLock = 0x536F_6369_616C_4B70;

    /// <summary>
    /// Begins a transaction that holds the database's write lock before it reads, so nobody writes between a save's
    /// version checks and its writes. SQLite's BEGIN IMMEDIATE takes it; on PostgreSQL (read committed, and possibly
    /// several app instances) a transaction-scoped advisory lock plays that part, released at commit or rollback.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var transaction = await database.BeginTransactionAsync(cancellationToken);
        if (database.IsNpgsql())
        {
            await database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresWriteLock})", cancellationToken);
        }

        return transaction;
    }
}
