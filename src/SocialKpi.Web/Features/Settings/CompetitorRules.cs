using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Web.Features.Objectives;

namespace SocialKpi.Web.Features.Settings;

/// <summary>A rival as typed in the settings or sent to the API, before it is checked.</summary>
public sealed class CompetitorDraft
{
    public string? Name { get; set; }

    public string? LogoUrl { get; set; }

    public string? Notes { get; set; }

    /// <summary>The first week compared; null keeps the current one (the last complete week for a new rival).</summary>
    public IsoWeek? TrackedFrom { get; set; }

    /// <summary>Its accounts; they replace the rival's accounts as a whole.</summary>
    public List<CompetitorAccountDraft> Accounts { get; set; } = [];
}

/// <summary>A rival's account on one channel: a handle (@rival) or a URL.</summary>
public sealed record CompetitorAccountDraft(int? ChannelId, string? Handle);

/// <summary>What makes a rival valid: the same rules for the settings page and for the REST API.</summary>
public static class CompetitorRules
{
    /// <param name="draft">The rival typed.</param>
    /// <param name="nameTaken">Whether another rival of the workspace already has the (trimmed) name.</param>
    /// <param name="channelExists">Whether the channel belongs to the workspace.</param>
    public static RuleViolations Validate(CompetitorDraft draft, Func<string, bool> nameTaken, Func<int, bool> channelExists)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(nameTaken);
        ArgumentNullException.ThrowIfNull(channelExists);
        var errors = new RuleViolations();
        var name = errors.RequiredText("name", draft.Name, 100);
        if (name is not null && nameTaken(name))
        {
            errors.Add("name", "RuleCompetitorNameTaken", name);
        }

        var logo = errors.OptionalText("logoUrl", draft.LogoUrl, 500);
        if (logo is not null && !(Uri.TryCreate(logo, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add("logoUrl", "RuleCompetitorLogo", logo);
        }

        errors.OptionalText("notes", draft.Notes, 2000);
        var seen = new HashSet<int>();
        for (var i = 0; i < draft.Accounts.Count; i++)
        {
            var account = draft.Accounts[i];
            errors.RequiredText($"accounts[{i}].handle", account.Handle, 300);
            if (errors.Required($"accounts[{i}].channelId", account.ChannelId) is not { } channelId)
            {
                continue;
            }

            if (!channelExists(channelId))
            {
                errors.Add($"accounts[{i}].channelId", "RuleCompetitorUnknownChannel", channelId);
            }
            else if (!seen.Add(channelId))
            {
                errors.Add($"accounts[{i}].channelId", "RuleCompetitorChannelTwice", channelId);
            }
        }

        return errors;
    }

    /// <summary>Copies a valid draft onto <paramref name="competitor"/>, keeping the account rows of the channels that stay.</summary>
    public static void Apply(CompetitorDraft draft, Competitor competitor)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(competitor);
        competitor.Name = draft.Name!.Trim();
        competitor.LogoUrl = string.IsNullOrWhiteSpace(draft.LogoUrl) ? null : draft.LogoUrl.Trim();
        competitor.Notes = string.IsNullOrWhiteSpace(draft.Notes) ? null : draft.Notes.Trim();
        if (draft.TrackedFrom is { } week)
        {
            competitor.TrackedFromWeek = week.Key;
        }

        var accounts = draft.Accounts.Select(a => new CompetitorAccount { ChannelId = a.ChannelId!.Value, Handle = a.Handle!.Trim() }).ToList();
        competitor.Accounts.RemoveAll(a => !accounts.Exists(n => n.ChannelId == a.ChannelId));
        foreach (var account in accounts)
        {
            if (competitor.Accounts.Find(a => a.ChannelId == account.ChannelId) is { } kept)
            {
                kept.Handle = account.Handle;
            }
            else
            {
                competitor.Accounts.Add(account);
            }
        }
    }
}
