using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SocialKpi.Data;

namespace SocialKpi.Data.Tests;

/// <summary>A real SQLite file in the temp folder, migrated; deleted on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    private TestDatabase(string path) => Path = path;

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public static async Task<TestDatabase> CreateAsync(bool seedDemo = false)
    {
        var database = new TestDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"socialkpi-test-{Guid.NewGuid():N}.db"));
        await using var db = database.Open();
        await DatabaseInitializer.InitializeAsync(db, seedDemo, Today, NullLogger.Instance);
        return database;
    }

    public SocialKpiDbContext Open() =>
        new(new DbContextOptionsBuilder<SocialKpiDbContext>().UseSqlite(ConnectionString).Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}
