using Microsoft.EntityFrameworkCore;
using SocialKpi.Domain.Annotations;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Costs;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Objectives;
using SocialKpi.Domain.Workspaces;
using M = SocialKpi.Domain.Metrics.StandardMetrics;

namespace SocialKpi.Data.Seeding;

/// <summary>
/// A living demo so a newcomer sees a real dashboard at once: a French candle maker, six channels,
/// 52 weeks of figures with growth, Christmas seasonality, a summer dip and a paid campaign, four objectives
/// (one per category of community management) and sixteen KPIs whose targets are set so that some are on
/// track, some at risk and some off track, and three rivals (DemoRivals) with a share-of-voice KPI against them. Deterministic: the same day gives the same data.
/// </summary>
public static class DemoSeeder
{
    public const string WorkspaceName = "Maison Lumière";
    public const int Weeks = 52;

    /// <summary>Weeks of the objectives' 52 that have passed at seeding time; 13 remain.</summary>
    public const int ElapsedObjectiveWeeks = 39;

    /// <summary>The campaign "Jardin d'hiver" runs for five weeks, starting this many weeks into the data.</summary>
    public const int CampaignStart = 20;

    public const int CampaignLength = 5;

    public static async Task<string> SeedAsync(SocialKpiDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lastWeek = IsoWeek.LastCompleteWeek(today);
        var firstWeek = lastWeek.AddWeeks(-(Weeks - 1));
        var weeks = IsoWeek.Range(firstWeek, lastWeek).ToArray();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var workspace = new Workspace { Name = WorkspaceName, Currency = "EUR", Locale = SupportedLocales.French };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync(cancellationToken);

        var profiles = ChannelProfiles();
        var channels = profiles.Select((p, i) => new Channel
        {
            WorkspaceId = workspace.Id,
            Name = p.Name,
            Kind = p.Kind,
            MediaType = p.MediaType,
            Account = p.Account,
            SortOrder = i,
        }).ToList();
        db.Channels.AddRange(channels);
        await db.SaveChangesAsync(cancellationToken);

        var metrics = await db.Metrics.Where(m => m.WorkspaceId == null).ToDictionaryAsync(m => m.Key, cancellationToken);
        var series = Generate(profiles, weeks);

        for (var c = 0; c < channels.Count; c++)
        {
            foreach (var (key, values) in series[c])
            {
                for (var w = 0; w < weeks.Length; w++)
                {
                    db.MetricValues.Add(new MetricValue
                    {
                        WorkspaceId = workspace.Id,
                        ChannelId = channels[c].Id,
                        MetricId = metrics[key].Id,
                        Week = weeks[w].Key,
                        Value = values[w],
                        UpdatedBy = "demo",
                    });
                }
            }
        }

        db.MetricBusinessValues.AddRange(
            new MetricBusinessValue { WorkspaceId = workspace.Id, MetricId = metrics[M.Leads].Id, ValuePerUnit = 40m },
            new MetricBusinessValue { WorkspaceId = workspace.Id, MetricId = metrics[M.NewsletterSignups].Id, ValuePerUnit = 3m },
            new MetricBusinessValue { WorkspaceId = workspace.Id, MetricId = metrics[M.FormCompletions].Id, ValuePerUnit = 15m });

        AddCosts(db, workspace.Id, channels, weeks);
        AddAnnotations(db, workspace.Id, channels, weeks);
        DemoRivals.AddBrandRatings(db, workspace.Id, channels.Single(c => c.Kind == ChannelKind.WebsiteAnalytics), metrics, weeks);
        var rivalInstagramMentions = await DemoRivals.AddAsync(db, workspace.Id, channels, weeks, cancellationToken);
        AddObjectives(db, workspace.Id, channels, metrics, series, weeks, rivalInstagramMentions);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return workspace.Name;
    }

    private sealed record ChannelProfile(
        string Name, ChannelKind Kind, MediaType MediaType, string? Account,
        double Growth, double CampaignBoost, IReadOnlyDictionary<string, double> Base);

