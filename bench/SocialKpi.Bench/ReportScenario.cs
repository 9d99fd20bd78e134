using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Objectives;
using SocialKpi.Domain.Reporting;
using SocialKpi.Web.Features.Reports;

namespace SocialKpi.Bench;

/// <summary>
/// The large report: 12 objectives, 40 KPIs, 52 weeks, every section, in French. It runs on the second
/// workspace of the bench database, which gets those objectives once (the other scenarios read the first workspace).
/// Measured: gathering the data and rendering the PDF. Baseline: gathering the data alone, so the ratio is what
/// drawing the pages adds.
/// </summary>
internal sealed class ReportScenario : IDbContextFactory<SocialKpiDbContext>
{
    private const string Prefix = "Report objective ";
    private const int ObjectiveCount = 12;
    private const int KpiCount = 40;

    private readonly DbContextOptions<SocialKpiDbContext> options;
    private readonly ReportBuilder builder;
    private readonly ReportDefinition definition;

    private ReportScenario(DbContextOptions<SocialKpiDbContext> options, int workspaceId, IsoWeek lastWeek)
    {
        this.options = options;
        builder = new ReportBuilder(this, TimeProvider.System);
        definition = new ReportDefinition(workspaceId, lastWeek.AddWeeks(-51), lastWeek, ReportComparison.PreviousPeriod, [],
            ReportSections.All, "fr-FR", "Commentaire du trimestre : la campagne d’automne a porté la portée et l’engagement.");
    }

    public int LastPdfBytes { get; private set; }

    public SocialKpiDbContext CreateDbContext() => new(options);

    public static async Task<ReportScenario> PrepareAsync(DbContextOptions<SocialKpiDbContext> options, IsoWeek lastWeek)
    {
        await using var db = new SocialKpiDbContext(options);
        var workspaceId = await db.Workspaces.OrderBy(w => w.Id).Select(w => w.Id).Skip(1).FirstAsync();
        if (!await db.Objectives.AnyAsync(o => o.WorkspaceId == workspaceId && o.Name.StartsWith(Prefix)))
        {
            var metrics = await db.Metrics.Where(m => m.WorkspaceId == null).OrderBy(m => m.Id).ToListAsync();
            var channels = await db.Channels.Where(c => c.WorkspaceId == workspaceId).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
            var start = lastWeek.AddWeeks(-51).Monday;
            var end = lastWeek.AddWeeks(12).Sunday;
            for (var o = 0; o < ObjectiveCount; o++)
            {
                var objective = new Objective
                {
                    WorkspaceId = workspaceId,
                    Name = $"{Prefix}{o + 1} — notoriété et trafic qualifié",
                    Category = (ObjectiveCategory)(o % 4),
                    StartDate = start,
                    EndDate = end,
                    Description = "Faire connaître la marque et amener un trafic qualifié vers la boutique en ligne.",
                };
                var kpis = (KpiCount / ObjectiveCount) + (o < KpiCount % ObjectiveCount ? 1 : 0);
                for (var k = 0; k < kpis; k++)
                {
                    var metric = metrics[((o * 4) + k) % metrics.Count];
                    objective.Kpis.Add(k == kpis - 1 && o % 3 == 0
                        ? new Kpi { Name = $"Taux d’engagement {o + 1}", Formula = FormulaId.EngagementRateByReach, Aggregation = Aggregation.Average,
                            Unit = KpiUnit.Percent, Baseline = 1, Target = 5, Deadline = end }
                        : new Kpi { Name = $"KPI {o + 1}.{k + 1} {metric.NameFr}", MetricId = metric.Id, Aggregation = metric.Aggregation,
                            Baseline = 0, Target = 5_000_000, Deadline = end,
                            ChannelIds = k % 2 == 0 ? [] : [.. channels.Take(3)] });
                }

                db.Objectives.Add(objective);
            }

            await db.SaveChangesAsync();
        }

        return new ReportScenario(options, workspaceId, lastWeek);
    }

    public async Task<int> RenderAsync()
    {
        var data = await builder.BuildAsync(definition);
        var pdf = await Task.Run(() => PdfReportRenderer.Render(data));
        LastPdfBytes = pdf.Length;
        return data.Objectives.Sum(o => o.Kpis.Count);
    }

    public async Task<int> GatherAsync() => (await builder.BuildAsync(definition)).Objectives.Sum(o => o.Kpis.Count);

    /// <summary>The most memory the process has held, in MiB (the whole bench process: an upper bound for the report).</summary>
    public static double PeakMemoryMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1024d / 1024d;
    }
}
