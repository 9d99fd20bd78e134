using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Reporting;
using SocialKpi.Web.Components.Shared;
using SocialKpi.Web.Features.SocialProof;

namespace SocialKpi.Web.Features.Reports;

/// <summary>
/// Gathers a report's data with the app's SQL-side queries: objectives through <see cref="ObjectiveProgressQuery"/>,
/// headline figures, and the channel breakdown aggregated in SQL by channel and metric. A fixed number of queries,
/// whatever the number of objectives, KPIs or weeks.
/// </summary>
public sealed class ReportBuilder(IDbContextFactory<SocialKpiDbContext> dbFactory, TimeProvider clock)
{
    private static readonly string[] ChannelMetricKeys =
    [
        StandardMetrics.Reach, StandardMetrics.Reactions, StandardMetrics.Comments, StandardMetrics.Shares, StandardMetrics.Saves,
        StandardMetrics.LinkClicks, StandardMetrics.Followers,
    ];

    public async Task<ReportData> BuildAsync(ReportDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == definition.WorkspaceId, cancellationToken);
        var logo = await db.WorkspaceLogos.AsNoTracking().Where(l => l.WorkspaceId == workspace.Id)
            .Select(l => l.Content).SingleOrDefaultAsync(cancellationToken);

        var objectives = (await db.ObjectiveProgressAsync(workspace.Id, definition.To, cancellationToken: cancellationToken))
            .Where(o => definition.ObjectiveIds.Count == 0 || definition.ObjectiveIds.Contains(o.Objective.Id))
            .ToList();
        var metricNames = await db.Metrics.AsNoTracking()
            .Where(m => m.WorkspaceId == null || m.WorkspaceId == workspace.Id)
            .ToDictionaryAsync(m => m.Id, m => m.Name(definition.Language), cancellationToken);
        var from = definition.From.Monday;
        var to = definition.To.Sunday;
        var annotations = await db.Annotations.AsNoTracking()
            .Where(a => a.WorkspaceId == workspace.Id && a.Date >= from && a.Date <= to)
            .OrderBy(a => a.Date).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var headlines = definition.Has(ReportSections.Headlines) ? await HeadlinesAsync(db, workspace.Id, definition, cancellationToken) : [];
        var channels = definition.Has(ReportSections.Channels) ? await ChannelsAsync(db, workspace.Id, definition, cancellationToken) : [];
        var benchmark = definition.Has(ReportSections.Competitors) ? await BenchmarkAsync(db, workspace.Id, definition, cancellationToken) : null;

        var formulas = objectives.SelectMany(o => o.Kpis).Select(k => k.Kpi.Formula).OfType<FormulaId>()
            .Select(FormulaCatalog.Get)
            .Concat(headlines.Select(h => h.Formula).OfType<FormulaDefinition>())
            .Append(FormulaCatalog.Get(FormulaId.EngagementRateByReach))
            .DistinctBy(f => f.Id)
            .OrderBy(f => f.Id)
            .ToList();

