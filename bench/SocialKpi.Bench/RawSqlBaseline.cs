using Microsoft.Data.Sqlite;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;

namespace SocialKpi.Bench;

/// <summary>
/// The same aggregations as ObjectiveProgressQuery, written by hand in SQL and read with a plain data reader:
/// what the database alone costs, without EF Core and without the domain's evaluation.
/// </summary>
internal sealed partial class RawSqlBaseline(SqliteConnection connection)
{
    public async Task<int> ObjectiveAggregationAsync(int workspaceId, IsoWeek asOf, int? objectiveId)
    {
        var objectiveFilter = objectiveId is null ? "" : " AND o.\"Id\" = $objective";
        var kpis = new List<(int Id, int? MetricId, string? Formula, string Channels, string Start)>();
        await using (var command = Command($"""
            SELECT k."Id", k."MetricId", k."Formula", k."ChannelIds", o."StartDate"
            FROM "Kpis" k JOIN "Objectives" o ON o."Id" = k."ObjectiveId"
            WHERE o."WorkspaceId" = $workspace AND NOT o."IsArchived" AND NOT k."IsArchived"{objectiveFilter}
            """, workspaceId, objectiveId))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                kpis.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }
        }

        var from = kpis.Min(k => IsoWeek.FromDate(DateOnly.Parse(k.Start, System.Globalization.CultureInfo.InvariantCulture))).AddWeeks(-1);
        var metricIds = new Dictionary<string, int>();
        await using (var command = Command("""SELECT "Id", "Key" FROM "Metrics" WHERE "WorkspaceId" IS NULL OR "WorkspaceId" = $workspace""", workspaceId, null))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                metricIds[reader.GetString(1)] = reader.GetInt32(0);
            }
        }

        // SQLite's CROSS JOIN keeps the written order: objectives, then KPIs, then a range scan of the covering index.
        var rows = 0;
        await using (var command = Command($"""
            SELECT k."Id", v."Week", SUM(v."Value"), AVG(v."Value"), COUNT(*)
            FROM "Objectives" o
            JOIN "Kpis" k ON k."ObjectiveId" = o."Id"
            CROSS JOIN "MetricValues" v
            WHERE o."WorkspaceId" = $workspace AND NOT o."IsArchived" AND NOT k."IsArchived" AND k."MetricId" IS NOT NULL{objectiveFilter}
              AND v."WorkspaceId" = $workspace AND v."MetricId" = k."MetricId" AND v."Week" >= $from AND v."Week" <= $to
              AND (json_array_length(k."ChannelIds") = 0 OR v."ChannelId" IN (SELECT value FROM json_each(k."ChannelIds")))
            GROUP BY k."Id", v."Week"
            """, workspaceId, objectiveId, from.Key, asOf.Key))
        {
            rows += await CountRowsAsync(command);
        }

        var valuesPerUnit = new Dictionary<string, decimal>();
        var needsValues = kpis.Exists(k => k.Formula is nameof(FormulaId.Roi) or nameof(FormulaId.RoeValuePerEngagement));
        await using (var command = Command("""
            SELECT m."Key", b."ValuePerUnit" FROM "MetricBusinessValues" b JOIN "Metrics" m ON m."Id" = b."MetricId"
            WHERE b."WorkspaceId" = $workspace
            """, workspaceId, null))
        await using (var reader = needsValues ? await command.ExecuteReaderAsync() : null)
        {
            while (reader is not null && await reader.ReadAsync())
            {
                valuesPerUnit[reader.GetString(0)] = reader.GetDecimal(1);
            }
        }

        foreach (var group in kpis.Where(k => k.Formula is not null).GroupBy(k => k.Channels))
        {
            var keys = group.SelectMany(k => FormulaCatalog.Get(Enum.Parse<FormulaId>(k.Formula!)).MetricKeys).Distinct();
            var ids = string.Join(",", keys.Where(metricIds.ContainsKey).Select(k => metricIds[k]));
            var channelFilter = group.Key == "[]" ? "" : " AND \"ChannelId\" IN (SELECT value FROM json_each($channels))";
            await using var command = Command($"""
                SELECT "MetricId", "Week", SUM("Value"), AVG("Value"), COUNT(*)
                FROM "MetricValues"
                WHERE "WorkspaceId" = $workspace AND "MetricId" IN ({ids}) AND "Week" >= $from AND "Week" <= $to{channelFilter}
                GROUP BY "MetricId", "Week"
                """, workspaceId, null, from.Key, asOf.Key);
            command.Parameters.AddWithValue("$channels", group.Key);
            rows += await CountRowsAsync(command);
            if (group.Any(k => FormulaCatalog.Get(Enum.Parse<FormulaId>(k.Formula!)).NeedsCompetitors))
            {
                rows += await BenchmarkRowsAsync(workspaceId, group.Key, from, asOf);
            }
        }

        return rows;
    }

    /// <summary>
    /// What the home dashboard loads: the objectives' aggregation above, then the headline figures' queries written by
    /// hand (workspace variants, metrics with values per unit, weekly totals of the three periods, weekly costs). Alerts
    /// re-evaluate the loaded weekly points in memory and add no SQL.
    /// </summary>
    public async Task<int> HomeDashboardAsync(int workspaceId, WeekRange period)
    {
        var rows = await ObjectiveAggregationAsync(workspaceId, period.To, null);
        var previous = period.Previous;
        var yearBefore = period.YearBefore;

        await using (var command = Command("""
            SELECT "DefaultRoaVariant", "DefaultRoeVariant", "DefaultEngagementRate" FROM "Workspaces" WHERE "Id" = $workspace
            """, workspaceId, null))
        {
            rows += await CountAnyRowsAsync(command);
        }

        var keys = string.Join(",", HeadlineFigures.MetricKeys.Select(k => $"'{k}'"));
        var ids = new List<int>();
        await using (var command = Command($"""
            SELECT m."Id", m."Key", m."Aggregation", b."ValuePerUnit"
            FROM "Metrics" m LEFT JOIN "MetricBusinessValues" b ON b."MetricId" = m."Id" AND b."WorkspaceId" = $workspace
            WHERE (m."WorkspaceId" IS NULL OR m."WorkspaceId" = $workspace) AND (m."Key" IN ({keys}) OR b."MetricId" IS NOT NULL)
            """, workspaceId, null))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt32(0));
                _ = reader.GetString(1);
                _ = reader.GetValue(2);
                _ = reader.IsDBNull(3) ? (decimal?)null : reader.GetDecimal(3);
            }
        }

        const string Weeks = """(("Week" >= $from AND "Week" <= $to) OR ("Week" >= $from2 AND "Week" <= $to2))""";
        await using (var command = Command($"""
            SELECT "MetricId", "Week", SUM("Value"), AVG("Value"), COUNT(*)
            FROM "MetricValues"
            WHERE "WorkspaceId" = $workspace AND "MetricId" IN ({string.Join(",", ids)}) AND {Weeks}
            GROUP BY "MetricId", "Week"
            """, workspaceId, null, previous.From.Key, period.To.Key))
        {
            command.Parameters.AddWithValue("$from2", yearBefore.From.Key);
            command.Parameters.AddWithValue("$to2", yearBefore.To.Key);
            rows += await CountRowsAsync(command);
        }

        await using (var command = Command($"""
            SELECT "Week", SUM(CAST("Amount" AS REAL)) FROM "Costs" WHERE "WorkspaceId" = $workspace AND {Weeks} GROUP BY "Week"
            """, workspaceId, null, previous.From.Key, period.To.Key))
        {
            command.Parameters.AddWithValue("$from2", yearBefore.From.Key);
            command.Parameters.AddWithValue("$to2", yearBefore.To.Key);
            rows += await CountAnyRowsAsync(command);
        }

        return rows;
    }

    private SqliteCommand Command(string sql, int workspaceId, int? objectiveId, int? from = null, int? to = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$workspace", workspaceId);
        command.Parameters.AddWithValue("$objective", (object?)objectiveId ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", (object?)from ?? DBNull.Value);
        command.Parameters.AddWithValue("$to", (object?)to ?? DBNull.Value);
        return command;
    }

    private static async Task<int> CountAnyRowsAsync(SqliteCommand command)
    {
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }

            rows++;
        }

        return rows;
    }

    private static async Task<int> CountRowsAsync(SqliteCommand command)
    {
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // Read every column, as EF Core does when it materializes a row.
            _ = reader.GetInt32(0);
            _ = reader.GetInt32(1);
            _ = reader.GetDouble(2);
            _ = reader.GetDouble(3);
            _ = reader.GetInt32(4);
            rows++;
        }

        return rows;
    }
}
