using System.Globalization;
using SocialKpi.Domain.Channels;

namespace SocialKpi.Web.Components.Shared;

/// <summary>
/// THE channel palette: every chart, legend and report colours a channel the same way. A channel keeps its colour by
/// its place in the workspace's channel list (sort order, then id — archived channels keep their place), so Instagram is
/// the same colour on the dashboard, the objective page and the channel page. <see cref="Palette"/> holds mid-tones
/// (Tailwind's 600 range) with a contrast of about 3:1 on white (dark yellow 2.9:1), for light screens and printed
/// reports;
/// <see cref="DarkPalette"/> holds the same hues lighter (Tailwind's 400 range), 3:1 on the dark theme's background.
/// Neighbours differ in hue so a stacked bar stays readable. Screens use <see cref="OnScreen"/>: CSS variables that
/// resolve to one palette or the other with the theme, so a theme switch needs no re-render.
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

    /// <summary>The same hues as <see cref="Palette"/>, position for position, lightened for a dark background.</summary>
    public static IReadOnlyList<string> DarkPalette { get; } =
    [
        "#60A5FA", // blue
        "#FB923C", // orange
        "#34D399", // emerald
        "#F472B6", // pink
        "#A78BFA", // violet
        "#FACC15", // dark yellow
        "#22D3EE", // cyan
        "#F87171", // red
        "#A3E635", // lime
        "#818CF8", // indigo
        "#D09A6A", // brown
        "#2DD4BF", // teal
    ];

    /// <summary>Colour of a series that is not a channel (all channels together, a target line).</summary>
    public const string AllChannels = "#475569";

    /// <summary><see cref="AllChannels"/> on a dark background.</summary>
    public const string AllChannelsDark = "#94A3B8";

    /// <summary>On screen, the colour of a series that is not a channel.</summary>
    public const string AllChannelsOnScreen = "var(--sk-channel-all)";

    /// <summary>The colour at a position of the channel list; the palette repeats after twelve channels.</summary>
    public static string At(int index) => Palette[Wrap(index)];

    /// <summary>On screen, the colour at a position of the channel list, light or dark with the theme.</summary>
    public static string OnScreenAt(int index) => $"var(--sk-channel-{Wrap(index).ToString(CultureInfo.InvariantCulture)})";

    /// <summary>Colour of every channel of a workspace, by channel id, for print (the light palette).</summary>
    public static IReadOnlyDictionary<int, string> For(IEnumerable<Channel> workspaceChannels) => Positions(workspaceChannels, At);

    /// <summary>Colour of every channel of a workspace, by channel id, for the screen (follows the theme).</summary>
    public static IReadOnlyDictionary<int, string> OnScreen(IEnumerable<Channel> workspaceChannels) => Positions(workspaceChannels, OnScreenAt);

    /// <summary>
    /// The declarations behind <see cref="OnScreenAt"/>: each variable is light-dark(light, dark), which the browser
    /// resolves with the page's color-scheme (set by the theme choice in app.css).
    /// </summary>
    public static string CssVariables { get; } = string.Concat(
        Palette.Select((light, i) => $"--sk-channel-{i.ToString(CultureInfo.InvariantCulture)}: light-dark({light}, {DarkPalette[i]}); ")
            .Append($"--sk-channel-all: light-dark({AllChannels}, {AllChannelsDark});"));

    private static int Wrap(int index) => ((index % Palette.Count) + Palette.Count) % Palette.Count;

    private static Dictionary<int, string> Positions(IEnumerable<Channel> workspaceChannels, Func<int, string> colourAt)
    {
        ArgumentNullException.ThrowIfNull(workspaceChannels);
        return workspaceChannels
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select((c, index) => (c.Id, Colour: colourAt(index)))
            .ToDictionary(c => c.Id, c => c.Colour);
    }
}
