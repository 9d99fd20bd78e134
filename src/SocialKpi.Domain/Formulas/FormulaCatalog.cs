using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Domain.Formulas;

/// <summary>
/// Every formula a KPI can measure (<see cref="FormulaId"/>), with its names and definitions for the user, the inputs it
/// needs, and how to evaluate it on a period's aggregated inputs. The formulas themselves live in the static classes
/// of this folder (<see cref="EngagementRate"/>, <see cref="CostEfficiency"/>…); docs/metrics.md gives their sources.
/// </summary>
public static class FormulaCatalog
{
    private static readonly string[] EngagementKeys =
        [StandardMetrics.Reactions, StandardMetrics.Comments, StandardMetrics.Shares, StandardMetrics.Saves];

    private static readonly Dictionary<FormulaId, FormulaDefinition> ById = Build().ToDictionary(d => d.Id);

    /// <summary>All definitions, in <see cref="FormulaId"/> order.</summary>
    public static IReadOnlyList<FormulaDefinition> All { get; } = [.. ById.Values.OrderBy(d => d.Id)];

    /// <summary>The definition of <paramref name="id"/>.</summary>
    public static FormulaDefinition Get(FormulaId id) =>
        ById.TryGetValue(id, out var definition)
            ? definition
            : throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown formula.");

    /// <summary>The definition whose stable <see cref="FormulaDefinition.Key"/> is <paramref name="key"/>; null when none is.</summary>
    public static FormulaDefinition? FindByKey(string key) => All.FirstOrDefault(d => d.Key == key);

    /// <summary>Evaluates <paramref name="id"/> on period-aggregated inputs.</summary>
    public static KpiResult Compute(FormulaId id, FormulaInputs inputs) => Get(id).Compute(inputs);

