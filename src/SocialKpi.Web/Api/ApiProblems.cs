using Microsoft.AspNetCore.Http.HttpResults;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Workspaces;

namespace SocialKpi.Web.Api;

/// <summary>The API's error answers: RFC 9457 problem details, with a detail that says what to do.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult Unauthorized(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);
}

/// <summary>
/// Collects what is wrong with a request, field by field ("items[3].value"), so one answer lists every mistake;
/// <see cref="ToProblem"/> turns them into a 400 validation problem.
/// </summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            messages = [];
            errors[field] = messages;
        }

        messages.Add(message);
    }

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        detail: "Nothing was written. Fix the fields listed in errors and send the request again.");

    /// <summary>A required text of at most <paramref name="maxLength"/> characters; returns it trimmed, or null after adding an error.</summary>
    public string? RequiredText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return null;
        }

        return OptionalText(field, value, maxLength);
    }

    /// <summary>An optional text of at most <paramref name="maxLength"/> characters; returns it trimmed, null when empty.</summary>
    public string? OptionalText(string field, string? value, int maxLength)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is not null && trimmed.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters (got {trimmed.Length}).");
        }

        return trimmed;
    }

    /// <summary>A required value; adds "Required." when it is missing.</summary>
    public T? Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "Required.");
        }

        return value;
    }

    /// <summary>An ISO week written "2026-W05"; null after adding an error when it is missing or malformed.</summary>
    public IsoWeek? Week(string field, string? text, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Add(field, "Required: an ISO week such as 2026-W05.");
            }

            return null;
        }

        if (IsoWeek.TryParse(text, out var week))
        {
            return week;
        }

        Add(field, $"'{text}' is not an ISO week: write the year, -W and the week number, e.g. 2026-W05 (weeks 1 to 52, or 53 in long years).");
        return null;
    }

    /// <summary>
    /// A period given as ?from=2026-W01&amp;to=2026-W10 (both included). Without from/to: the <paramref name="defaultWeeks"/>
    /// weeks that end with the last complete week.
    /// </summary>
    public (IsoWeek From, IsoWeek To) WeekRange(string? from, string? to, IsoWeek lastCompleteWeek, int defaultWeeks = 12)
    {
        var last = Week("to", to, required: false) ?? lastCompleteWeek;
        var first = Week("from", from, required: false) ?? last.AddWeeks(-(defaultWeeks - 1));
        if (first > last)
        {
            Add("from", $"The period starts ({first}) after it ends ({last}).");
        }

        return (first, last);
    }

    /// <summary>The language of texts (KPI reasons, metric names): ?lang=fr or en, else the workspace's.</summary>
    public string Language(string? lang, Workspace workspace)
    {
        switch (lang?.Trim().ToUpperInvariant())
        {
            case null or "":
                return workspace.Locale;
            case "FR" or "FR-FR":
                return SupportedLocales.French;
            case "EN" or "EN-US":
                return SupportedLocales.English;
            default:
                Add("lang", $"'{lang}' is not a supported language: use fr or en.");
                return workspace.Locale;
        }
    }
}

/// <summary>Text forms the API reads and writes.</summary>
internal static class ApiFormat
{
    /// <summary>"2026-W05" from the stored year × 100 + week.</summary>
    public static string Week(int key) => IsoWeek.FromKey(key).ToString();
}
