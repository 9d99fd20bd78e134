using SocialKpi.Domain.Reporting;

namespace SocialKpi.Web.Features.Reports;

/// <summary>
/// Produces report PDFs for the pages and the API. Rendering is CPU work: it runs on the thread pool, never on a
/// circuit's or a request's thread, and at most <see cref="MaxConcurrentRenderings"/> at a time, so a burst of long
/// reports leaves a core to everyone else.
/// </summary>
public sealed partial class ReportRunner(ReportBuilder builder, ILogger<ReportRunner> logger, Observability.SocialKpiMetrics metrics) : IDisposable
{
    public const int MaxConcurrentRenderings = 1;

    private readonly SemaphoreSlim gate = new(MaxConcurrentRenderings);

    /// <summary>The PDF of <paramref name="definition"/>; <paramref name="progress"/> goes from 0 to 1 (0.1 once the data is read).</summary>
    public async Task<byte[]> RenderAsync(ReportDefinition definition, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        progress?.Report(0.02);
        await gate.WaitAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        byte[]? pdf = null;
        try
        {
            var data = await builder.BuildAsync(definition, cancellationToken);
            progress?.Report(0.1);
            pdf = await Task.Run(() => PdfReportRenderer.Render(data, progress is null ? null : new Progress(progress)), cancellationToken);
            var milliseconds = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogRendered(logger, definition.WorkspaceId, definition.From.Key, definition.To.Key, definition.Language, pdf.Length, milliseconds);
            return pdf;
        }
        finally
        {
            metrics.ReportRendered(started, pdf?.Length, cancellationToken.IsCancellationRequested);
            gate.Release();
        }
    }

    /// <summary>"maison-lumiere-2026-W35-2026-W47.pdf": the file name a download gets.</summary>
    public static string FileName(string workspaceName, ReportDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return $"{Slug(workspaceName)}-{definition.From}-{definition.To}.pdf";
    }

    /// <summary>"maison-lumiere": a workspace name fit for a file name (ASCII letters and digits, dashes).</summary>
    public static string Slug(string workspaceName)
    {
        ArgumentNullException.ThrowIfNull(workspaceName);
        var slug = new string(workspaceName.Normalize(System.Text.NormalizationForm.FormD)
                .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
                .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')
                .ToArray())
            .Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Length == 0 ? "workspace" : slug;
    }

    public void Dispose() => gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Report of workspace {WorkspaceId} for {From}..{To} ({Language}): {Bytes} bytes in {Milliseconds} ms")]
    private static partial void LogRendered(ILogger logger, int workspaceId, int from, int to, string language, int bytes, long milliseconds);

    /// <summary>Maps the renderer's 0..1 onto 0.1..1: reading the data is the first tenth.</summary>
    private sealed class Progress(IProgress<double> inner) : IProgress<double>
    {
        public void Report(double value) => inner.Report(0.1 + (0.9 * value));
    }
}
