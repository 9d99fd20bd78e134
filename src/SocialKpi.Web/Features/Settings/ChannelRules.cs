using SocialKpi.Domain.Channels;
using SocialKpi.Web.Features.Objectives;

namespace SocialKpi.Web.Features.Settings;

/// <summary>A channel as typed in the settings or sent to the API, before it is checked.</summary>
public sealed class ChannelDraft
{
    public string? Name { get; set; }

    public ChannelKind? Kind { get; set; }

    public MediaType? MediaType { get; set; } = Domain.Channels.MediaType.Owned;

    public string? Account { get; set; }
}

/// <summary>What makes a channel valid: the same rules for the settings page and for the REST API.</summary>
public static class ChannelRules
{
    /// <param name="draft">The channel typed.</param>
    /// <param name="nameTaken">Whether another channel of the workspace already has the (trimmed) name.</param>
    public static RuleViolations Validate(ChannelDraft draft, Func<string, bool> nameTaken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(nameTaken);
        var errors = new RuleViolations();
        var name = errors.RequiredText("name", draft.Name, 100);
        errors.Required("kind", draft.Kind);
        errors.OptionalText("account", draft.Account, 300);
        if (name is not null && nameTaken(name))
        {
            errors.Add("name", "RuleChannelNameTaken", name);
        }

        return errors;
    }

    /// <summary>Copies a valid draft onto <paramref name="channel"/>; media type defaults to owned.</summary>
    public static void Apply(ChannelDraft draft, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(channel);
        channel.Name = draft.Name!.Trim();
        channel.Kind = draft.Kind!.Value;
        channel.MediaType = draft.MediaType ?? MediaType.Owned;
        channel.Account = string.IsNullOrWhiteSpace(draft.Account) ? null : draft.Account.Trim();
    }
}
