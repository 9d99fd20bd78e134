using SocialKpi.Domain.Calendar;

namespace SocialKpi.Domain.Progress;

/// <summary>The value of a KPI (or of a metric) for one ISO week. A week without data simply has no point.</summary>
public sealed record WeeklyPoint(IsoWeek Week, decimal Value);
