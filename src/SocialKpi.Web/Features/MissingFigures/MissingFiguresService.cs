using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Web.Features.MissingFigures;

/// <summary>A metric that an active KPI needs on a channel, and the weeks where its figure is missing.</summary>
public sealed record MissingMetric(Metric Metric, IReadOnlyList<IsoWeek> Weeks);

/// <summary>One channel's gaps.</summary>
public sealed record ChannelGaps(int ChannelId, string ChannelName, IReadOnlyList<MissingMetric> Metrics)
{
    public int MissingCount => Metrics.Sum(m => m.Weeks.Count);
}

/// <summary>
/// Which figures the active KPIs need and nobody entered: per channel, per metric, the weeks without a value,
/// from each objective's start to the last complete week.
/// </summary>
public sealed class MissingFiguresService(IDbContextFactory<SocialKpiDbContext> dbFactory)
{
    public async Task<List<ChannelGaps>> FindAsync(int workspaceId, IsoWeek lastWeek, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kpis = await (from k in db.Kpis
                          join o in db.Objectives on k.ObjectiveId equals o.Id
                          where o.WorkspaceId == workspaceId && !o.IsArchived && !k.IsArchived
                          select new { k.MetricId, k.Formula, k.ChannelIds, o.StartDate }).AsNoTracking().ToListAsync(cancellationToken);
        if (kpis.Count == 0)
        {
            return [];
        }

        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var metrics = await db.Metrics.AsNoTracking().Where(m => m.WorkspaceId == null || m.WorkspaceId == workspaceId)
            .ToListAsync(cancellationToken);
        var metricByKey = metrics.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.WorkspaceId).First());

        // (channel, metric) → the first week it is needed from. Inputs of formulas are optional per network (Facebook
        // has no "saves"): they count only where the channel reports them at all.
        var needed = new Dictionary<(int Channel, int Metric), IsoWeek>();
        var required = new HashSet<(int Channel, int Metric)>();
        foreach (var kpi in kpis)
        {
            var metricIds = kpi.MetricId is { } id
                ? [id]
                : FormulaCatalog.Get(kpi.Formula!.Value).MetricKeys.Where(metricByKey.ContainsKey).Select(k => metricByKey[k].Id).ToList();
            var kpiChannels = kpi.ChannelIds.Count == 0 ? channels.Select(c => c.Id) : kpi.ChannelIds.Where(c => channels.Exists(x => x.Id == c));
            var start = IsoWeek.FromDate(kpi.StartDate);
            foreach (var channel in kpiChannels)
            {
                foreach (var metric in metricIds)
                {
                    needed[(channel, metric)] = needed.TryGetValue((channel, metric), out var from) && from < start ? from : start;
                    if (kpi.MetricId is not null)
                    {
                        required.Add((channel, metric));
                    }
                }
            }
        }

        if (needed.Count == 0)
        {
            return [];
        }

        var firstWeek = needed.Values.Min();
        var neededMetrics = needed.Keys.Select(k => k.Metric).Distinct().ToList();
        // Only the keys of the figures that exist travel: (channel, metric, week), never their values.
        var present = (await db.MetricValues.AsNoTracking()
                .Where(v => v.WorkspaceId == workspaceId && neededMetrics.Contains(v.MetricId) && v.Week >= firstWeek.Key && v.Week <= lastWeek.Key)
                .Select(v => new { v.ChannelId, v.MetricId, v.Week })
                .ToListAsync(cancellationToken))
            .Select(v => (v.ChannelId, v.MetricId, v.Week))
            .ToHashSet();

        var reported = present.Select(p => (p.ChannelId, p.MetricId)).ToHashSet();
        var metricById = metrics.ToDictionary(m => m.Id);
        return channels.Select(channel => new ChannelGaps(channel.Id, channel.Name, needed
                .Where(n => n.Key.Channel == channel.Id && (required.Contains(n.Key) || reported.Contains(n.Key)))
                .Select(n => new MissingMetric(metricById[n.Key.Metric],
                    n.Value > lastWeek ? [] : IsoWeek.Range(n.Value, lastWeek).Where(w => !present.Contains((channel.Id, n.Key.Metric, w.Key))).ToList()))
                .Where(m => m.Weeks.Count > 0)
                .OrderBy(m => m.Metric.Id)
                .ToList()))
            .Where(c => c.Metrics.Count > 0)
            .ToList();
    }

    /// <summary>Consecutive weeks as ranges, for reading: W12–W14, W20.</summary>
    public static IEnumerable<(IsoWeek First, IsoWeek Last)> Ranges(IReadOnlyList<IsoWeek> weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        for (var i = 0; i < weeks.Count;)
        {
            var j = i;
            while (j + 1 < weeks.Count && weeks[j].AddWeeks(1) == weeks[j + 1])
            {
                j++;
            }

            yield return (weeks[i], weeks[j]);
            i = j + 1;
        }
    }
}
