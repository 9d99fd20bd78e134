using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SocialKpi.Data;

namespace SocialKpi.Data.Tests;

/// <summary>
/// A database of its own for one test, migrated: a SQLite file in the temp folder, or a PostgreSQL database when the run
/// asks for PostgreSQL (see <see cref="TestStore"/>); deleted on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    private readonly string? path;

    private TestDatabase(StoreProvider provider, string connectionString, string? path)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.path = path;
    }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync(bool seedDemo = false) => CreateAsync(TestStore.Provider, seedDemo);

    public static async Task<TestDatabase> CreateAsync(StoreProvider provider, bool seedDemo = false)
    {
        if (provider == StoreProvider.Postgres)
        {
            return new TestDatabase(provider, await TestStore.CreatePostgresDatabaseAsync(seedDemo, Today), path: null);
        }

        var file = Path.Combine(Path.GetTempPath(), $"socialkpi-test-{Guid.NewGuid():N}.db");
        var database = new TestDatabase(provider, $"Data Source={file}", file);
        await using var db = database.Open();
        await DatabaseInitializer.InitializeAsync(db, seedDemo, Today, NullLogger.Instance);
        return database;
    }

    public SocialKpiDbContext Open() => new(SocialKpiStore.Options(Provider, ConnectionString));

    public async ValueTask DisposeAsync()
    {
        if (path is null)
        {
            await TestStore.DropPostgresDatabaseAsync(ConnectionString);
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
