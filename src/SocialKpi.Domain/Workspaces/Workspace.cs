using SocialKpi.Domain.Formulas;

namespace SocialKpi.Domain.Workspaces;

/// <summary>One brand or client. An agency runs several.</summary>
public class Workspace
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>ISO 4217 code, e.g. "EUR".</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>"fr-FR" or "en-US": the language and number format of the workspace.</summary>
    public string Locale { get; set; } = SupportedLocales.French;

    /// <summary>Weeks are ISO weeks; they start on Monday. Kept explicit because users ask.</summary>
    public DayOfWeek WeekStart { get; set; } = DayOfWeek.Monday;

    /// <summary>Which definition of return on attention this workspace reports by default.</summary>
    public RoaVariant DefaultRoaVariant { get; set; } = RoaVariant.EngagedAttentionRate;

    /// <summary>Which definition of return on engagement this workspace reports by default.</summary>
    public RoeVariant DefaultRoeVariant { get; set; } = RoeVariant.ValuePerEngagement;

    /// <summary>Which engagement rate this workspace shows by default.</summary>
    public EngagementRateVariant DefaultEngagementRate { get; set; } = EngagementRateVariant.ByReach;

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public static class SupportedLocales
{
    public const string French = "fr-FR";
    public const string English = "en-US";

    public static IReadOnlyList<string> All { get; } = [French, English];
}
