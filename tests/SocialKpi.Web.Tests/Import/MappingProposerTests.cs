using SocialKpi.Domain.Metrics;
using SocialKpi.Web.Features.Import;
using static SocialKpi.Web.Tests.Import.ImportBuilder;

namespace SocialKpi.Web.Tests.Import;

public class MappingProposerTests
{
    [Fact]
    public void A_LinkedIn_page_export_gets_the_LinkedIn_preset_and_channel_and_month_first_dates()
    {
        var (layout, _) = Csv(',',
            "Date,Impressions (total),Unique impressions (organic),Clicks (total),Reactions (total),Comments (total),Reposts (total),Engagement rate (total)",
            "11/02/2026,1200,800,40,35,4,2,0.05", "11/03/2026,1300,820,41,30,5,1,0.04");

        var mapping = Propose(layout);

        Assert.Equal(("linkedin", 2, RowKind.Daily, "MM/dd/yyyy"), (mapping.Preset, mapping.ChannelId, mapping.Rows, mapping.DateFormat));
        Assert.Equal(StandardMetrics.Reach, mapping.Columns[2].MetricKey);
        Assert.Equal(ColumnRole.Ignore, mapping.Columns[7].Role);
        Assert.Null(MappingProposer.Check(mapping, Catalogue));
    }

    [Fact]
    public void Google_Analytics_bounce_rate_is_read_as_a_fraction_and_its_dates_as_yyyyMMdd()
    {
        var (layout, _) = Csv(',', "Date,Sessions,Bounce rate,Key events", "20261102,120,0.45,3", "20261103,100,0.5,2");

        var mapping = Propose(layout);

        Assert.Equal(("google-analytics", 3, "yyyyMMdd"), (mapping.Preset, mapping.ChannelId, mapping.DateFormat));
        Assert.True(mapping.Columns[2].Fraction);
    }

    [Fact]
    public void French_headers_without_a_preset_are_matched_to_metrics_by_name_and_the_channel_by_the_file_name()
    {
        var (layout, _) = Csv(';', "Jour;Portée;Nouveaux abonnés;Commentaire du jour", "02/11/2026;1 234,5;12;RAS");

        var mapping = Propose(layout, "instagram-novembre.csv");

        Assert.Equal((ColumnRole.Date, StandardMetrics.Reach, StandardMetrics.NewFollowers, ColumnRole.Ignore),
            (mapping.Columns[0].Role, mapping.Columns[1].MetricKey, mapping.Columns[2].MetricKey, mapping.Columns[3].Role));
        Assert.Equal((1, ',', "dd/MM/yyyy"), (mapping.ChannelId, mapping.DecimalSeparator, mapping.DateFormat));
    }

    [Fact]
    public void A_file_without_a_date_column_cannot_be_mapped_until_the_user_says_which_column_it_is()
    {
        var (layout, _) = Csv(',', "When,Reach", "2026-11-02,10");
        var mapping = Propose(layout, "instagram.csv");

        Assert.Equal(MappingProblem.NoDateColumn, MappingProposer.Check(mapping, Catalogue));

        mapping.Columns[0].Role = ColumnRole.Date;
        Assert.Null(MappingProposer.Check(mapping, Catalogue));
    }

    [Fact]
    public void Without_a_channel_column_nor_a_recognisable_file_name_the_user_must_choose_the_channel()
    {
        var (layout, _) = Csv(',', "Date,Reach", "2026-11-02,10");

        Assert.Equal(MappingProblem.NoChannel, MappingProposer.Check(Propose(layout, "export.csv"), Catalogue));
    }

    [Fact]
    public void A_saved_preset_wins_over_a_built_in_one_for_the_same_headers()
    {
        var (layout, _) = Csv(',', "Date,Views,Subscribers", "2026-11-02,10,1");
        var saved = new ImportMapping
        {
            ChannelId = 4, Rows = RowKind.Daily,
            Columns =
            [
                new ColumnMap { Header = "Date", Role = ColumnRole.Date },
                new ColumnMap { Header = "Views", Role = ColumnRole.Figure, MetricKey = StandardMetrics.Impressions },
                new ColumnMap { Header = "Subscribers", Role = ColumnRole.Figure, MetricKey = StandardMetrics.Followers },
            ],
        };

        var mapping = MappingProposer.Propose(layout, Catalogue, [("Facebook vidéos", saved)], "x.csv", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(("Facebook vidéos", 4, StandardMetrics.Impressions), (mapping.Preset, mapping.ChannelId, mapping.Columns[1].MetricKey));
    }
}
