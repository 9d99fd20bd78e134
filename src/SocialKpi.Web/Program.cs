using SocialKpi.Web.Components;
using SocialKpi.Web.Extensions;
using SocialKpi.Web.Observability;

var builder = WebApplication.CreateBuilder(args);

builder.AddSocialKpiLogging();
builder.Services.AddSocialKpiData(builder.Configuration, builder.Environment);
builder.Services.AddSocialKpiWeb();
builder.Services.AddSocialKpiMetrics(builder.Configuration);

var app = builder.Build();

await app.InitializeSocialKpiDatabaseAsync();

app.UseSocialKpiPipeline();

app.MapStaticAssets().AllowAnonymous();
app.MapSocialKpiEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
