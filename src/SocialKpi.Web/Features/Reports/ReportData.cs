using SocialKpi.Data.Queries;
using SocialKpi.Domain.Annotations;
using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Reporting;
using SocialKpi.Web.Features.SocialProof;

namespace SocialKpi.Web.Features.Reports;

/// <summary>
/// A headline figure of the period, with the comparison period's value, the change, and the formula variant that produced
/// it (or, for a plain total, its definition in words).
/// </summary>
public sealed record ReportHeadline(string Name, FormulaDefinition? Formula, string? Definition, KpiResult Current, KpiResult Comparison, KpiResult Change);

/// <summary>One channel's figures over the period (null: no data, never 0).</summary>
public sealed record ReportChannelRow(
    string Name,
    string Color,
    decimal? Reach,
    decimal? Engagements,
    KpiResult EngagementRate,
    decimal? LinkClicks,
    decimal? Followers,
    decimal? Cost);

/// <summary>A brand of the benchmark: its colour (the same as on the social-proof page) and its weekly share of voice.</summary>
public sealed record ReportBrand(string Name, bool IsOwnBrand, string Color, IReadOnlyList<BrandPoint> WeeklyShareOfVoice);

/// <summary>The brand against its rivals over the report's period, with the change from the comparison period.</summary>
public sealed record ReportBenchmark(IReadOnlyList<ReportBrand> Brands, IReadOnlyList<BenchmarkRow> Rows);

/// <summary>Everything a report prints, gathered once; rendering reads nothing else.</summary>
public sealed record ReportData(
    ReportDefinition Definition,
    string WorkspaceName,
    string Currency,
    byte[]? Logo,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ObjectiveProgressView> Objectives,
    IReadOnlyList<ReportHeadline> Headlines,
    IReadOnlyList<ReportChannelRow> Channels,
    IReadOnlyList<Annotation> Annotations,
    IReadOnlyList<FormulaDefinition> Formulas,
    IReadOnlyDictionary<int, string> MetricNames,
    ReportBenchmark? Benchmark = null)
{
    public bool IsFrench => Definition.Language.StartsWith("fr", StringComparison.OrdinalIgnoreCase);

    /// <summary>What a KPI measures, in the report's language: its metric's name or its formula's.</summary>
    public string Measures(Kpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.Formula is { } formula ? FormulaCatalog.Get(formula).Name(Definition.Language)
            : kpi.MetricId is { } metric && MetricNames.TryGetValue(metric, out var name) ? name
            : "";
    }
}