        return new ReportData(definition, workspace.Name, workspace.Currency, logo, clock.GetUtcNow(), objectives, headlines, channels,
            annotations, formulas, metricNames, benchmark);
    }

    /// <summary>
    /// The brand against its active rivals, all channels combined (<see cref="BenchmarkQueries"/>, one SQL aggregation);
    /// null when the workspace tracks no rival during the period.
    /// </summary>
    private static async Task<ReportBenchmark?> BenchmarkAsync(
        SocialKpiDbContext db, int workspaceId, ReportDefinition definition, CancellationToken cancellationToken)
    {
        var (from, to, compareFrom, compareTo) = (definition.From, definition.To, definition.CompareFrom, definition.CompareTo);
        // Follower growth starts from the week before a period.
        var first = compareFrom < from ? compareFrom : from;
        var all = await db.BenchmarkFiguresAsync(workspaceId, [], first.AddWeeks(-1), to, cancellationToken);
        var brands = all.Where(b => b.IsTrackedBy(to)).ToList();
        if (brands.Count < 2)
        {
            return null;
        }

        var colors = BrandColors.For(brands);
        var weeks = IsoWeek.Range(from, to).ToList();
        var reportBrands = brands.Select((brand, i) => new ReportBrand(brand.Name, brand.IsOwnBrand, colors[i],
            SocialProofService.Series(weeks, brand, week => Benchmark.ShareOfVoice(brands, brand.Name, week, week)))).ToList();
        return new ReportBenchmark(reportBrands, BenchmarkTable.Build(all, from, to, compareFrom, compareTo));
    }

    /// <summary>The dashboard's headline figures (<see cref="HeadlineFiguresQuery"/>) against the report's comparison period.</summary>
    private static async Task<List<ReportHeadline>> HeadlinesAsync(
        SocialKpiDbContext db, int workspaceId, ReportDefinition definition, CancellationToken cancellationToken)
    {
        var view = await db.HeadlineFiguresAsync(workspaceId, new WeekRange(definition.From, definition.To), null, cancellationToken);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(definition.Language);
        var yearBefore = definition.Comparison == ReportComparison.YearBefore;
        return view.Figures.Select(f => new ReportHeadline(
                f.Formula is { } formula && f.Kind != HeadlineKind.Roi ? formula.Name(definition.Language) : PdfReportRenderer.T("Headline" + f.Kind, culture),
                f.Formula,
                f.Formula is null ? PdfReportRenderer.T("HeadlineDefinition" + f.Kind, culture) : null,
                f.Current,
                yearBefore ? f.YearBefore : f.Previous,
                yearBefore ? f.ChangeVsYearBefore : f.ChangeVsPrevious))
            .ToList();
    }

    /// <summary>Reach, engagements, link clicks, followers and cost per channel: two SQL aggregations by channel.</summary>
    private static async Task<List<ReportChannelRow>> ChannelsAsync(
        SocialKpiDbContext db, int workspaceId, ReportDefinition definition, CancellationToken cancellationToken)
    {
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var metrics = await db.Metrics.AsNoTracking().Where(m => m.WorkspaceId == null && ChannelMetricKeys.Contains(m.Key))
            .ToDictionaryAsync(m => m.Id, m => m.Key, cancellationToken);
        var metricIds = metrics.Keys.ToList();
        var fromWeek = definition.From.Key;
        var toWeek = definition.To.Key;

        // Per channel, metric and week: followers are a stock (the last week counts), the others add up.
        var weekly = await db.MetricValues.AsNoTracking()
            .Where(v => v.WorkspaceId == workspaceId && metricIds.Contains(v.MetricId) && v.Week >= fromWeek && v.Week <= toWeek)
            .GroupBy(v => new { v.ChannelId, v.MetricId, v.Week })
            .Select(g => new { g.Key.ChannelId, g.Key.MetricId, g.Key.Week, Value = g.Sum(v => v.Value) })
            .ToListAsync(cancellationToken);
        var costs = await db.Costs.AsNoTracking()
            .Where(c => c.WorkspaceId == workspaceId && c.ChannelId != null && c.Week >= fromWeek && c.Week <= toWeek)
            .GroupBy(c => c.ChannelId)
            .Select(g => new { ChannelId = g.Key!.Value, Amount = g.Sum(c => c.Amount) })
            .ToDictionaryAsync(c => c.ChannelId, c => c.Amount, cancellationToken);

        var byChannel = weekly.ToLookup(w => w.ChannelId);
        var colours = ChannelColors.For(channels);
        var rows = new List<ReportChannelRow>();
        foreach (var channel in channels)
        {
            var values = byChannel[channel.Id].GroupBy(w => metrics[w.MetricId]).ToDictionary(
                g => g.Key,
                g => (decimal?)(g.Key == StandardMetrics.Followers ? g.MaxBy(w => w.Week)!.Value : g.Sum(w => w.Value)));
            var cost = costs.TryGetValue(channel.Id, out var amount) ? amount : (decimal?)null;
            if (channel.IsArchived && values.Count == 0 && cost is null)
            {
                continue;
            }

            var inputs = new FormulaInputs { Values = values };
            var engagements = Engagements.FromInputs(inputs).Value;
            rows.Add(new ReportChannelRow(
                channel.Name,
                colours[channel.Id],
                values.GetValueOrDefault(StandardMetrics.Reach),
                engagements,
                FormulaCatalog.Compute(FormulaId.EngagementRateByReach, inputs),
                values.GetValueOrDefault(StandardMetrics.LinkClicks),
                values.GetValueOrDefault(StandardMetrics.Followers),
                cost));
        }

        return rows;
    }
}
