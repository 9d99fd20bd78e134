using System.Globalization;
using Microsoft.Extensions.Localization;
using SocialKpi.Domain.Calendar;
using SocialKpi.Web.Resources;

namespace SocialKpi.Web.Features.Import;

/// <summary>The import's problems and reasons as sentences in the user's language (Strings.resx / Strings.fr.resx).</summary>
public static class ImportText
{
    public static string File(IStringLocalizer<Strings> text, FileError error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(error);
        var message = text["ImportFile" + error.Problem].Value;
        return error.Line > 0 ? message + " " + string.Format(CultureInfo.CurrentCulture, text["ImportAtLine"], error.Line) : message;
    }

    public static string Mapping(IStringLocalizer<Strings> text, MappingProblem problem) =>
        (text ?? throw new ArgumentNullException(nameof(text)))["ImportMapping" + problem];

    public static string Reason(IStringLocalizer<Strings> text, Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rejection);
        return rejection.Reason == RejectReason.Duplicate
            ? string.Format(CultureInfo.CurrentCulture, text["ImportRejectDuplicate"], rejection.Detail)
            : text["ImportReject" + rejection.Reason];
    }

    public static string Refusal(IStringLocalizer<Strings> text, ImportRefusal refusal) =>
        (text ?? throw new ArgumentNullException(nameof(text)))["ImportRefusal" + refusal];

    public static string Undo(IStringLocalizer<Strings> text, UndoRefusal refusal, int changedSince)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Format(CultureInfo.CurrentCulture, text["ImportUndo" + refusal], changedSince);
    }

    public static string Role(IStringLocalizer<Strings> text, ColumnRole role) =>
        (text ?? throw new ArgumentNullException(nameof(text)))["ImportRole" + role];

    /// <summary>"2026-W03 · Instagram · Reach" in the user's words.</summary>
    public static string Cell(ImportCatalogue catalogue, Domain.Importing.FigureCell cell)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var channel = catalogue.Channels.FirstOrDefault(c => c.Id == cell.ChannelId)?.Name ?? "?";
        var metric = catalogue.Metrics.FirstOrDefault(m => m.Id == cell.MetricId);
        var name = metric is null ? "?" : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? metric.NameFr : metric.NameEn;
        return $"{IsoWeek.FromKey(cell.Week)} · {channel} · {name}";
    }

    /// <summary>"2026-W03 · Instagram · Likes" for a rival's figure, in the user's words.</summary>
    public static string RivalCell(IStringLocalizer<Strings> text, ImportCatalogue catalogue, RivalCell cell)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalogue);
        var channel = catalogue.Channels.FirstOrDefault(c => c.Id == cell.ChannelId)?.Name ?? "?";
        return $"{IsoWeek.FromKey(cell.Week)} · {channel} · {text["RivalMetric" + cell.Metric]}";
    }

    public static string RivalName(ImportCatalogue catalogue, RivalCell cell) =>
        (catalogue ?? throw new ArgumentNullException(nameof(catalogue))).Rivals.FirstOrDefault(r => r.Id == cell.CompetitorId)?.Name ?? "?";
}
