using Microsoft.EntityFrameworkCore;
using SocialKpi.Data;
using SocialKpi.Data.Queries;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Progress;

namespace SocialKpi.Web.Features.Dashboard;

/// <summary>A formula evaluated week by week and over the period and the previous period, on one channel.</summary>
public sealed record ChannelFormula(FormulaDefinition Formula, IReadOnlyList<LabelledPoint> Weekly, KpiResult Period, KpiResult Previous);

/// <summary>A metric's weekly values on one channel.</summary>
public sealed record ChannelMetricSeries(string Key, string Colour, IReadOnlyList<LabelledPoint> Points);

/// <summary>Reach over the period by media type, across the workspace's channels.</summary>
public sealed record MediaShare(MediaType Type, decimal Reach, bool IsThisChannel);

/// <summary>Everything the channel page shows, computed from two queries' results.</summary>
public sealed record ChannelPageData(
    Channel Channel,
    HeadlineFiguresView Figures,
    IReadOnlyList<ChannelMetricSeries> MicroActions,
    IReadOnlyList<ChannelFormula> EngagementRates,
    IReadOnlyList<ChannelFormula> CostEfficiency,
    IReadOnlyList<MediaShare> Media);

public sealed class ChannelPageService(IDbContextFactory<SocialKpiDbContext> dbFactory)
{
    /// <summary>The micro-actions charted over time (seed 004: the interest stage), in this order.</summary>
    public static IReadOnlyList<string> MicroActionKeys { get; } =
    [
        StandardMetrics.Reactions, StandardMetrics.Comments, StandardMetrics.Shares, StandardMetrics.Saves,
        StandardMetrics.LinkClicks, StandardMetrics.NewFollowers, StandardMetrics.ProfileVisits,
    ];

    private static readonly FormulaId[] Rates = [FormulaId.EngagementRateByReach, FormulaId.EngagementRateByImpressions, FormulaId.EngagementRateByFollowers];

    private static readonly FormulaId[] Costs = [FormulaId.CostPerEngagement, FormulaId.Cpm, FormulaId.Cpc];

    public async Task<ChannelPageData?> LoadAsync(int workspaceId, int channelId, WeekRange period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).ToListAsync(cancellationToken);
        if (channels.Find(c => c.Id == channelId) is not { } channel)
        {
            return null;
        }

        var figures = await db.HeadlineFiguresAsync(workspaceId, period, channelId, cancellationToken);
        var reach = await db.MetricChannelTotalsAsync(workspaceId, StandardMetrics.Reach, period.From.Key, period.To.Key, cancellationToken);
        return Build(channel, channels, figures, reach);
    }

    /// <summary>The page's series and figures from the loaded data (public for tests).</summary>
    public static ChannelPageData Build(Channel channel, IReadOnlyList<Channel> channels, HeadlineFiguresView figures, IReadOnlyList<MetricChannelTotal> reachByChannel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(reachByChannel);
        var current = figures.Current;
        var weeks = current.Period.Weeks.ToList();
        var labels = KpiChartModel.Labels(weeks);

        var micro = MicroActionKeys
            .Where(current.Weekly.ContainsKey)
            .Select((key, i) => new ChannelMetricSeries(key, SeriesColour(i),
                [.. current.Weekly[key].Select(p => new LabelledPoint(labels[p.Week], p.Week, (double)p.Value, p.Value))]))
            .ToList();

        ChannelFormula Evaluate(FormulaId id)
        {
            var formula = FormulaCatalog.Get(id);
            var weekly = new List<LabelledPoint>();
            foreach (var week in weeks)
            {
                var inputs = new FormulaInputs
                {
                    Values = current.Weekly.ToDictionary(m => m.Key, m => m.Value.FirstOrDefault(p => p.Week == week)?.Value),
                    Cost = current.Cost.FirstOrDefault(c => c.Week == week)?.Value,
                };
                if (formula.Compute(inputs).Value is { } value)
                {
                    weekly.Add(new LabelledPoint(labels[week], week, (double)value, value));
                }
            }

            return new ChannelFormula(formula, weekly, formula.Compute(current.Inputs), formula.Compute(figures.Previous.Inputs));
        }

        var typeOf = channels.ToDictionary(c => c.Id, c => c.MediaType);
        var media = Enum.GetValues<MediaType>()
            .Select(type => new MediaShare(
                type,
                (decimal)reachByChannel.Where(r => typeOf.GetValueOrDefault(r.ChannelId) == type && typeOf.ContainsKey(r.ChannelId)).Sum(r => r.Sum),
                type == channel.MediaType))
            .ToList();

        return new ChannelPageData(channel, figures, micro, [.. Rates.Select(Evaluate)], [.. Costs.Select(Evaluate)], media);
    }

    /// <summary>Metric series take the palette from its end, so they do not look like the first channels.</summary>
    private static string SeriesColour(int index) => Components.Shared.ChannelColors.OnScreenAt(Components.Shared.ChannelColors.Palette.Count - 1 - index);
}
