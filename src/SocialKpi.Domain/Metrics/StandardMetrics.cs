using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Metrics;

/// <summary>
/// The standard catalogue of micro and macro actions every workspace starts with (seeds 000 and 004).
/// Keys are stable: formulas, imports and the API refer to metrics by key.
/// </summary>
public static class StandardMetrics
{
    public const string Reach = "reach";
    public const string Impressions = "impressions";
    public const string VideoViews = "video_views";
    public const string Followers = "followers";
    public const string NewFollowers = "new_followers";
    public const string Reactions = "reactions";
    public const string Comments = "comments";
    public const string Shares = "shares";
    public const string Saves = "saves";
    public const string LinkClicks = "link_clicks";
    public const string ProfileVisits = "profile_visits";
    public const string Posts = "posts";
    public const string Mentions = "mentions";
    public const string MessagesReceived = "messages_received";
    public const string MessagesAnswered = "messages_answered";
    public const string AverageResponseTime = "avg_response_time";
    public const string Sessions = "sessions";
    public const string BounceRate = "bounce_rate";
    public const string FormCompletions = "form_completions";
    public const string NewsletterSignups = "newsletter_signups";
    public const string Leads = "leads";
    public const string Conversions = "conversions";
    public const string Revenue = "revenue";
    public const string OnlineRating = "online_rating";
    public const string Reviews = "reviews";
    public const string MedianResponseTime = "median_response_time";
    public const string Csat = "csat";
    public const string CustomerRetention = "customer_retention";

    public static IReadOnlyList<StandardMetric> All { get; } =
    [
        new(Reach, "Portée", "Reach", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Awareness),
        new(Impressions, "Impressions", "Impressions", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Awareness),
        new(VideoViews, "Vues de vidéos", "Video views", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Awareness),
        new(Followers, "Abonnés (fin de semaine)", "Followers (end of week)", MetricUnit.Count, Aggregation.Last, ActionKind.Micro, FunnelStage.Interest),
        new(NewFollowers, "Nouveaux abonnés", "New followers", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Interest),
        new(Reactions, "Réactions / J'aime", "Reactions / likes", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Interest),
        new(Comments, "Commentaires", "Comments", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Interest),
        new(Shares, "Partages", "Shares", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Interest),
        new(Saves, "Enregistrements", "Saves", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Interest),
        new(LinkClicks, "Clics sur les liens", "Link clicks", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Interest),
        new(ProfileVisits, "Visites du profil", "Profile visits", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Interest),
        new(Posts, "Publications", "Posts published", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, null),
        new(Mentions, "Mentions", "Mentions", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Awareness),
        new(MessagesReceived, "Messages reçus", "Messages received", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Evaluation),
        new(MessagesAnswered, "Messages répondus", "Messages answered", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Evaluation),
        new(AverageResponseTime, "Temps de réponse moyen", "Average response time", MetricUnit.Duration, Aggregation.Average, ActionKind.Micro, FunnelStage.Evaluation),
        new(Sessions, "Sessions (site web)", "Sessions (website)", MetricUnit.Count, Aggregation.Sum, ActionKind.Micro, FunnelStage.Interest),
        new(BounceRate, "Taux de rebond", "Bounce rate", MetricUnit.Percent, Aggregation.Average, ActionKind.Micro, FunnelStage.Evaluation),
        new(FormCompletions, "Formulaires remplis", "Form completions", MetricUnit.Count, Aggregation.Sum, ActionKind.Macro, FunnelStage.Evaluation),
        new(NewsletterSignups, "Inscriptions à la newsletter", "Newsletter sign-ups", MetricUnit.Count, Aggregation.Sum, ActionKind.Macro, FunnelStage.Evaluation),
        new(Leads, "Prospects (leads)", "Leads", MetricUnit.Count, Aggregation.Sum, ActionKind.Macro, FunnelStage.Evaluation),
        new(Conversions, "Conversions", "Conversions", MetricUnit.Count, Aggregation.Sum, ActionKind.Macro, FunnelStage.Purchase),
        new(Revenue, "Chiffre d'affaires attribué", "Attributed revenue", MetricUnit.Currency, Aggregation.Sum, ActionKind.Macro, FunnelStage.Purchase),

        // Social proof (seed 001): how customers rate the brand online, compared with its rivals' ratings.
        new(OnlineRating, "Note moyenne en ligne (étoiles)", "Average online rating (stars)", MetricUnit.Count, Aggregation.Average, ActionKind.Micro, FunnelStage.Evaluation),
        new(Reviews, "Avis en ligne (nombre en fin de semaine)", "Online reviews (count at end of week)", MetricUnit.Count, Aggregation.Last, ActionKind.Micro, FunnelStage.Evaluation),

        // Customer service (seed 001's second goal). A weekly median cannot be combined exactly, so weeks are averaged.
        new(MedianResponseTime, "Temps de réponse médian", "Median response time", MetricUnit.Duration, Aggregation.Average, ActionKind.Micro, FunnelStage.Evaluation),
        new(Csat, "Satisfaction client (CSAT)", "Customer satisfaction (CSAT)", MetricUnit.Percent, Aggregation.Average, ActionKind.Micro, FunnelStage.Evaluation),
        new(CustomerRetention, "Taux de fidélisation", "Customer retention rate", MetricUnit.Percent, Aggregation.Average, ActionKind.Macro, FunnelStage.Purchase),
    ];

    public static StandardMetric? Find(string key) => All.FirstOrDefault(m => m.Key == key);
}

/// <summary>An entry of the standard catalogue.</summary>
public sealed record StandardMetric(
    string Key,
    string NameFr,
    string NameEn,
    MetricUnit Unit,
    Aggregation Aggregation,
    ActionKind ActionKind,
    FunnelStage? FunnelStage)
{
    public Metric ToMetric() => new()
    {
        Key = Key,
        NameFr = NameFr,
        NameEn = NameEn,
        Unit = Unit,
        Aggregation = Aggregation,
        ActionKind = ActionKind,
        FunnelStage = FunnelStage,
    };
}