    private static List<ChannelProfile> ChannelProfiles() =>
    [
        new("Instagram", ChannelKind.Instagram, MediaType.Owned, "@maisonlumiere", 0.45, 1.6, new Dictionary<string, double>
        {
            [M.Reach] = 18_000, [M.Impressions] = 1.6, [M.VideoViews] = 0.35, [M.Followers] = 24_000, [M.NewFollowers] = 180,
            [M.Reactions] = 0.045, [M.Comments] = 0.0035, [M.Shares] = 0.005, [M.Saves] = 0.006, [M.LinkClicks] = 0.009,
            [M.ProfileVisits] = 0.02, [M.Posts] = 5, [M.Mentions] = 40, [M.MessagesReceived] = 35, [M.AverageResponseTime] = 180,
        }),
        new("Facebook", ChannelKind.Facebook, MediaType.Owned, "facebook.com/maisonlumiere", 0.05, 1.2, new Dictionary<string, double>
        {
            [M.Reach] = 9_000, [M.Impressions] = 1.4, [M.VideoViews] = 0.15, [M.Followers] = 15_000, [M.NewFollowers] = 40,
            [M.Reactions] = 0.025, [M.Comments] = 0.004, [M.Shares] = 0.006, [M.LinkClicks] = 0.015,
            [M.ProfileVisits] = 0.01, [M.Posts] = 4, [M.Mentions] = 15, [M.MessagesReceived] = 25, [M.AverageResponseTime] = 240,
        }),
        new("TikTok", ChannelKind.TikTok, MediaType.Owned, "@maisonlumiere", 1.5, 1.3, new Dictionary<string, double>
        {
            [M.Reach] = 12_000, [M.Impressions] = 1.3, [M.VideoViews] = 2.5, [M.Followers] = 5_000, [M.NewFollowers] = 150,
            [M.Reactions] = 0.06, [M.Comments] = 0.005, [M.Shares] = 0.008, [M.Saves] = 0.004, [M.LinkClicks] = 0.002,
            [M.ProfileVisits] = 0.015, [M.Posts] = 3, [M.Mentions] = 20,
        }),
        new("LinkedIn", ChannelKind.LinkedIn, MediaType.Owned, "linkedin.com/company/maison-lumiere", 0.3, 1.0, new Dictionary<string, double>
        {
            [M.Reach] = 3_000, [M.Impressions] = 1.8, [M.Followers] = 2_800, [M.NewFollowers] = 25,
            [M.Reactions] = 0.03, [M.Comments] = 0.003, [M.Shares] = 0.004, [M.LinkClicks] = 0.012,
            [M.ProfileVisits] = 0.01, [M.Posts] = 2, [M.Mentions] = 5,
        }),
        new("Publicité Meta", ChannelKind.Facebook, MediaType.Paid, null, 0.1, 2.5, new Dictionary<string, double>
        {
            [M.Reach] = 25_000, [M.Impressions] = 2.2, [M.Reactions] = 0.01, [M.Comments] = 0.001, [M.Shares] = 0.001,
            [M.LinkClicks] = 0.011,
        }),
        new("Site web", ChannelKind.WebsiteAnalytics, MediaType.Owned, "maisonlumiere.fr", 0.35, 1.3, new Dictionary<string, double>
        {
            [M.Sessions] = 4_200, [M.BounceRate] = 52, [M.FormCompletions] = 35, [M.NewsletterSignups] = 60, [M.Leads] = 20,
            [M.Conversions] = 85, [M.Revenue] = 48,
        }),
    ];

