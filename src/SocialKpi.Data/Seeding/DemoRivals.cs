using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Metrics;
using M = SocialKpi.Domain.Metrics.StandardMetrics;

namespace SocialKpi.Data.Seeding;

/// <summary>
/// Three French candle makers Maison Lumière watches, with a year of public figures that tell a story: Cire &amp; Flamme,
/// the established leader (bigger, growing slowly, rated lower as it scales); Atelier Douce Mèche, a rival of the same size;
/// Lueur Sauvage, a young brand three times smaller but tripling its audience on TikTok and Instagram. Deterministic.
/// </summary>
internal static class DemoRivals
{
    private sealed record RivalProfile(
        string Name, string Slug, string Notes, double Growth, double MentionsGrowth, double Rating, double RatingDrift,
        double Reviews, double ReviewsPerWeek, IReadOnlyDictionary<string, (double Followers, double Posts, double LikesPerPost, double Mentions)> Channels);

    private static readonly RivalProfile[] Profiles =
    [
        new("Cire & Flamme", "cireetflamme", "Leader du marché, présent en grande distribution ; forte présence Facebook.",
            0.18, 0.1, 4.4, -0.2, 1_750, 9,
            new Dictionary<string, (double, double, double, double)>
            {
                ["Instagram"] = (61_000, 7, 430, 105), ["Facebook"] = (48_000, 6, 150, 45), ["TikTok"] = (11_000, 3, 300, 25),
            }),
        new("Atelier Douce Mèche", "doucemeche", "Concurrent direct : même gamme de prix, bougies parfumées artisanales.",
            0.35, 0.3, 4.6, 0, 280, 2,
            new Dictionary<string, (double, double, double, double)>
            {
                ["Instagram"] = (22_500, 5, 230, 36), ["Facebook"] = (13_000, 3, 90, 14), ["TikTok"] = (4_200, 2, 150, 15),
            }),
        new("Lueur Sauvage", "lueursauvage", "Jeune marque DNVB, très active sur TikTok ; à surveiller.",
            2.0, 3.0, 4.8, 0, 45, 2,
            new Dictionary<string, (double, double, double, double)>
            {
                ["Instagram"] = (6_500, 6, 150, 9), ["TikTok"] = (4_800, 5, 240, 12),
            }),
    ];

    /// <summary>Adds the rivals and their weekly figures; returns the rivals' Instagram mentions per week (for the demo's share-of-voice KPI).</summary>
    public static async Task<double[]> AddAsync(
        SocialKpiDbContext db, int workspaceId, List<Channel> channels, IsoWeek[] weeks, CancellationToken cancellationToken)
    {
        var random = new Random(20260509);
        double Noise() => 1 + (0.08 * DemoSeeder.Gaussian(random));
        var instagramMentions = new double[weeks.Length];
        var website = channels.Single(c => c.Kind == ChannelKind.WebsiteAnalytics);
        var last = weeks.Length - 1;

        var rivals = Profiles.Select(profile => new Competitor
            {
                WorkspaceId = workspaceId,
                Name = profile.Name,
                Notes = profile.Notes,
                TrackedFromWeek = weeks[0].Key,
                Accounts =
                [
                    .. profile.Channels.Keys.Select(name => new CompetitorAccount
                    {
                        ChannelId = channels.Single(c => c.Name == name).Id,
                        Handle = name == "Facebook" ? $"facebook.com/{profile.Slug}" : $"@{profile.Slug}",
                    }),
                    new CompetitorAccount { ChannelId = website.Id, Handle = $"{profile.Slug}.fr" },
                ],
            }).ToList();
        db.Competitors.AddRange(rivals);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (profile, rival) in Profiles.Zip(rivals))
        {

            void Figure(Channel channel, int w, BenchmarkMetric metric, double value) => db.CompetitorFigures.Add(new CompetitorFigure
            {
                WorkspaceId = workspaceId,
                CompetitorId = rival.Id,
                ChannelId = channel.Id,
                Week = weeks[w].Key,
                Metric = metric,
                Value = value,
                UpdatedBy = "demo",
            });

            foreach (var (name, baseline) in profile.Channels)
            {
                var channel = channels.Single(c => c.Name == name);
                for (var w = 0; w <= last; w++)
                {
                    var progress = (double)w / last;
                    var season = DemoSeeder.Season(weeks[w]);
                    var posts = Math.Max(1, Math.Round(baseline.Posts * Noise()));
                    var likes = Math.Round(posts * baseline.LikesPerPost * (1 + (profile.Growth * progress)) * season * Noise());
                    var mentions = Math.Round(baseline.Mentions * (1 + (profile.MentionsGrowth * progress)) * season * Noise());
                    Figure(channel, w, BenchmarkMetric.Followers, Math.Round(baseline.Followers * (1 + (profile.Growth * progress))));
                    Figure(channel, w, BenchmarkMetric.Posts, posts);
                    Figure(channel, w, BenchmarkMetric.Likes, likes);
                    Figure(channel, w, BenchmarkMetric.Comments, Math.Round(likes * 0.06 * Noise()));
                    Figure(channel, w, BenchmarkMetric.Shares, Math.Round(likes * 0.04 * Noise()));
                    Figure(channel, w, BenchmarkMetric.Mentions, mentions);
                    if (name != "Facebook")
                    {
                        Figure(channel, w, BenchmarkMetric.VideoViews, Math.Round(likes * (name == "TikTok" ? 14 : 5) * Noise()));
                    }

                    if (name == "Instagram")
                    {
                        instagramMentions[w] += mentions;
                    }
                }
            }

            for (var w = 0; w <= last; w++)
            {
                var progress = (double)w / last;
                Figure(website, w, BenchmarkMetric.Rating, Math.Round(profile.Rating + (profile.RatingDrift * progress) + (0.04 * DemoSeeder.Gaussian(random)), 2));
                Figure(website, w, BenchmarkMetric.Reviews, Math.Round(profile.Reviews + (profile.ReviewsPerWeek * (1 + (profile.MentionsGrowth * progress)) * w)));
            }
        }

        return instagramMentions;
    }

    /// <summary>The brand's own online rating and reviews, on its website channel (a rating belongs to no social network).</summary>
    public static void AddBrandRatings(SocialKpiDbContext db, int workspaceId, Channel website, Dictionary<string, Metric> metrics, IsoWeek[] weeks)
    {
        var random = new Random(20260510);
        var last = weeks.Length - 1;
        for (var w = 0; w <= last; w++)
        {
            var progress = (double)w / last;
            db.MetricValues.AddRange(
                new MetricValue
                {
                    WorkspaceId = workspaceId, ChannelId = website.Id, MetricId = metrics[M.OnlineRating].Id, Week = weeks[w].Key,
                    Value = Math.Round(4.5 + (0.2 * progress) + (0.04 * DemoSeeder.Gaussian(random)), 2), UpdatedBy = "demo",
                },
                new MetricValue
                {
                    WorkspaceId = workspaceId, ChannelId = website.Id, MetricId = metrics[M.Reviews].Id, Week = weeks[w].Key,
                    Value = Math.Round(310 + (2.5 * w)), UpdatedBy = "demo",
                });
        }
    }
}
