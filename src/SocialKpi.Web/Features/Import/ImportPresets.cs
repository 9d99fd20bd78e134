using System.Text;
using SocialKpi.Domain.Channels;
using SocialKpi.Domain.Metrics;

namespace SocialKpi.Web.Features.Import;

/// <summary>A built-in mapping for a platform's export (see docs/import.md, "Presets").</summary>
public sealed record BuiltInPreset(string Key, string Name, ChannelKind? Channel, RowKind Rows, IReadOnlyDictionary<string, ColumnMap> Columns);

/// <summary>
/// The exports community managers already have: the headers each platform writes (English and French interfaces),
/// and what each column is in SocialKpi. Headers are compared normalized (lower case, no accents, single spaces).
/// </summary>
public static class ImportPresets
{
    public const string SocialKpi = "socialkpi";

    public static IReadOnlyList<BuiltInPreset> BuiltIn { get; } =
    [
        Preset(SocialKpi, "SocialKpi (week, channel, metric, value)", null, RowKind.Weekly,
            ("week", ColumnRole.Week, null), ("semaine", ColumnRole.Week, null), ("date", ColumnRole.Date, null),
            ("channel", ColumnRole.Channel, null), ("canal", ColumnRole.Channel, null),
            ("metric", ColumnRole.MetricName, null), ("metrique", ColumnRole.MetricName, null),
            ("value", ColumnRole.Value, null), ("valeur", ColumnRole.Value, null),
            ("brand", ColumnRole.Brand, null), ("marque", ColumnRole.Brand, null),
            ("competitor", ColumnRole.Brand, null), ("concurrent", ColumnRole.Brand, null)),
        Preset("meta-business-suite", "Meta Business Suite (posts)", ChannelKind.Facebook, RowKind.PerPost,
            ("publish time", ColumnRole.Date, null), ("heure de publication", ColumnRole.Date, null),
            ("reach", ColumnRole.Figure, StandardMetrics.Reach), ("couverture", ColumnRole.Figure, StandardMetrics.Reach),
            ("impressions", ColumnRole.Figure, StandardMetrics.Impressions), ("views", ColumnRole.Figure, StandardMetrics.Impressions),
            ("reactions", ColumnRole.Figure, StandardMetrics.Reactions), ("likes", ColumnRole.Figure, StandardMetrics.Reactions),
            ("comments", ColumnRole.Figure, StandardMetrics.Comments), ("commentaires", ColumnRole.Figure, StandardMetrics.Comments),
            ("shares", ColumnRole.Figure, StandardMetrics.Shares), ("partages", ColumnRole.Figure, StandardMetrics.Shares),
            ("saves", ColumnRole.Figure, StandardMetrics.Saves), ("enregistrements", ColumnRole.Figure, StandardMetrics.Saves),
            ("link clicks", ColumnRole.Figure, StandardMetrics.LinkClicks), ("clics sur un lien", ColumnRole.Figure, StandardMetrics.LinkClicks),
            ("follows", ColumnRole.Figure, StandardMetrics.NewFollowers), ("post id", ColumnRole.Ignore, null), ("permalink", ColumnRole.Ignore, null)),
        Preset("linkedin", "LinkedIn (page, daily)", ChannelKind.LinkedIn, RowKind.Daily,
            ("date", ColumnRole.Date, null),
            ("impressions (total)", ColumnRole.Figure, StandardMetrics.Impressions),
            ("unique impressions (organic)", ColumnRole.Figure, StandardMetrics.Reach),
            ("clicks (total)", ColumnRole.Figure, StandardMetrics.LinkClicks),
            ("reactions (total)", ColumnRole.Figure, StandardMetrics.Reactions),
            ("comments (total)", ColumnRole.Figure, StandardMetrics.Comments),
            ("reposts (total)", ColumnRole.Figure, StandardMetrics.Shares),
            ("total followers", ColumnRole.Figure, StandardMetrics.Followers)),
        Preset("x", "X (account analytics, daily)", ChannelKind.X, RowKind.Daily,
            ("date", ColumnRole.Date, null), ("impressions", ColumnRole.Figure, StandardMetrics.Impressions),
            ("likes", ColumnRole.Figure, StandardMetrics.Reactions), ("replies", ColumnRole.Figure, StandardMetrics.Comments),
            ("reposts", ColumnRole.Figure, StandardMetrics.Shares), ("bookmarks", ColumnRole.Figure, StandardMetrics.Saves),
            ("profile visits", ColumnRole.Figure, StandardMetrics.ProfileVisits), ("new follows", ColumnRole.Figure, StandardMetrics.NewFollowers),
            ("create post", ColumnRole.Figure, StandardMetrics.Posts), ("video views", ColumnRole.Figure, StandardMetrics.VideoViews),
            ("engagements", ColumnRole.Ignore, null), ("unfollows", ColumnRole.Ignore, null)),
        Preset("tiktok", "TikTok (overview, daily)", ChannelKind.TikTok, RowKind.Daily,
            ("date", ColumnRole.Date, null), ("video views", ColumnRole.Figure, StandardMetrics.VideoViews),
            ("profile views", ColumnRole.Figure, StandardMetrics.ProfileVisits), ("likes", ColumnRole.Figure, StandardMetrics.Reactions),
            ("comments", ColumnRole.Figure, StandardMetrics.Comments), ("shares", ColumnRole.Figure, StandardMetrics.Shares)),
        Preset("youtube-studio", "YouTube Studio (table data, daily)", ChannelKind.YouTube, RowKind.Daily,
            ("date", ColumnRole.Date, null), ("views", ColumnRole.Figure, StandardMetrics.VideoViews),
            ("subscribers", ColumnRole.Figure, StandardMetrics.NewFollowers), ("impressions", ColumnRole.Figure, StandardMetrics.Impressions),
            ("likes", ColumnRole.Figure, StandardMetrics.Reactions), ("comments added", ColumnRole.Figure, StandardMetrics.Comments),
            ("shares", ColumnRole.Figure, StandardMetrics.Shares), ("watch time (hours)", ColumnRole.Ignore, null)),
        Preset("google-analytics", "Google Analytics 4 (daily)", ChannelKind.WebsiteAnalytics, RowKind.Daily,
            ("date", ColumnRole.Date, null, false), ("sessions", ColumnRole.Figure, StandardMetrics.Sessions, false),
            ("bounce rate", ColumnRole.Figure, StandardMetrics.BounceRate, true), ("key events", ColumnRole.Figure, StandardMetrics.Conversions, false),
            ("conversions", ColumnRole.Figure, StandardMetrics.Conversions, false), ("total revenue", ColumnRole.Figure, StandardMetrics.Revenue, false)),
    ];

