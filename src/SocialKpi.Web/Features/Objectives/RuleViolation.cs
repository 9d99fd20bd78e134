using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using SocialKpi.Web.Resources;

namespace SocialKpi.Web.Features.Objectives;

/// <summary>
/// One broken rule of an objective, KPI, channel or metric: the field at fault (the API's name for it) and a UI string
/// key with its arguments. The pages show it in the user's language; the REST API answers it in English — one rule,
/// one wording, two audiences.
/// </summary>
public sealed record RuleViolation(string Field, string MessageKey, params object[] Arguments)
{
    private static readonly ResourceManager Resources = new(typeof(Strings).FullName!, typeof(Strings).Assembly);

    /// <summary>The message in the user's language.</summary>
    public string Message(IStringLocalizer<Strings> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Format(CultureInfo.CurrentCulture, text[MessageKey], Arguments);
    }

    /// <summary>The message in English (the neutral resources), for the REST API.</summary>
    public string EnglishMessage() =>
        string.Format(CultureInfo.InvariantCulture, Resources.GetString(MessageKey, CultureInfo.InvariantCulture) ?? MessageKey, Arguments);
}

/// <summary>Collects violations while a rule set checks a draft; helpers for the common shapes of field.</summary>
public sealed class RuleViolations : List<RuleViolation>
{
    public void Add(string field, string messageKey, params object[] arguments) => Add(new RuleViolation(field, messageKey, arguments));

    /// <summary>A required text of at most <paramref name="maxLength"/> characters; returns it trimmed (null when missing).</summary>
    public string? RequiredText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "RuleRequired");
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
            Add(field, "RuleTooLong", maxLength, trimmed.Length);
        }

        return trimmed;
    }

    public T? Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "RuleRequired");
        }

        return value;
    }

    /// <summary>The first message per field, in the user's language, for a form.</summary>
    public IReadOnlyDictionary<string, string> ByField(IStringLocalizer<Strings> text) =>
        this.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.First().Message(text));
}