    /// <summary>Per channel, per metric key, the weekly values.</summary>
    private static List<Dictionary<string, double[]>> Generate(List<ChannelProfile> profiles, IsoWeek[] weeks)
    {
        var weekCount = weeks.Length;
        var random = new Random(20260101);
        var result = new List<Dictionary<string, double[]>>();
        foreach (var profile in profiles)
        {
            var values = new Dictionary<string, double[]>();
            double Noise() => 1 + (0.07 * Gaussian(random));
            double Level(int w, bool campaignSensitive) =>
                (1 + (profile.Growth * w / (weekCount - 1)))
                * Season(weeks[w])
                * (campaignSensitive && IsCampaign(w) ? profile.CampaignBoost : 1);
            double[] Series(Func<int, double> f) => Enumerable.Range(0, weekCount).Select(f).ToArray();
            var b = profile.Base;

            if (b.TryGetValue(M.Reach, out var reach))
            {
                var r = Series(w => Math.Round(reach * Level(w, true) * Noise()));
                values[M.Reach] = r;
                foreach (var key in new[] { M.Impressions, M.VideoViews, M.Reactions, M.Comments, M.Shares, M.Saves, M.LinkClicks, M.ProfileVisits })
                {
                    if (b.TryGetValue(key, out var ratio))
                    {
                        values[key] = Series(w => Math.Round(r[w] * ratio * Noise()));
                    }
                }
            }

            if (b.TryGetValue(M.NewFollowers, out var newFollowers))
            {
                var gained = Series(w => Math.Round(newFollowers * Level(w, true) * Noise()));
                values[M.NewFollowers] = gained;
                var followers = new double[weekCount];
                var total = b[M.Followers];
                for (var w = 0; w < weekCount; w++)
                {
                    // Some unfollow every week: the net gain is ~85 % of the new followers.
                    total += Math.Round(gained[w] * 0.85);
                    followers[w] = total;
                }

                values[M.Followers] = followers;
            }

            foreach (var key in new[] { M.Posts, M.Mentions })
            {
                if (b.TryGetValue(key, out var level))
                {
                    values[key] = Series(w => Math.Max(0, Math.Round(level * Level(w, key == M.Mentions) * Noise())));
                }
            }

            if (b.TryGetValue(M.MessagesReceived, out var messages))
            {
                var received = Series(w => Math.Round(messages * Season(weeks[w]) * Noise()));
                values[M.MessagesReceived] = received;
                // The team answers more of its messages, and faster, as the year goes on.
                values[M.MessagesAnswered] = Series(w => Math.Min(received[w], Math.Round(received[w] * (0.78 + (0.17 * w / (weekCount - 1))))));
                var start = b[M.AverageResponseTime];
                values[M.AverageResponseTime] = Series(w => Math.Round(start * (1 - (0.55 * w / (weekCount - 1))) * Noise()));
            }

            if (b.TryGetValue(M.Sessions, out var sessions))
            {
                var s = Series(w => Math.Round(sessions * Level(w, true) * Noise()));
                values[M.Sessions] = s;
                values[M.BounceRate] = Series(w => Math.Round((b[M.BounceRate] - (6.0 * w / (weekCount - 1))) * (1 + (0.03 * Gaussian(random))), 1));
                foreach (var key in new[] { M.FormCompletions, M.NewsletterSignups, M.Leads, M.Conversions })
                {
                    var perSession = b[key] / sessions;
                    values[key] = Series(w => Math.Round(s[w] * perSession * (key == M.Conversions && IsCampaign(w) ? 1.4 : 1) * Noise()));
                }

                var conversions = values[M.Conversions];
                values[M.Revenue] = Series(w => Math.Round(conversions[w] * b[M.Revenue] * Noise(), 2));
            }

            result.Add(values);
        }

        return result;
    }

    private static bool IsCampaign(int w) => w is >= CampaignStart and < CampaignStart + CampaignLength;

    /// <summary>Candles sell for Christmas: a peak in mid-December (week 50) and a dip in August (week 32).</summary>
    internal static double Season(IsoWeek week)
    {
        var christmas = Math.Exp(-Math.Pow(week.Week - 50, 2) / 18);
        var summer = Math.Exp(-Math.Pow(week.Week - 32, 2) / 20);
        return 1 + (0.35 * christmas) - (0.15 * summer);
    }

