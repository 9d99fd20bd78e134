using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace SocialKpi.Web.Observability;

/// <summary>OpenTelemetry metrics.</summary>
public static class ObservabilityExtensions
{
    /// <summary>
    /// OpenTelemetry metrics: ASP.NET Core's request durations and the app's own (<see cref="SocialKpiMetrics"/>),
    /// exported over OTLP when the standard OTEL_EXPORTER_OTLP_ENDPOINT is set (OTEL_EXPORTER_OTLP_PROTOCOL and the
    /// other OTEL_EXPORTER_OTLP_* variables apply too); without it nothing listens and the instruments cost next to nothing.
    /// Each process reports under its own service.instance.id, so the instances behind a load balancer stay apart.
    /// </summary>
    public static IServiceCollection AddSocialKpiMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "socialkpi"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(SocialKpiMetrics.MeterName);
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }
}
