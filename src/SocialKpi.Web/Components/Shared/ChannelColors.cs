using SocialKpi.Domain.Channels;

namespace SocialKpi.Web.Components.Shared;

/// <summary>
/// THE channel palette: every chart, legend and report colours a channel the same way. A channel keeps its colour by
/// its place in the workspace's channel list (sort order, then id — archived channels keep their place), so Instagram is
/// the same colour on the dashboard, the objective page and the channel page. The colours are mid-tones (Tailwind's
/// 500–600 range) that keep a contrast of at least 3:1 both on white and on a dark theme's background, and neighbours
/// differ in hue so a stacked bar stays readable.
/// </summary>
public static class ChannelColors
{
    public static IReadOnlyList<string> Palette { get; } =
    [
        "#2563EB", // blue
        "#EA580C", // orange
        "#059669", // emerald
        "#DB2777", // pink
        "#7C3AED", // violet
        "#CA8A04", // dark yellow
        "#0891B2", // cyan
        "#DC2626", // red
        "#65A30D", // lime
        "#4F46E5", // indigo
        "#B45309", // brown
        "#0D9488", // teal
    ];

    /// <summary>Colour of a series that is not a channel (all channels together, a target line).</summary>
    public const string AllChannels = "#475569";

    /// <summary>The colour at a position of the channel list; the palette repeats after twelve channels.</summary>
    public static string At(int index) => Palette[((index % Palette.Count) + Palette.Count) % Palette.Count];

    /// <summary>Colour of every channel of a workspace, by channel id.</summary>
    public static IReadOnlyDictionary<int, string> For(IEnumerable<Channel> workspaceChannels)
    {
        ArgumentNullException.ThrowIfNull(workspaceChannels);
        return workspaceChannels
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select((c, index) => (c.Id, Colour: At(index)))
            .ToDictionary(c => c.Id, c => c.Colour);
    }
}