    internal static double Gaussian(Random random)
    {
        // Box–Muller; clamped so one unlucky draw never makes a negative count.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Sin(2.0 * Math.PI * u2);
        return Math.Clamp(z, -3, 3);
    }

    private static void AddCosts(SocialKpiDbContext db, int workspaceId, List<Channel> channels, IsoWeek[] weeks)
    {
        var instagram = channels.Single(c => c.Name == "Instagram").Id;
        var tiktok = channels.Single(c => c.Name == "TikTok").Id;
        var ads = channels.Single(c => c.MediaType == MediaType.Paid).Id;
        for (var w = 0; w < weeks.Length; w++)
        {
            var week = weeks[w].Key;
            var campaign = IsCampaign(w);
            db.Costs.AddRange(
                new Cost { WorkspaceId = workspaceId, ChannelId = ads, Week = week, Category = CostCategory.AdSpend, Amount = campaign ? 1_050m : 350m },
                new Cost { WorkspaceId = workspaceId, ChannelId = null, Week = week, Category = CostCategory.StaffTime, Amount = 900m },
                new Cost { WorkspaceId = workspaceId, ChannelId = null, Week = week, Category = CostCategory.Tools, Amount = 79m },
                new Cost { WorkspaceId = workspaceId, ChannelId = instagram, Week = week, Category = CostCategory.ContentProduction, Amount = w == CampaignStart ? 1_500m : 300m },
                new Cost { WorkspaceId = workspaceId, ChannelId = tiktok, Week = week, Category = CostCategory.ContentProduction, Amount = 150m });
        }
    }

    private static void AddAnnotations(SocialKpiDbContext db, int workspaceId, List<Channel> channels, IsoWeek[] weeks)
    {
        var instagram = channels.Single(c => c.Name == "Instagram").Id;
        var facebook = channels.Single(c => c.Name == "Facebook").Id;
        var ads = channels.Single(c => c.MediaType == MediaType.Paid).Id;
        db.Annotations.AddRange(
            new Annotation { WorkspaceId = workspaceId, Date = weeks[CampaignStart].Monday, Text = "Lancement de la campagne « Jardin d'hiver »", ChannelIds = [instagram, ads] },
            new Annotation { WorkspaceId = workspaceId, Date = weeks[CampaignStart + CampaignLength - 1].Sunday, Text = "Fin de la campagne « Jardin d'hiver »", ChannelIds = [instagram, ads] },
            new Annotation { WorkspaceId = workspaceId, Date = weeks[40].Monday.AddDays(2), Text = "Bad buzz : retards de livraison, réponses personnalisées aux clients", ChannelIds = [facebook] },
            new Annotation { WorkspaceId = workspaceId, Date = weeks[46].Monday, Text = "Partenariat avec une créatrice lifestyle (contenu sponsorisé)", ChannelIds = [instagram] });
    }