    /// <summary>Headers that name a role whatever the platform.</summary>
    public static IReadOnlyDictionary<string, ColumnRole> GenericRoles { get; } = new Dictionary<string, ColumnRole>(StringComparer.Ordinal)
    {
        ["date"] = ColumnRole.Date, ["day"] = ColumnRole.Date, ["jour"] = ColumnRole.Date, ["publish time"] = ColumnRole.Date,
        ["date de publication"] = ColumnRole.Date, ["week"] = ColumnRole.Week, ["semaine"] = ColumnRole.Week, ["iso week"] = ColumnRole.Week,
        ["channel"] = ColumnRole.Channel, ["canal"] = ColumnRole.Channel, ["network"] = ColumnRole.Channel, ["reseau"] = ColumnRole.Channel,
        ["platform"] = ColumnRole.Channel, ["plateforme"] = ColumnRole.Channel, ["metric"] = ColumnRole.MetricName,
        ["metrique"] = ColumnRole.MetricName, ["indicateur"] = ColumnRole.MetricName, ["value"] = ColumnRole.Value, ["valeur"] = ColumnRole.Value,
        ["brand"] = ColumnRole.Brand, ["marque"] = ColumnRole.Brand, ["competitor"] = ColumnRole.Brand, ["concurrent"] = ColumnRole.Brand,
    };

    /// <summary>Other names platforms give the standard metrics (besides the key and the French and English names).</summary>
    public static IReadOnlyDictionary<string, string> MetricAliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["portee"] = StandardMetrics.Reach, ["couverture"] = StandardMetrics.Reach, ["accounts reached"] = StandardMetrics.Reach,
        ["video views"] = StandardMetrics.VideoViews, ["vues"] = StandardMetrics.VideoViews,
        ["abonnes"] = StandardMetrics.Followers, ["total followers"] = StandardMetrics.Followers, ["followers"] = StandardMetrics.Followers,
        ["new followers"] = StandardMetrics.NewFollowers, ["nouveaux abonnes"] = StandardMetrics.NewFollowers, ["follows"] = StandardMetrics.NewFollowers,
        ["likes"] = StandardMetrics.Reactions, ["j aime"] = StandardMetrics.Reactions, ["reactions"] = StandardMetrics.Reactions,
        ["comments"] = StandardMetrics.Comments, ["commentaires"] = StandardMetrics.Comments, ["replies"] = StandardMetrics.Comments,
        ["shares"] = StandardMetrics.Shares, ["partages"] = StandardMetrics.Shares, ["reposts"] = StandardMetrics.Shares, ["retweets"] = StandardMetrics.Shares,
        ["saves"] = StandardMetrics.Saves, ["bookmarks"] = StandardMetrics.Saves,
        ["link clicks"] = StandardMetrics.LinkClicks, ["url clicks"] = StandardMetrics.LinkClicks, ["clics"] = StandardMetrics.LinkClicks,
        ["clicks"] = StandardMetrics.LinkClicks, ["profile views"] = StandardMetrics.ProfileVisits, ["user profile clicks"] = StandardMetrics.ProfileVisits,
        ["bounce rate"] = StandardMetrics.BounceRate, ["taux de rebond"] = StandardMetrics.BounceRate,
        ["key events"] = StandardMetrics.Conversions, ["total revenue"] = StandardMetrics.Revenue, ["chiffre d affaires"] = StandardMetrics.Revenue,
    };

    /// <summary>Lower case, accents and punctuation other than parentheses and % removed, single spaces.</summary>
    public static string Normalize(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var text = MappingProposer.StripAccents(header.Trim().TrimStart('\uFEFF')).ToLowerInvariant();
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var keep = char.IsLetterOrDigit(c) || c is '(' or ')' or '%' or '_';
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static BuiltInPreset Preset(string key, string name, ChannelKind? channel, RowKind rows, params (string Header, ColumnRole Role, string? Metric, bool Fraction)[] columns) =>
        new(key, name, channel, rows, columns.ToDictionary(c => c.Header, c => new ColumnMap { Header = c.Header, Role = c.Role, MetricKey = c.Metric, Fraction = c.Fraction }, StringComparer.Ordinal));

    private static BuiltInPreset Preset(string key, string name, ChannelKind? channel, RowKind rows, params (string Header, ColumnRole Role, string? Metric)[] columns) =>
        Preset(key, name, channel, rows, columns.Select(c => (c.Header, c.Role, c.Metric, false)).ToArray());
}
