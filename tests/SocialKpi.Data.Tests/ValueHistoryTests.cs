using Microsoft.EntityFrameworkCore;
using SocialKpi.Data.Configurations;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Data.Tests;

public class ValueHistoryTests
{
    [Fact]
    public async Task Every_insert_update_and_delete_of_a_figure_is_recorded_with_who_and_the_old_value()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var cell = await db.MetricValues.OrderBy(v => v.Id).FirstAsync();
        var original = cell.Value;
        var before = await db.MetricValueChanges.CountAsync();

        cell.Value = original + 10;
        cell.UpdatedBy = "lea@example.com";
        await db.SaveChangesAsync();
        db.MetricValues.Remove(cell);
        await db.SaveChangesAsync();

        var history = await db.MetricValueChanges
            .Where(c => c.WorkspaceId == cell.WorkspaceId && c.ChannelId == cell.ChannelId && c.MetricId == cell.MetricId && c.Week == cell.Week)
            .OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(before + 2, await db.MetricValueChanges.CountAsync());
        Assert.Equal(3, history.Count); // the seed's insert, the update, the delete
        Assert.Equal((null, original, "demo"), (history[0].OldValue, history[0].NewValue, history[0].ChangedBy));
        Assert.Equal((original, original + 10, "lea@example.com"), (history[1].OldValue, history[1].NewValue, history[1].ChangedBy));
        // A deletion carries the last writer's name: the database cannot know who deletes.
        Assert.Equal((original + 10, (double?)null, "lea@example.com"), (history[2].OldValue, history[2].NewValue, history[2].ChangedBy));
    }

    [Fact]
    public async Task Saving_a_figure_unchanged_leaves_no_trace()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var cell = await db.MetricValues.OrderBy(v => v.Id).FirstAsync();
        var before = await db.MetricValueChanges.CountAsync();

        cell.UpdatedBy = "lea@example.com";
        await db.SaveChangesAsync();

        Assert.Equal(before, await db.MetricValueChanges.CountAsync());
    }

    [Fact]
    public async Task A_figure_changed_by_raw_SQL_is_recorded_too()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var cell = await db.MetricValues.OrderBy(v => v.Id).FirstAsync();

        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"MetricValues\" SET \"Value\" = 42, \"UpdatedBy\" = 'import' WHERE \"Id\" = {cell.Id}");

        var last = await db.MetricValueChanges.OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal((cell.Value, 42d, "import"), (last.OldValue!.Value, last.NewValue!.Value, last.ChangedBy));
        Assert.True(DateTimeOffset.UtcNow - last.ChangedAt < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_new_figure_is_recorded_without_an_old_value()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var channel = await db.Channels.FirstAsync();
        var metric = await db.Metrics.FirstAsync(m => m.Key == StandardMetrics.Saves);

        db.MetricValues.Add(new MetricValue { WorkspaceId = channel.WorkspaceId, ChannelId = channel.Id, MetricId = metric.Id, Week = 209901, Value = 7, UpdatedBy = "lea@example.com" });
        await db.SaveChangesAsync();

        var change = await db.MetricValueChanges.SingleAsync(c => c.Week == 209901);
        Assert.Null(change.OldValue);
        Assert.Equal(7, change.NewValue);
    }

    [Fact]
    public async Task The_triggers_stand_aside_only_inside_the_transaction_that_holds_the_bulk_write_guard()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        await using var db = database.Open();
        var cell = await db.MetricValues.OrderBy(v => v.Id).FirstAsync();
        var before = await db.MetricValueChanges.CountAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync($"INSERT INTO \"{HistoryTriggers.BulkWriteGuard}\" (\"Id\") VALUES (1)");
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"MetricValues\" SET \"Value\" = 41 WHERE \"Id\" = {cell.Id}");
            Assert.Equal(before, await db.MetricValueChanges.CountAsync());
            await transaction.RollbackAsync();
        }

        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"MetricValues\" SET \"Value\" = 42 WHERE \"Id\" = {cell.Id}");

        Assert.Equal(before + 1, await db.MetricValueChanges.CountAsync());
    }
}