    private static IEnumerable<FormulaDefinition> Build()
    {
        yield return EngagementRateDefinition(
            FormulaId.EngagementRateByReach,
            EngagementRateVariant.ByReach,
            ("Taux d'engagement (portée)", "Engagement rate (reach)"),
            ("Interactions (réactions, commentaires, partages, enregistrements) ÷ portée × 100 : la part des personnes touchées qui ont interagi.",
             "Engagements (reactions, comments, shares, saves) ÷ reach × 100: the share of the people reached who engaged."));
        yield return EngagementRateDefinition(
            FormulaId.EngagementRateByImpressions,
            EngagementRateVariant.ByImpressions,
            ("Taux d'engagement (impressions)", "Engagement rate (impressions)"),
            ("Interactions ÷ impressions × 100 : les interactions par affichage, la mesure usuelle pour les publications sponsorisées.",
             "Engagements ÷ impressions × 100: engagements per display, the usual measure for paid posts."));
        yield return EngagementRateDefinition(
            FormulaId.EngagementRateByFollowers,
            EngagementRateVariant.ByFollowers,
            ("Taux d'engagement (abonnés)", "Engagement rate (followers)"),
            ("Interactions ÷ abonnés en fin de période × 100 : la part de la communauté qui a interagi.",
             "Engagements ÷ followers at the end of the period × 100: the share of the community that engaged."));
        yield return EngagementRateDefinition(
            FormulaId.EngagementPerPost,
            EngagementRateVariant.PerPost,
            ("Engagement par publication", "Engagement per post"),
            ("Interactions ÷ publications : le nombre moyen d'interactions obtenues par publication.",
             "Engagements ÷ posts published: the average number of engagements a post earns."));
        yield return EngagementRateDefinition(
            FormulaId.EngagementRateByViews,
            EngagementRateVariant.ByViews,
            ("Taux d'engagement (vues)", "Engagement rate (views)"),
            ("Interactions ÷ vues de vidéos × 100 : pour les réseaux vidéo (YouTube, TikTok).",
             "Engagements ÷ video views × 100: for video networks (YouTube, TikTok)."));

        yield return new FormulaDefinition(
            FormulaId.CostPerEngagement,
            CostEfficiency.CostPerEngagementKey,
            ("Coût par engagement", "Cost per engagement"),
            ("Coûts de la période ÷ interactions : ce qu'a coûté une interaction.",
             "Cost of the period ÷ engagements: what one engagement cost."),
            KpiUnit.Currency,
            Direction.LowerIsBetter,
            EngagementKeys,
            FormulaNeeds.Cost,
            inputs => WithEngagements(inputs, CostEfficiency.CostPerEngagementKey, KpiUnit.Currency, e => CostEfficiency.CostPerEngagement(inputs.Cost, e)));
        yield return new FormulaDefinition(
            FormulaId.Cpm,
            CostEfficiency.CpmKey,
            ("CPM (coût pour mille impressions)", "CPM (cost per thousand impressions)"),
            ("Coûts ÷ impressions × 1 000 : le prix de mille affichages.",
             "Cost ÷ impressions × 1,000: the price of a thousand displays."),
            KpiUnit.Currency,
            Direction.LowerIsBetter,
            [StandardMetrics.Impressions],
            FormulaNeeds.Cost,
            inputs => CostEfficiency.Cpm(inputs.Cost, inputs.Value(StandardMetrics.Impressions)));
        yield return new FormulaDefinition(
            FormulaId.Cpc,
            CostEfficiency.CpcKey,
            ("CPC (coût par clic)", "CPC (cost per click)"),
            ("Coûts ÷ clics sur les liens : le prix d'un clic.",
             "Cost ÷ link clicks: the price of one click."),
            KpiUnit.Currency,
            Direction.LowerIsBetter,
            [StandardMetrics.LinkClicks],
            FormulaNeeds.Cost,
            inputs => CostEfficiency.Cpc(inputs.Cost, inputs.Value(StandardMetrics.LinkClicks)));
        yield return new FormulaDefinition(
            FormulaId.Ctr,
            ClickThroughRate.FormulaKey,
            ("Taux de clic (CTR)", "Click-through rate (CTR)"),
            ("Clics sur les liens ÷ impressions × 100 : la part des affichages qui ont amené un clic.",
             "Link clicks ÷ impressions × 100: the share of displays that led to a click."),
            KpiUnit.Percent,
            Direction.HigherIsBetter,
            [StandardMetrics.LinkClicks, StandardMetrics.Impressions],
            FormulaNeeds.None,
            inputs => ClickThroughRate.Of(inputs.Value(StandardMetrics.LinkClicks), inputs.Value(StandardMetrics.Impressions)));
        yield return new FormulaDefinition(
            FormulaId.ViralityRate,
            ViralityRate.FormulaKey,
            ("Taux de viralité", "Virality rate"),
            ("Partages ÷ impressions × 100 : à quel point le message est relayé par ceux qui le voient.",
             "Shares ÷ impressions × 100: how much the message is passed on by those who see it."),
            KpiUnit.Percent,
            Direction.HigherIsBetter,
            [StandardMetrics.Shares, StandardMetrics.Impressions],
            FormulaNeeds.None,
            inputs => ViralityRate.Of(inputs.Value(StandardMetrics.Shares), inputs.Value(StandardMetrics.Impressions)));
        yield return new FormulaDefinition(
            FormulaId.AmplificationRate,
            FollowerActionRate.AmplificationKey,
            ("Taux d'amplification", "Amplification rate"),
            ("Partages par publication ÷ abonnés × 100 : à quel point les abonnés relaient les publications (Avinash Kaushik).",
             "Shares per post ÷ followers × 100: how readily followers pass posts on (Avinash Kaushik)."),
            KpiUnit.Percent,
            Direction.HigherIsBetter,
            [StandardMetrics.Shares, StandardMetrics.Posts, StandardMetrics.Followers],
            FormulaNeeds.None,
            inputs => FollowerActionRate.Amplification(inputs.Value(StandardMetrics.Shares), inputs.Value(StandardMetrics.Posts), inputs.Value(StandardMetrics.Followers)));
        yield return new FormulaDefinition(
            FormulaId.ApplauseRate,
            FollowerActionRate.ApplauseKey,
            ("Taux d'applaudissement", "Applause rate"),
            ("Réactions (j'aime) par publication ÷ abonnés × 100 : à quel point les abonnés approuvent les publications (Avinash Kaushik).",
             "Reactions (likes) per post ÷ followers × 100: how much followers approve of posts (Avinash Kaushik)."),
            KpiUnit.Percent,
            Direction.HigherIsBetter,
            [StandardMetrics.Reactions, StandardMetrics.Posts, StandardMetrics.Followers],
            FormulaNeeds.None,
            inputs => FollowerActionRate.Applause(inputs.Value(StandardMetrics.Reactions), inputs.Value(StandardMetrics.Posts), inputs.Value(StandardMetrics.Followers)));
        yield return new FormulaDefinition(
            FormulaId.ConversationRate,
            FollowerActionRate.ConversationKey,
            ("Taux de conversation", "Conversation rate"),
            ("Commentaires par publication ÷ abonnés × 100 : à quel point les abonnés répondent aux publications (Avinash Kaushik).",
             "Comments per post ÷ followers × 100: how much followers talk back (Avinash Kaushik)."),
            KpiUnit.Percent,
            Direction.HigherIsBetter,
            [StandardMetrics.Comments, StandardMetrics.Posts, StandardMetrics.Followers],
            FormulaNeeds.None,
            inputs => FollowerActionRate.Conversation(inputs.Value(StandardMetrics.Comments), inputs.Value(StandardMetrics.Posts), inputs.Value(StandardMetrics.Followers)));
        yield return new FormulaDefinition(
            FormulaId.FollowerGrowthRate,
            FollowerGrowthRate.FormulaKey,
            ("Croissance des abonnés", "Follower growth rate"),
            ("(Abonnés en fin de période − abonnés en début de période) ÷ abonnés en début de période × 100.",
             "(Followers at the end of the period − followers at its start) ÷ followers at its start × 100."),
            KpiUnit.Percent,
            Direction.HigherIsBetter,
            [StandardMetrics.Followers],
            FormulaNeeds.StartValue,
            inputs => FollowerGrowthRate.Of(inputs.StartValue(StandardMetrics.Followers), inputs.Value(StandardMetrics.Followers)));
        yield return new FormulaDefinition(
            FormulaId.ConversionRate,
            ConversionRate.ByLinkClicksKey,
            ("Taux de conversion", "Conversion rate"),
            ("Conversions ÷ clics sur les liens × 100 : la part du trafic envoyé par les réseaux sociaux qui a converti.",
             "Conversions ÷ link clicks × 100: the share of the traffic sent by social media that converted."),
            KpiUnit.Percent,
            Direction.HigherIsBetter,
            [StandardMetrics.Conversions, StandardMetrics.LinkClicks],
            FormulaNeeds.None,
            inputs => ConversionRate.ByLinkClicks(inputs.Value(StandardMetrics.Conversions), inputs.Value(StandardMetrics.LinkClicks)));
        yield return new FormulaDefinition(
            FormulaId.ResponseRate,
            ResponseRate.FormulaKey,
            ("Taux de réponse", "Response rate"),
            ("Messages répondus ÷ messages reçus × 100.",
             "Messages answered ÷ messages received × 100."),
            KpiUnit.Percent,
            Direction.HigherIsBetter,
            [StandardMetrics.MessagesAnswered, StandardMetrics.MessagesReceived],
            FormulaNeeds.None,
            inputs => ResponseRate.Of(inputs.Value(StandardMetrics.MessagesAnswered), inputs.Value(StandardMetrics.MessagesReceived)));
        yield return new FormulaDefinition(
            FormulaId.AverageResponseTime,
            ResponseTime.FormulaKey,
            ("Temps de réponse moyen", "Average response time"),
            ("Moyenne des temps de réponse hebdomadaires, pondérée par le nombre de messages répondus, en minutes.",
             "Mean of the weekly response times, weighted by the number of messages answered, in minutes."),
            KpiUnit.Duration,
            Direction.LowerIsBetter,
            [StandardMetrics.AverageResponseTime, StandardMetrics.MessagesAnswered],
            FormulaNeeds.None,

            // The period value of avg_response_time is expected already weighted by messages answered
            // (ResponseTime.Average(IEnumerable<WeeklyResponseTime>) gives the rule the data layer follows).
            inputs => ResponseTime.Average(inputs.Value(StandardMetrics.AverageResponseTime)));
        yield return new FormulaDefinition(
            FormulaId.ShareOfVoice,
            ShareOfVoice.FormulaKey,
            ("Part de voix", "Share of voice"),
            ("Mentions de la marque ÷ mentions de toutes les marques suivies (la marque comprise) × 100.",
             "Mentions of the brand ÷ mentions of all tracked brands (the brand included) × 100."),
            KpiUnit.Percent,
            Direction.HigherIsBetter,
            [StandardMetrics.Mentions],
            FormulaNeeds.AllTrackedBrandsMentions | FormulaNeeds.Competitors,
            inputs => inputs.Benchmark is { } benchmark && benchmark.Brands.FirstOrDefault(b => b.IsOwnBrand) is { } own
                ? Benchmark.ShareOfVoice(benchmark.Brands, own.Name, benchmark.From, benchmark.To)
                : ShareOfVoice.Of(inputs.Value(StandardMetrics.Mentions), inputs.AllTrackedBrandsMentions));
        yield return new FormulaDefinition(
            FormulaId.Roi,
            Roi.FormulaKey,
            ("Retour sur investissement (ROI)", "Return on investment (ROI)"),
            ("(Chiffre d'affaires attribué + conversions valorisées − coûts) ÷ coûts ; 9 signifie 900 %. Les conversions sans valeur ne sont pas comptées.",
             "(Attributed revenue + valued conversions − cost) ÷ cost; 9 means 900 %. Conversions without a value are not counted."),
            KpiUnit.Ratio,
            Direction.HigherIsBetter,
            [StandardMetrics.Revenue, .. AttributedValue.ValuableMetricKeys],
            FormulaNeeds.Cost,
            inputs => Roi.FromInputs(inputs).Ratio);

        yield return RoaDefinition(
            RoaVariant.EngagedAttentionRate,
            ("ROA — attention engagée", "ROA — engaged attention"),
            ("Interactions ÷ portée × 100 : la part de l'attention captée qui s'est transformée en interaction.",
             "Engagements ÷ reach × 100: the share of the attention captured that turned into engagement."),
            [.. EngagementKeys, StandardMetrics.Reach],
            FormulaNeeds.None);
        yield return RoaDefinition(
            RoaVariant.ReachPerCost,
            ("ROA — portée par unité de coût", "ROA — reach per unit of cost"),
            ("Portée ÷ coûts : les personnes touchées par unité monétaire dépensée.",
             "Reach ÷ cost: people reached per unit of currency spent."),
            [StandardMetrics.Reach],
            FormulaNeeds.Cost);
        yield return RoaDefinition(
            RoaVariant.AttentionRetention,
            ("ROA — attention retenue", "ROA — attention retained"),
            ("(Nouveaux abonnés + visites du profil) ÷ portée × 100 : l'attention transformée en intérêt durable.",
             "(New followers + profile visits) ÷ reach × 100: attention turned into lasting interest."),
            [StandardMetrics.NewFollowers, StandardMetrics.ProfileVisits, StandardMetrics.Reach],
            FormulaNeeds.None);

        yield return RoeDefinition(
            RoeVariant.ValuePerEngagement,
            ("ROE — valeur par engagement", "ROE — value per engagement"),
            ("(Chiffre d'affaires attribué + conversions valorisées) ÷ interactions : ce que rapporte une interaction.",
             "(Attributed revenue + valued conversions) ÷ engagements: what one engagement brings."),
            [.. EngagementKeys, StandardMetrics.Revenue, .. AttributedValue.ValuableMetricKeys],
            FormulaNeeds.None);
        yield return RoeDefinition(
            RoeVariant.ConversionsPerEngagement,
            ("ROE — conversions par engagement", "ROE — conversions per engagement"),
            ("Conversions ÷ interactions × 100 : la part des interactions qui ont abouti à une conversion.",
             "Conversions ÷ engagements × 100: the share of engagements that ended in a conversion."),
            [.. EngagementKeys, StandardMetrics.Conversions],
            FormulaNeeds.None);
        yield return RoeDefinition(
            RoeVariant.EngagementsPerCost,
            ("ROE — engagements par unité de coût", "ROE — engagements per unit of cost"),
            ("Interactions ÷ coûts : les interactions obtenues par unité monétaire dépensée.",
             "Engagements ÷ cost: engagements obtained per unit of currency spent."),
            EngagementKeys,
            FormulaNeeds.Cost);

        foreach (var rank in RankDefinitions())
        {
            yield return rank;
        }
    }

