using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Objectives;
using SocialKpi.Web.Features.Objectives;

namespace SocialKpi.Web.Tests.Objectives;

public class KpiSuggestionsTests
{
    [Theory]
    [InlineData(ObjectiveCategory.Trafic, "link_clicks", "sessions", "ctr")]
    [InlineData(ObjectiveCategory.Visibilite, "reach", "impressions", "follower-growth-rate")]
    [InlineData(ObjectiveCategory.Notoriete, "mentions", "share-of-voice", "followers")]
    public void Each_category_proposes_the_KPIs_that_usually_serve_it(ObjectiveCategory category, string first, string second, string third)
    {
        var keys = KpiSuggestions.For(category).Select(s => s.Key).ToList();

        Assert.Equal([first, second, third], keys);
    }

    [Fact]
    public void Image_is_served_by_engagement_rate_and_the_customer_service_figures()
    {
        var keys = KpiSuggestions.For(ObjectiveCategory.Image).Select(s => s.Key).ToList();

        Assert.Equal(
            ["engagement-rate.by-reach", "messages_received", "messages_answered", "response-rate", "median_response_time",
             "average-response-time", "csat", "customer_retention"],
            keys);
    }

    [Fact]
    public void A_custom_category_has_no_suggestion()
    {
        Assert.Empty(KpiSuggestions.For(ObjectiveCategory.Custom));
    }

    [Fact]
    public void Every_suggestion_is_exactly_one_standard_metric_or_one_formula_and_has_a_name_in_both_languages()
    {
        foreach (var suggestion in Enum.GetValues<ObjectiveCategory>().SelectMany(KpiSuggestions.For))
        {
            Assert.True((suggestion.MetricKey is null) != (suggestion.Formula is null));
            if (suggestion.MetricKey is { } key)
            {
                Assert.NotNull(StandardMetrics.Find(key));
            }

            Assert.False(string.IsNullOrWhiteSpace(suggestion.Name("fr-FR")));
            Assert.False(string.IsNullOrWhiteSpace(suggestion.Name("en-US")));
        }
    }

    [Fact]
    public void A_kept_suggestion_becomes_a_KPI_draft_with_what_the_user_changed()
    {
        var row = new SuggestedKpi(KpiSuggestions.For(ObjectiveCategory.Notoriete)[0], "fr-FR") { Baseline = 120m, Target = 400m };

        var draft = row.ToDraft();

        Assert.Equal("Mentions", draft.Name);
        Assert.Equal("mentions", draft.MetricKey);
        Assert.Null(draft.Formula);
        Assert.Equal(120m, draft.Baseline);
        Assert.Equal(400m, draft.Target);
    }
}
