using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialKpi.Web.Observability;
using static SocialKpi.Web.Tests.Import.ImportTestContext;

namespace SocialKpi.Web.Tests;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task In_json_mode_every_log_line_is_a_json_object_and_requests_carry_method_path_status_and_time()
    {
        await using var app = new SocialKpiAppFactory
        {
            SeedDemoData = false,
            Settings = new Dictionary<string, string?> { ["SocialKpi:Logging:Format"] = "json" },
        };
        using var client = app.CreateClient();
        // Request lines go through the app's own logger, not the process-wide static one another app may have replaced.
        Assert.NotNull(app.Services.GetService<Serilog.ILogger>());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health?secret=hidden")).StatusCode);

        var request = await LogLineAsync(app, line => line.TryGetProperty("RequestMethod", out _) && line.GetProperty("RequestPath").GetString() == "/health");
        Assert.Equal("GET", request.GetProperty("RequestMethod").GetString());
        Assert.Equal(200, request.GetProperty("StatusCode").GetInt32());
        Assert.True(request.GetProperty("Elapsed").GetDouble() >= 0);
        Assert.True(request.TryGetProperty("@t", out _));
        Assert.DoesNotContain("secret", request.GetProperty("@m").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_records_its_duration_outcome_and_rows()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        using var recorder = new MetricRecorder(context.Services.GetRequiredService<IMeterFactory>());
        using var session = await OpenAsync(context, workspace, "week;channel;metric;value\n2030-W10;Instagram;reach;500\n2030-W11;Instagram;reach;600\n");

        await Service(context).ImportAsync(Editor(), workspace, session.FileName, await Service(context).DryRunAsync(session), skipRejected: false);

        var duration = Assert.Single(recorder.Of("socialkpi.import.duration"));
        Assert.Equal("imported", duration.Tags["outcome"]);
        Assert.Equal(2, recorder.Of("socialkpi.import.rows").Where(m => (string?)m.Tags["kind"] == "added").Sum(m => m.Value));
    }

    [Fact]
    public async Task A_report_render_records_its_duration_and_size_and_a_request_its_duration()
    {
        await using var app = new SocialKpiAppFactory();
        using var recorder = new MetricRecorder(app.Services.GetRequiredService<IMeterFactory>());
        using var client = await app.CreateAdminClientAsync();

        using var response = await client.GetAsync("/api/v1/workspaces/1/reports/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        Assert.Equal("rendered", Assert.Single(recorder.Of("socialkpi.report.duration")).Tags["outcome"]);
        Assert.Equal(bytes, Assert.Single(recorder.Of("socialkpi.report.size")).Value);
        Assert.Contains(recorder.Of("http.server.request.duration"), m => m.Tags.GetValueOrDefault("http.route") is string route && route.EndsWith("/reports/pdf", StringComparison.Ordinal));
    }

    /// <summary>The log file's JSON lines, read until one matches (the request line is written as the response ends).</summary>
    private static async Task<JsonElement> LogLineAsync(SocialKpiAppFactory app, Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            foreach (var file in Directory.Exists(app.LogFolder) ? Directory.GetFiles(app.LogFolder) : [])
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
                {
                    // Every line must parse: a text line in JSON mode fails here.
                    var json = JsonDocument.Parse(line).RootElement.Clone();
                    if (match(json))
                    {
                        return json;
                    }
                }
            }

            if (timeout.IsCancellationRequested)
            {
                var files = Directory.Exists(app.LogFolder) ? Directory.GetFiles(app.LogFolder) : [];
                Assert.Fail($"No matching log line in {app.LogFolder}: {string.Join(", ", files)}; {string.Join("\n", files.Select(f => File.ReadAllText(f)))}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>The measurements of the meters one app (one service provider) made, whatever other tests record meanwhile.</summary>
    private sealed class MetricRecorder : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();

        public MetricRecorder(IMeterFactory factory)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
            listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
            listener.Start();
        }

        public List<(double Value, Dictionary<string, object?> Tags)> Of(string instrument) =>
            measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags)).ToList();

        public void Dispose() => listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            measurements.Enqueue((instrument.Name, value, copy));
        }
    }
}
