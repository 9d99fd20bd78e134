using System.Diagnostics.Metrics;

namespace SocialKpi.Bench;

/// <summary>Meters nobody listens to: the import is measured as the app runs it without an exporter.</summary>
internal sealed class UnobservedMeterFactory : IMeterFactory
{
    private readonly List<Meter> meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        meters.Add(meter);
        return meter;
    }

    public void Dispose() => meters.ForEach(m => m.Dispose());
}
