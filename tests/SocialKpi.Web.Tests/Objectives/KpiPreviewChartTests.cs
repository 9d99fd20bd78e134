using Bunit;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Progress;
using SocialKpi.Web.Features.Objectives;

namespace SocialKpi.Web.Tests.Objectives;

public class KpiPreviewChartTests
{
    private static KpiPreview Preview() => new(
        [.. Enumerable.Range(0, 4).Select(i => new WeeklyPoint(new IsoWeek(2026, 34 + i), 1000m + (i * 78.25m)))],
        1100.5m, new IsoWeek(2026, 35));

    [Theory]
    [InlineData("fr-FR", "Trajectoire cible de 1\u202F000,00\u00A0€ (S34) à 1\u202F234,75\u00A0€ (S37).", "Valeur actuelle (S35) : 1\u202F100,50\u00A0€", "Montant (€)")]
    [InlineData("en-US", "Target trajectory from 1,000.00\u00A0€ (W34) to 1,234.75\u00A0€ (W37).", "Current value (W35): 1,100.50\u00A0€", "Currency (€)")]
    public void The_preview_charts_the_trajectory_and_says_its_numbers_in_the_users_language(string culture, string summary, string current, string valueAxis)
    {
        using var context = new ComponentTestContext(culture);
        // The chart measures itself in the browser; bUnit has none, so it is given a size.
        context.JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true)
            .SetResult(new Radzen.Blazor.Rendering.Rect { Width = 600, Height = 300 });

        var chart = context.Render<KpiPreviewChart>(p => p.Add(c => c.Preview, Preview()).Add(c => c.Unit, KpiUnit.Currency));

        Assert.Equal(summary, chart.Find("[data-summary]").TextContent.Trim());
        Assert.Equal(current, chart.Find("[data-current]").TextContent.Trim());
        Assert.Equal(summary, chart.Find(".preview-chart").GetAttribute("aria-label"));
        Assert.Contains(valueAxis, chart.Find(".preview-chart").TextContent);
        Assert.Equal(4, chart.FindAll("details.preview-numbers tbody tr").Count);
        Assert.Contains("as-of-row", chart.FindAll("details.preview-numbers tbody tr")[1].ClassList);
    }

    [Fact]
    public void An_incomplete_kpi_says_what_is_missing_instead_of_an_empty_chart()
    {
        using var context = new ComponentTestContext("fr-FR");

        var chart = context.Render<KpiPreviewChart>(p => p.Add(c => c.Preview, null));

        Assert.Contains("Indiquez la mesure et la cible", chart.Markup);
        Assert.Empty(chart.FindAll(".preview-chart"));
    }
}
