using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Web.Features.SocialProof;

namespace SocialKpi.Web.Tests.SocialProof;

public class SocialProofServiceTests
{
    private static readonly IsoWeek LastWeek = IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(DateTime.Today));

    private static WeekRange Last(int weeks) => new(LastWeek.AddWeeks(-(weeks - 1)), LastWeek);

    private static async Task<(SocialProofService Service, IDbContextFactory<SocialKpiDbContext> Factory, int WorkspaceId, int Instagram)> DemoAsync(ComponentTestContext context)
    {
        await context.UseDatabaseAsync(seedDemo: true);
        var factory = context.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var workspaceId = await db.Workspaces.Select(w => w.Id).SingleAsync();
        var instagram = await db.Channels.Where(c => c.Name == "Instagram").Select(c => c.Id).SingleAsync();
        return (new SocialProofService(factory), factory, workspaceId, instagram);
    }

    [Fact]
    public async Task The_demo_compares_the_brand_with_its_three_rivals_and_the_shares_of_voice_add_up_to_100()
    {
        using var context = new ComponentTestContext();
        var (service, _, workspaceId, instagram) = await DemoAsync(context);

        var data = await service.LoadAsync(workspaceId, instagram, Last(12), Last(12).Previous);

        Assert.Equal(["Maison Lumière", "Cire & Flamme", "Atelier Douce Mèche", "Lueur Sauvage"], data.Brands.Select(b => b.Name));
        Assert.Equal(100m, Math.Round(data.Brands.Sum(b => b.PeriodShareOfVoice.Value!.Value), 10));
        Assert.All(data.Brands, b => Assert.Equal(12, b.ShareOfVoice.Count));
        Assert.Equal(data.Brands.Select(b => b.Color).Distinct().Count(), data.Brands.Count);
        Assert.Equal((LastWeek.AddWeeks(-11), LastWeek.AddWeeks(-23), LastWeek.AddWeeks(-12)), (data.Period.From, data.Comparison.From, data.Comparison.To));
    }

    [Fact]
    public async Task The_fast_growing_rival_ranks_first_on_follower_growth()
    {
        using var context = new ComponentTestContext();
        var (service, _, workspaceId, instagram) = await DemoAsync(context);

        var data = await service.LoadAsync(workspaceId, instagram, Last(26), Last(26).Previous);

        var growth = data.Table.Single(r => r.Key == "SocialProofFollowerGrowth");
        Assert.Equal(1, growth.Brands.Single(b => b.Brand == "Lueur Sauvage").Rank);
    }

    [Fact]
    public async Task A_rival_week_without_mentions_removes_that_weeks_point_and_says_why_for_the_period()
    {
        using var context = new ComponentTestContext();
        var (service, factory, workspaceId, instagram) = await DemoAsync(context);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.CompetitorFigures.Where(f => f.Metric == BenchmarkMetric.Mentions && f.Week == LastWeek.Key && f.ChannelId == instagram
                                                  && db.Competitors.Any(c => c.Id == f.CompetitorId && c.Name == "Cire & Flamme"))
                .ExecuteDeleteAsync();
        }

        var data = await service.LoadAsync(workspaceId, instagram, Last(12), Last(12).Previous);

        var brand = data.Brands[0];
        Assert.DoesNotContain(brand.ShareOfVoice, p => p.Week == LastWeek);
        Assert.Null(brand.PeriodShareOfVoice.Value);
        Assert.Equal(
            $"not computable: Cire & Flamme has no mentions for week {LastWeek.Week} of {LastWeek.Year}",
            brand.PeriodShareOfVoice.NotComputable!.Describe("en-US"));
    }

    [Fact]
    public async Task The_comparison_share_of_voice_is_the_share_over_the_comparison_weeks_whatever_they_are()
    {
        using var context = new ComponentTestContext();
        var (service, _, workspaceId, instagram) = await DemoAsync(context);
        var period = Last(4);
        var comparison = new WeekRange(LastWeek.AddWeeks(-23), LastWeek.AddWeeks(-20));

        var data = await service.LoadAsync(workspaceId, instagram, period, comparison);
        var thoseWeeks = await service.LoadAsync(workspaceId, instagram, comparison, comparison.Previous);

        Assert.Equal(comparison, data.Comparison);
        Assert.All(data.Brands, b => Assert.NotNull(b.ComparisonShareOfVoice.Value));
        Assert.Equal(thoseWeeks.Brands.Select(b => b.PeriodShareOfVoice.Value), data.Brands.Select(b => b.ComparisonShareOfVoice.Value));
        Assert.NotEqual(data.Brands.Select(b => b.PeriodShareOfVoice.Value), data.Brands.Select(b => b.ComparisonShareOfVoice.Value));
    }

    [Fact]
    public async Task With_every_rival_archived_only_the_brand_is_left_to_compare()
    {
        using var context = new ComponentTestContext();
        var (service, factory, workspaceId, _) = await DemoAsync(context);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Competitors.ExecuteUpdateAsync(s => s.SetProperty(c => c.IsArchived, true));
        }

        var data = await service.LoadAsync(workspaceId, null, Last(12), Last(12).Previous);

        Assert.Single(data.Brands);
    }
}