    private static void AddObjectives(
        SocialKpiDbContext db, int workspaceId, List<Channel> channels, Dictionary<string, Metric> metrics,
        List<Dictionary<string, double[]>> series, IsoWeek[] weeks, double[] rivalInstagramMentions)
    {
        // The objectives started 39 weeks ago and end in 13 weeks: progress and forecasts both have something to say.
        var startIndex = weeks.Length - ElapsedObjectiveWeeks;
        var start = weeks[startIndex].Monday;
        var end = weeks[^1].AddWeeks(Weeks - ElapsedObjectiveWeeks).Sunday;
        int Id(string name) => channels.Single(c => c.Name == name).Id;
        List<int> social = [Id("Instagram"), Id("Facebook"), Id("TikTok"), Id("LinkedIn"), Id("Publicité Meta")];
        List<int> organic = [Id("Instagram"), Id("Facebook"), Id("TikTok"), Id("LinkedIn")];
        List<int> website = [Id("Site web")];
        List<int> video = [Id("Instagram"), Id("TikTok")];
        List<int> messaging = [Id("Instagram"), Id("Facebook")];
        List<int> instagram = [Id("Instagram")];

        double[] Weekly(string key, List<int> channelIds) => Enumerable.Range(0, weeks.Length).Select(w =>
            channels.Select((c, i) => channelIds.Contains(c.Id) && series[i].TryGetValue(key, out var v) ? v[w] : 0).Sum()).ToArray();
        double[] Ratio(double[] numerator, double[] denominator) =>
            numerator.Zip(denominator, (n, d) => d == 0 ? 0 : n / d * 100).ToArray();

        // Targets come from the generated trend: "factor" < 1 puts the KPI ahead of its trajectory,
        // 1.17 about 15 % behind (at risk), 1.5 a third behind (off track).
        Kpi Cumulative(string name, string key, List<int> channelIds, double factor, FunnelStage stage)
        {
            var elapsed = Weekly(key, channelIds).Skip(startIndex).Sum();
            return new Kpi
            {
                Name = name, MetricId = metrics[key].Id, ChannelIds = channelIds, Aggregation = Aggregation.Sum,
                Baseline = 0, Target = Round(elapsed * Weeks / ElapsedObjectiveWeeks * factor), Deadline = end,
                FunnelStage = stage, Unit = KpiUnit.Count,
            };
        }

        Kpi Level(string name, double[] weekly, Aggregation aggregation, double factor, KpiUnit unit, FunnelStage stage,
            Direction direction = Direction.HigherIsBetter)
        {
            double At(int index) => aggregation == Aggregation.Last ? weekly[index] : weekly.Skip(index - 3).Take(4).Average();
            var baseline = At(startIndex - 1);
            var sign = direction == Direction.HigherIsBetter ? 1 : -1;

            // The improvement the trend promises over the whole period; a trend going the wrong way still gets a
            // modest target (5 % better than the baseline), as a community manager would set.
            var improvement = sign * (At(weeks.Length - 1) - baseline) * Weeks / ElapsedObjectiveWeeks;
            if (improvement <= 0)
            {
                improvement = Math.Abs(baseline) * 0.05;
            }

            return new Kpi
            {
                Name = name, Aggregation = aggregation, Baseline = Round(baseline, unit),
                Target = Round(baseline + (sign * improvement * factor), unit),
                Deadline = end, Unit = unit, FunnelStage = stage, Direction = direction,
            };
        }

        Kpi WithMetric(Kpi kpi, string key, List<int> channelIds)
        {
            kpi.MetricId = metrics[key].Id;
            kpi.ChannelIds = channelIds;
            return kpi;
        }

        Kpi WithFormula(Kpi kpi, FormulaId formula, List<int> channelIds)
        {
            kpi.Formula = formula;
            kpi.ChannelIds = channelIds;
            return kpi;
        }

        var engagements = Weekly(M.Reactions, organic).Zip(Weekly(M.Comments, organic), (a, b) => a + b)
            .Zip(Weekly(M.Shares, organic), (a, b) => a + b).Zip(Weekly(M.Saves, organic), (a, b) => a + b).ToArray();

        var objectives = new List<Objective>
        {
            new()
            {
                Name = "Générer du trafic qualifié vers la boutique en ligne", Category = ObjectiveCategory.Trafic,
                Family = ObjectiveFamily.Financial, Owner = "Camille Martin",
                Description = "Faire des réseaux sociaux la deuxième source de visites de maisonlumiere.fr et convertir ces visites.",
                Kpis =
                [
                    Cumulative("Clics vers le site", M.LinkClicks, social, 0.9, FunnelStage.Interest),
                    Cumulative("Sessions du site web", M.Sessions, website, 1.17, FunnelStage.Interest),
                    WithFormula(Level("Taux de clic (CTR)", Ratio(Weekly(M.LinkClicks, social), Weekly(M.Impressions, social)), Aggregation.Average, 0.95, KpiUnit.Percent, FunnelStage.Interest), FormulaId.Ctr, social),
                    Cumulative("Ventes en ligne", M.Conversions, website, 1.5, FunnelStage.Purchase),
                ],
            },
            new()
            {
                Name = "Accroître la visibilité de la marque", Category = ObjectiveCategory.Visibilite,
                Family = ObjectiveFamily.Social, Owner = "Camille Martin",
                Description = "Toucher plus de monde, plus souvent, sur Instagram et TikTok en priorité.",
                Kpis =
                [
                    Cumulative("Portée cumulée", M.Reach, social, 0.9, FunnelStage.Awareness),
                    Cumulative("Impressions", M.Impressions, social, 0.95, FunnelStage.Awareness),
                    WithMetric(Level("Abonnés", Weekly(M.Followers, organic), Aggregation.Last, 1.17, KpiUnit.Count, FunnelStage.Interest), M.Followers, organic),
                    Cumulative("Vues de vidéos", M.VideoViews, video, 0.9, FunnelStage.Awareness),
                ],
            },
            new()
            {
                Name = "Soigner l'image et la relation client", Category = ObjectiveCategory.Image,
                Family = ObjectiveFamily.Social, Owner = "Léa Dubois",
                Description = "Une communauté qui réagit, et des réponses rapides à chaque message.",
                Kpis =
                [
                    WithFormula(Level("Taux d'engagement (portée)", Ratio(engagements, Weekly(M.Reach, organic)), Aggregation.Average, 1.17, KpiUnit.Percent, FunnelStage.Interest), FormulaId.EngagementRateByReach, organic),
                    WithMetric(Level("Temps de réponse moyen", Weekly(M.AverageResponseTime, messaging).Select(v => v / 2).ToArray(), Aggregation.Average, 0.95, KpiUnit.Duration, FunnelStage.Evaluation, Direction.LowerIsBetter), M.AverageResponseTime, messaging),
                    WithFormula(Level("Taux de réponse", Ratio(Weekly(M.MessagesAnswered, messaging), Weekly(M.MessagesReceived, messaging)), Aggregation.Average, 0.95, KpiUnit.Percent, FunnelStage.Evaluation), FormulaId.ResponseRate, messaging),
                    Cumulative("Commentaires", M.Comments, organic, 1.5, FunnelStage.Interest),
                ],
            },
            new()
            {
                Name = "Développer la notoriété de Maison Lumière", Category = ObjectiveCategory.Notoriete,
                Family = ObjectiveFamily.Social, Owner = "Léa Dubois",
                Description = "Qu'on parle de nous : mentions, partages et nouveaux abonnés.",
                Kpis =
                [
                    Cumulative("Mentions de la marque", M.Mentions, organic, 0.9, FunnelStage.Awareness),
                    Cumulative("Partages", M.Shares, organic, 1.17, FunnelStage.Interest),
                    Cumulative("Nouveaux abonnés", M.NewFollowers, organic, 0.95, FunnelStage.Interest),
                    WithFormula(Level("Part de voix sur Instagram", Ratio(Weekly(M.Mentions, instagram), Weekly(M.Mentions, instagram).Zip(rivalInstagramMentions, (a, b) => a + b).ToArray()), Aggregation.Average, 1.17, KpiUnit.Percent, FunnelStage.Awareness), FormulaId.ShareOfVoice, instagram),
                ],
            },
        };

        foreach (var objective in objectives)
        {
            objective.WorkspaceId = workspaceId;
            objective.StartDate = start;
            objective.EndDate = end;
            foreach (var kpi in objective.Kpis)
            {
                kpi.Weight = 1m;
            }
        }

        db.Objectives.AddRange(objectives);
    }

    private static decimal Round(double value, KpiUnit unit = KpiUnit.Count) =>
        Math.Round((decimal)value, unit is KpiUnit.Percent or KpiUnit.Currency ? 2 : 0, MidpointRounding.AwayFromZero);
}
