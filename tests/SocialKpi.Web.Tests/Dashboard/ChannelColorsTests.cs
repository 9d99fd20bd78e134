using SocialKpi.Domain.Channels;
using SocialKpi.Web.Components.Shared;

namespace SocialKpi.Web.Tests.Dashboard;

public class ChannelColorsTests
{
    [Fact]
    public void A_channel_keeps_its_colour_by_its_place_in_the_channel_list_whatever_order_it_is_read_in()
    {
        Channel[] channels =
        [
            new() { Id = 7, Name = "LinkedIn", SortOrder = 1 },
            new() { Id = 3, Name = "Instagram", SortOrder = 0 },
            new() { Id = 9, Name = "TikTok", SortOrder = 1 },
        ];

        var colours = ChannelColors.For(channels);
        var again = ChannelColors.For(channels.Reverse());

        Assert.Equal(ChannelColors.Palette[0], colours[3]);
        Assert.Equal(ChannelColors.Palette[1], colours[7]);
        Assert.Equal(ChannelColors.Palette[2], colours[9]);
        Assert.Equal(colours, again);
    }

    [Fact]
    public void Twelve_channels_get_twelve_different_colours_then_the_palette_repeats()
    {
        Assert.Equal(12, Enumerable.Range(0, 12).Select(ChannelColors.At).Distinct().Count());
        Assert.Equal(ChannelColors.At(0), ChannelColors.At(12));
    }

    [Fact]
    public void On_screen_a_channel_keeps_its_place_and_takes_the_light_or_dark_shade_of_its_colour_from_the_theme()
    {
        Channel[] channels = [new() { Id = 7, Name = "LinkedIn", SortOrder = 1 }, new() { Id = 3, Name = "Instagram", SortOrder = 0 }];

        var colours = ChannelColors.OnScreen(channels);

        Assert.Equal("var(--sk-channel-0)", colours[3]);
        Assert.Equal("var(--sk-channel-1)", colours[7]);
        Assert.Contains($"--sk-channel-0: light-dark({ChannelColors.Palette[0]}, {ChannelColors.DarkPalette[0]});", ChannelColors.CssVariables, StringComparison.Ordinal);
        Assert.Contains($"--sk-channel-11: light-dark({ChannelColors.Palette[11]}, {ChannelColors.DarkPalette[11]});", ChannelColors.CssVariables, StringComparison.Ordinal);
    }

    [Fact]
    public void In_the_dark_theme_a_channel_keeps_its_hue_and_stands_out_3_to_1_from_the_background()
    {
        // #1E1E1E: the dark theme's card and chart background (Radzen material-dark --rz-base-800).
        Assert.Equal(ChannelColors.Palette.Count, ChannelColors.DarkPalette.Count);
        for (var i = 0; i < ChannelColors.Palette.Count; i++)
        {
            var light = ChannelColors.Palette[i];
            var dark = ChannelColors.DarkPalette[i];
            Assert.True(Contrast(dark, "#1E1E1E") >= 3, $"{dark} on #1E1E1E: {Contrast(dark, "#1E1E1E"):0.00}:1");
            var hueGap = Math.Abs(Hue(light) - Hue(dark));
            Assert.True(Math.Min(hueGap, 360 - hueGap) <= 12, $"{light} and {dark} differ by {hueGap:0} degrees of hue");
        }
    }

    private static (double R, double G, double B) Rgb(string hex) =>
        (Convert.ToInt32(hex[1..3], 16) / 255d, Convert.ToInt32(hex[3..5], 16) / 255d, Convert.ToInt32(hex[5..7], 16) / 255d);

    // WCAG 2 relative luminance and contrast ratio.
    private static double Luminance(string hex)
    {
        static double Linear(double c) => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        var (r, g, b) = Rgb(hex);
        return (0.2126 * Linear(r)) + (0.7152 * Linear(g)) + (0.0722 * Linear(b));
    }

    private static double Contrast(string a, string b)
    {
        var (high, low) = (Math.Max(Luminance(a), Luminance(b)), Math.Min(Luminance(a), Luminance(b)));
        return (high + 0.05) / (low + 0.05);
    }

    private static double Hue(string hex)
    {
        var (r, g, b) = Rgb(hex);
        var max = Math.Max(r, Math.Max(g, b));
        var spread = max - Math.Min(r, Math.Min(g, b));
        var hue = max == r ? (g - b) / spread : max == g ? 2 + ((b - r) / spread) : 4 + ((r - g) / spread);
        return ((hue * 60) + 360) % 360;
    }
}