    private static FormulaDefinition EngagementRateDefinition(
        FormulaId id,
        EngagementRateVariant variant,
        (string Fr, string En) name,
        (string Fr, string En) definition)
    {
        var key = EngagementRate.FormulaKey(variant);
        var unit = EngagementRate.UnitOf(variant);
        var denominator = EngagementRate.DenominatorInput(variant);
        return new FormulaDefinition(
            id,
            key,
            name,
            definition,
            unit,
            Direction.HigherIsBetter,
            [.. EngagementKeys, denominator],
            FormulaNeeds.None,
            inputs => WithEngagements(inputs, key, unit, e => EngagementRate.Compute(variant, e, inputs.Value(denominator))));
    }

    private static IEnumerable<FormulaDefinition> RankDefinitions()
    {
        yield return RankDefinition(
            FormulaId.FollowerGrowthRank,
            FollowerGrowthRate.FormulaKey,
            ("Rang sur la croissance des abonnés", "Rank on follower growth"),
            ("Place de la marque parmi les marques suivies (1 = la meilleure) pour la croissance des abonnés depuis le début de l'objectif.",
             "The brand's place among the tracked brands (1 = best) on follower growth since the objective started."),
            [StandardMetrics.Followers],
            Benchmark.FollowerGrowth);
        yield return RankDefinition(
            FormulaId.InteractionsPerPostRank,
            Benchmark.InteractionsPerPostKey,
            ("Rang sur les interactions par publication", "Rank on interactions per post"),
            ("Place de la marque parmi les marques suivies (1 = la meilleure) pour les interactions publiques (j'aime, commentaires, partages) par publication depuis le début de l'objectif.",
             "The brand's place among the tracked brands (1 = best) on public interactions (likes, comments, shares) per post since the objective started."),
            [StandardMetrics.Reactions, StandardMetrics.Comments, StandardMetrics.Shares, StandardMetrics.Posts],
            Benchmark.InteractionsPerPost);
        yield return RankDefinition(
            FormulaId.EngagementPerFollowerRank,
            Benchmark.EngagementPerFollowerKey,
            ("Rang sur l'engagement par abonné", "Rank on engagement per follower"),
            ("Place de la marque parmi les marques suivies (1 = la meilleure) pour les interactions publiques ÷ abonnés depuis le début de l'objectif.",
             "The brand's place among the tracked brands (1 = best) on public interactions ÷ followers since the objective started."),
            [StandardMetrics.Reactions, StandardMetrics.Comments, StandardMetrics.Shares, StandardMetrics.Followers],
            Benchmark.EngagementPerFollower);
    }

