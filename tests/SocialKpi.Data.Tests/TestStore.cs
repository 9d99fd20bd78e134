using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace SocialKpi.Data.Tests;

/// <summary>
/// The engine the suites run on: SQLite, or PostgreSQL when SOCIALKPI_TEST_POSTGRES holds a connection string to a
/// server where that user may create databases (test.sh sets it for its PostgreSQL run). Each test then gets a database
/// of its own, copied from a template migrated (and seeded, when asked) once per run, and dropped afterwards.
/// A server that cannot be reached fails the tests: nothing falls back to SQLite or is skipped.
/// Shared with SocialKpi.Web.Tests (linked file).
/// </summary>
internal static class TestStore
{
    public const string PostgresVariable = "SOCIALKPI_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<(bool SeedDemo, DateOnly Today), string> Templates = [];

    static TestStore() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplates();

    public static string? PostgresServer { get; } =
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public static StoreProvider Provider => PostgresServer is null ? StoreProvider.Sqlite : StoreProvider.Postgres;

    /// <summary>A new database, migrated (and holding the demo workspace seeded on <paramref name="today"/> when asked).</summary>
    public static async Task<string> CreatePostgresDatabaseAsync(bool seedDemo, DateOnly today)
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        await Gate.WaitAsync();
        try
        {
            if (!Templates.TryGetValue((seedDemo, today), out var template))
            {
                template = NewName("template");
                await ExecuteAsync(server, $"CREATE DATABASE \"{template}\"");
                await using (var db = new SocialKpiDbContext(SocialKpiStore.Options(StoreProvider.Postgres, For(server, template))))
                {
                    await DatabaseInitializer.InitializeAsync(db, seedDemo, today, NullLogger.Instance);
                }

                // A template cannot be copied while anyone is connected to it.
                NpgsqlConnection.ClearAllPools();
                Templates[(seedDemo, today)] = template;
            }

            var name = NewName("test");
            await ExecuteAsync(server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
            return For(server, name);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
    }

    private static string NewName(string kind) => $"socialkpi_{kind}_{Guid.NewGuid():N}";

    private static string For(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void DropTemplates()
    {
        if (PostgresServer is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        foreach (var template in Templates.Values)
        {
            try
            {
                ExecuteAsync(PostgresServer, $"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The run is over; a template left behind is dropped with a throwaway cluster.
            }
        }
    }
}
