using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Data;
using SocialKpi.Domain.Calendar;
using SocialKpi.Web.Features.MissingFigures;

namespace SocialKpi.Web.Tests;

public class MissingFiguresTests
{
    [Fact]
    public async Task The_complete_demo_misses_nothing_and_a_deleted_week_shows_up_for_its_channel()
    {
        using var context = new ComponentTestContext();
        await context.UseDatabaseAsync(seedDemo: true);
        var factory = context.Services.GetRequiredService<IDbContextFactory<SocialKpiDbContext>>();
        var service = new MissingFiguresService(factory);
        var lastWeek = IsoWeek.LastCompleteWeek(DateOnly.FromDateTime(DateTime.Today));
        int workspaceId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            workspaceId = await db.Workspaces.Select(w => w.Id).SingleAsync();
        }

        var before = await service.FindAsync(workspaceId, lastWeek);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var sessions = await db.Metrics.SingleAsync(m => m.Key == "sessions" && m.WorkspaceId == null);
            await db.MetricValues.Where(v => v.MetricId == sessions.Id && (v.Week == lastWeek.Key || v.Week == lastWeek.AddWeeks(-1).Key))
                .ExecuteDeleteAsync();
        }

        var after = await service.FindAsync(workspaceId, lastWeek);

        Assert.Empty(before);
        var gap = Assert.Single(after);
        Assert.Equal("Site web", gap.ChannelName);
        var missing = Assert.Single(gap.Metrics);
        Assert.Equal("sessions", missing.Metric.Key);
        Assert.Equal([lastWeek.AddWeeks(-1), lastWeek], missing.Weeks);
    }

    [Fact]
    public void Consecutive_weeks_read_as_ranges()
    {
        var w10 = new IsoWeek(2026, 10);

        var ranges = MissingFiguresService.Ranges([w10, w10.AddWeeks(1), w10.AddWeeks(2), w10.AddWeeks(5)]).ToList();

        Assert.Equal([(w10, w10.AddWeeks(2)), (w10.AddWeeks(5), w10.AddWeeks(5))], ranges);
    }
}