    /// <summary>A rank among the tracked brands on a benchmark figure: 1 is best, so lower is better.</summary>
    private static FormulaDefinition RankDefinition(
        FormulaId id, string figureKey, (string Fr, string En) name, (string Fr, string En) definition, string[] metricKeys,
        Func<BrandFigures, IsoWeek, IsoWeek, KpiResult> figure) =>
        new(
            id,
            Benchmark.RankKey(figureKey),
            name,
            definition,
            KpiUnit.Count,
            Direction.LowerIsBetter,
            metricKeys,
            FormulaNeeds.Competitors | FormulaNeeds.SinceStart,
            inputs => inputs.Benchmark is { } benchmark
                ? Benchmark.OwnRank(benchmark.Brands, b => figure(b, benchmark.From, benchmark.To), Direction.HigherIsBetter, benchmark.To)
                : KpiResult.Fails(Benchmark.RankKey(figureKey), KpiUnit.Count, NotComputableReason.MissingInput, FormulaInputNames.Competitors));

    private static FormulaDefinition RoaDefinition(RoaVariant variant, (string Fr, string En) name, (string Fr, string En) definition, string[] metricKeys, FormulaNeeds needs) =>
        new(
            ReturnOnAttention.FormulaIdOf(variant),
            ReturnOnAttention.FormulaKey(variant),
            name,
            definition,
            ReturnOnAttention.UnitOf(variant),
            Direction.HigherIsBetter,
            metricKeys,
            needs,
            inputs => ReturnOnAttention.Compute(variant, inputs));

    private static FormulaDefinition RoeDefinition(RoeVariant variant, (string Fr, string En) name, (string Fr, string En) definition, string[] metricKeys, FormulaNeeds needs) =>
        new(
            ReturnOnEngagement.FormulaIdOf(variant),
            ReturnOnEngagement.FormulaKey(variant),
            name,
            definition,
            ReturnOnEngagement.UnitOf(variant),
            Direction.HigherIsBetter,
            metricKeys,
            needs,
            inputs => ReturnOnEngagement.Compute(variant, inputs));

    /// <summary>Evaluates a formula on the engagements total, passing on why the total is not computable if it is not.</summary>
    private static KpiResult WithEngagements(FormulaInputs inputs, string formula, KpiUnit unit, Func<decimal, KpiResult> compute)
    {
        var engagements = Engagements.FromInputs(inputs);
        return engagements.Value is { } total ? compute(total) : FormulaGuard.Relabel(engagements, formula, unit);
    }
}
