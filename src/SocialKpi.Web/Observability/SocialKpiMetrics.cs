using System.Diagnostics;
using System.Diagnostics.Metrics;
using SocialKpi.Domain.Importing;
using SocialKpi.Web.Features.Import;

namespace SocialKpi.Web.Observability;

/// <summary>
/// The app's own OpenTelemetry instruments (meter "SocialKpi"): imports and report renders, beside ASP.NET Core's
/// request durations. Durations are in seconds, as OpenTelemetry's semantic conventions ask.
/// </summary>
public sealed class SocialKpiMetrics
{
    public const string MeterName = "SocialKpi";

    private readonly Histogram<double> importDuration;
    private readonly Counter<long> importRows;
    private readonly Histogram<double> reportDuration;
    private readonly Histogram<long> reportSize;

    public SocialKpiMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        importDuration = meter.CreateHistogram<double>("socialkpi.import.duration", "s", "Time to write an import, by outcome.");
        importRows = meter.CreateCounter<long>("socialkpi.import.rows", "{row}", "Figures imported, by what happened to them (added, changed, rejected).");
        reportDuration = meter.CreateHistogram<double>("socialkpi.report.duration", "s", "Time to gather and draw a PDF report, by outcome.");
        reportSize = meter.CreateHistogram<long>("socialkpi.report.size", "By", "Size of the PDF reports made.");
    }

    /// <summary>An import's write, from <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp): written, or refused and why.</summary>
    public void Imported(ImportBatch? batch, ImportRefusal? refusal, long startedAt)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", batch is not null ? "imported" : Outcome(refusal?.ToString() ?? "failed"));
        importDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, outcome);
        if (batch is not null)
        {
            importRows.Add(batch.Added, new KeyValuePair<string, object?>("kind", "added"));
            importRows.Add(batch.Changed, new KeyValuePair<string, object?>("kind", "changed"));
            importRows.Add(batch.Rejected, new KeyValuePair<string, object?>("kind", "rejected"));
        }
    }

    /// <summary>A report render from <paramref name="startedAt"/>: its PDF's size, or null when it failed or was cancelled.</summary>
    public void ReportRendered(long startedAt, int? bytes, bool cancelled)
    {
        var outcome = bytes is not null ? "rendered" : cancelled ? "cancelled" : "failed";
        reportDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        if (bytes is { } size)
        {
            reportSize.Record(size);
        }
    }

    /// <summary>"NotAllowed" → "not_allowed": metric labels in the usual snake case.</summary>
    private static string Outcome(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
