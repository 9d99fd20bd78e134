using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialKpi.Data;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Progress;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Web.Features.Reports;

/// <summary>What can be exported.</summary>
public enum ExportDataset
{
    MetricValues,
    KpiResults,
    Costs,
    /// <summary>The rivals' public figures as entered, per rival, channel, week and metric.</summary>
    RivalFigures,
}

/// <summary>Who reads the file: a person in the workspace's language and number format, or a program.</summary>
public enum ExportForm
{
    /// <summary>Headers in the workspace's language, French numbers with a decimal comma and ";" between CSV fields (what Excel in French expects).</summary>
    Local,
    /// <summary>Stable English headers, invariant numbers ("1234.5"), ISO weeks, "," between CSV fields.</summary>
    Invariant,
}

/// <summary>A table ready to write: typed cells (numbers stay numbers in XLSX), headers in the chosen form.</summary>
public sealed record ExportTable(IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>
/// CSV (CsvHelper) and XLSX (MiniExcel) exports of a period's weekly figures, KPI results per week, costs and rivals' figures. Rows are
/// read with SQL-side filtering and joins; the KPI results reuse <see cref="ObjectiveProgressQuery"/>.
/// </summary>
public sealed class DataExports(IDbContextFactory<SocialKpiDbContext> dbFactory)
{
    private static readonly Dictionary<ExportDataset, (string Key, string En, string Fr)[]> Columns = new()
    {
        [ExportDataset.MetricValues] =
        [
            ("week", "Week", "Semaine"), ("channel", "Channel", "Réseau"), ("metric_key", "Metric key", "Clé de la métrique"),
            ("metric", "Metric", "Métrique"), ("value", "Value", "Valeur"),
        ],
        [ExportDataset.KpiResults] =
        [
            ("week", "Week", "Semaine"), ("objective", "Objective", "Objectif"), ("kpi", "KPI", "KPI"),
            ("week_value", "Week's value", "Valeur de la semaine"), ("value_to_date", "Value to date", "Valeur à date"),
            ("trajectory", "Trajectory", "Trajectoire"), ("status", "Status", "Statut"),
        ],
        [ExportDataset.Costs] =
        [
            ("week", "Week", "Semaine"), ("channel", "Channel", "Réseau"), ("category", "Category", "Catégorie"),
            ("amount", "Amount", "Montant"), ("currency", "Currency", "Devise"), ("note", "Note", "Note"),
        ],
        [ExportDataset.RivalFigures] =
        [
            ("brand", "Brand", "Marque"), ("channel", "Channel", "Réseau"), ("week", "Week", "Semaine"),
            ("metric_key", "Metric key", "Clé de la métrique"), ("metric", "Metric", "Métrique"), ("value", "Value", "Valeur"),
        ],
    };

    public static string FileName(string workspaceName, ExportDataset dataset, IsoWeek from, IsoWeek to, string extension)
    {
        var name = dataset switch
        {
            ExportDataset.MetricValues => "metric-values",
            ExportDataset.KpiResults => "kpi-results",
            ExportDataset.RivalFigures => "rival-figures",
            _ => "costs",
        };
        return $"{ReportRunner.Slug(workspaceName)}-{from}-{to}-{name}.{extension}";
    }

    public async Task<ExportTable> TableAsync(Workspace workspace, ExportDataset dataset, IsoWeek from, IsoWeek to, ExportForm form,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var french = form == ExportForm.Local && workspace.Locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
        var headers = Columns[dataset].Select(c => form == ExportForm.Invariant ? c.Key : french ? c.Fr : c.En).ToList();
        string Week(int key) => form == ExportForm.Invariant ? IsoWeek.FromKey(key).ToString()
            : (french ? "S" : "W") + IsoWeek.FromKey(key).Week.ToString("00", CultureInfo.InvariantCulture) + " " + IsoWeek.FromKey(key).Year.ToString(CultureInfo.InvariantCulture);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (fromKey, toKey) = (from.Key, to.Key);
        List<object?[]> rows;
        switch (dataset)
        {
            case ExportDataset.MetricValues:
                var values = await (from v in db.MetricValues
                                    where v.WorkspaceId == workspace.Id && v.Week >= fromKey && v.Week <= toKey
                                    join c in db.Channels on v.ChannelId equals c.Id
                                    join m in db.Metrics on v.MetricId equals m.Id
                                    orderby v.Week, c.SortOrder, c.Id, m.Id
                                    select new { v.Week, Channel = c.Name, m.Key, m.NameFr, m.NameEn, v.Value })
                    .AsNoTracking().ToListAsync(cancellationToken);
                rows = values.Select(v => new object?[] { Week(v.Week), v.Channel, v.Key, french ? v.NameFr : v.NameEn, (decimal)v.Value }).ToList();
                break;
            case ExportDataset.Costs:
                var costs = await (from c in db.Costs
                                   where c.WorkspaceId == workspace.Id && c.Week >= fromKey && c.Week <= toKey
                                   join ch in db.Channels on c.ChannelId equals ch.Id into channels
                                   from ch in channels.DefaultIfEmpty()
                                   orderby c.Week, c.ChannelId, c.Id
                                   select new { c.Week, Channel = ch == null ? null : ch.Name, c.Category, c.Amount, c.Note })
                    .AsNoTracking().ToListAsync(cancellationToken);
                var uiCulture = CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-US");
                rows = costs.Select(c => new object?[]
                {
                    Week(c.Week), c.Channel ?? "",
                    form == ExportForm.Invariant ? c.Category.ToString() : PdfReportRenderer.T("CostCategory" + c.Category, uiCulture),
                    c.Amount, workspace.Currency, c.Note ?? "",
                }).ToList();
                break;
            case ExportDataset.RivalFigures:
                // Archived rivals too: their figures were entered and are still the workspace's data.
                var figures = await (from f in db.CompetitorFigures
                                     where f.WorkspaceId == workspace.Id && f.Week >= fromKey && f.Week <= toKey
                                     join r in db.Competitors on f.CompetitorId equals r.Id
                                     join c in db.Channels on f.ChannelId equals c.Id
                                     orderby r.Name, r.Id, c.SortOrder, c.Id, f.Week, f.Metric
                                     select new { Rival = r.Name, Channel = c.Name, f.Week, f.Metric, f.Value })
                    .AsNoTracking().ToListAsync(cancellationToken);
                var language = CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-US");
                rows = figures.Select(f => new object?[]
                {
                    f.Rival, f.Channel, Week(f.Week), BenchmarkMetrics.Key(f.Metric),
                    PdfReportRenderer.T("RivalMetric" + f.Metric, language), (decimal)f.Value,
                }).ToList();
                break;
            default:
                var objectives = await db.ObjectiveProgressAsync(workspace.Id, to, cancellationToken: cancellationToken);
                rows = [];
                foreach (var objective in objectives)
                {
                    foreach (var kpi in objective.Kpis)
                    {
                        var plan = kpi.Progress.Plan;
                        var byWeek = kpi.Weekly.ToDictionary(p => p.Week);
                        foreach (var week in IsoWeek.Range(from < plan.StartWeek ? plan.StartWeek : from, to))
                        {
                            var toDate = KpiCurrentValue.Of(plan, kpi.Weekly, week);
                            var status = KpiStatusAssessment.Evaluate(plan, toDate, week);
                            rows.Add([Week(week.Key), objective.Objective.Name, kpi.Kpi.Name,
                                byWeek.TryGetValue(week, out var point) ? point.Value : null, toDate,
                                Math.Round(status.Expected, 4), form == ExportForm.Invariant ? status.Status.ToString() : PdfReportRenderer.T(Components.Shared.Display.StatusKey(status.Status), CultureInfo.GetCultureInfo(french ? "fr-FR" : "en-US"))]);
                        }
                    }
                }

                break;
        }

        return new ExportTable(headers, rows);
    }

    /// <summary>
    /// CSV in UTF-8 with a byte order mark (so Excel reads the accents). Text cells that a spreadsheet would take for a
    /// formula (=, +, −, @, tab, carriage return first) are prefixed with an apostrophe; numbers are written by us and never are.
    /// </summary>
    public static byte[] Csv(ExportTable table, ExportForm form, string locale)
    {
        ArgumentNullException.ThrowIfNull(table);
        var culture = form == ExportForm.Invariant ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(locale);
        var configuration = new CsvConfiguration(culture)
        {
            Delimiter = form == ExportForm.Invariant ? "," : culture.TextInfo.ListSeparator,
            InjectionOptions = InjectionOptions.None,
        };
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, configuration))
        {
            foreach (var header in table.Headers)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell switch
                    {
                        null => "",
                        // No thousands separator: a spreadsheet reads "1234,5" as a number, "1 234,5" as text.
                        decimal d => d.ToString("0.############", culture),
                        string s => Defused(s),
                        _ => Convert.ToString(cell, culture) ?? "",
                    });
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>One sheet, headers in the first row, numbers as numbers.</summary>
    public static byte[] Xlsx(ExportTable table, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                record[table.Headers[i]] = row[i] is string s ? Defused(s) : row[i];
            }

            return record;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: sheetName);
        return stream.ToArray();
    }

    /// <summary>A text cell that cannot run as a formula in a spreadsheet (OWASP's CSV injection advice).</summary>
    public static string Defused(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
