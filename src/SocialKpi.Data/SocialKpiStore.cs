using Microsoft.EntityFrameworkCore;

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
