using SocialKpi.Web.Components;
using SocialKpi.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddSocialKpiLogging();
builder.Services.AddSocialKpiData(builder.Configuration, builder.Environment);
builder.Services.AddSocialKpiWeb();

var app = builder.Build();

await app.InitializeSocialKpiDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseSocialKpiRequestLogging();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapSocialKpiEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
