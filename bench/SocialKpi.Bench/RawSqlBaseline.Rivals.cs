using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;

namespace SocialKpi.Bench;

/// <summary>The benchmark figures a relative KPI reads (BenchmarkQueries), by hand in SQL.</summary>
internal sealed partial class RawSqlBaseline
{
    /// <summary>The brand's benchmark metrics and every active rival's figures, per week, over the channels (JSON array; empty: all).</summary>
    private async Task<int> BenchmarkRowsAsync(int workspaceId, string channels, IsoWeek from, IsoWeek to)
    {
        var rows = 0;
        var channelFilter = channels == "[]" ? "" : " AND \"ChannelId\" IN (SELECT value FROM json_each($channels))";
        var brandKeys = string.Join(",", BenchmarkMetrics.All.Select(m => $"'{BenchmarkMetrics.BrandMetricKey(m)}'"));
        await using (var command = Command($"""
            SELECT w."Name", (SELECT COUNT(*) FROM "Competitors" c WHERE c."WorkspaceId" = w."Id" AND NOT c."IsArchived")
            FROM "Workspaces" w WHERE w."Id" = $workspace
            """, workspaceId, null))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                _ = reader.GetString(0);
                rows += reader.GetInt32(1);
            }
        }

        await using (var command = Command($"""
            SELECT v."MetricId", v."Week", SUM(v."Value"), AVG(v."Value"), COUNT(*)
            FROM "MetricValues" v
            WHERE v."WorkspaceId" = $workspace AND v."Week" >= $from AND v."Week" <= $to
              AND v."MetricId" IN (SELECT "Id" FROM "Metrics" WHERE "WorkspaceId" IS NULL AND "Key" IN ({brandKeys})){channelFilter.Replace("\"ChannelId\"", "v.\"ChannelId\"", StringComparison.Ordinal)}
            GROUP BY v."MetricId", v."Week"
            """, workspaceId, null, from.Key, to.Key))
        {
            command.Parameters.AddWithValue("$channels", channels);
            rows += await CountRowsAsync(command);
        }

        await using (var command = Command($"""
            SELECT "CompetitorId", "Metric", "Week", SUM("Value"), AVG("Value"), COUNT(*)
            FROM "CompetitorFigures"
            WHERE "WorkspaceId" = $workspace AND "Week" >= $from AND "Week" <= $to{channelFilter}
            GROUP BY "CompetitorId", "Metric", "Week"
            """, workspaceId, null, from.Key, to.Key))
        {
            command.Parameters.AddWithValue("$channels", channels);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = reader.GetInt32(0);
                _ = reader.GetString(1);
                _ = reader.GetInt32(2);
                _ = reader.GetDouble(3);
                _ = reader.GetDouble(4);
                _ = reader.GetInt32(5);
                rows++;
            }
        }

        return rows;
    }
}
