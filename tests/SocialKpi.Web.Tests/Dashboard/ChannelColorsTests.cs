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
}
