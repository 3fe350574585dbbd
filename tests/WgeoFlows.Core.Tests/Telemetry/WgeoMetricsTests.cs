using System.Diagnostics.Metrics;
using WgeoFlows.Telemetry;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Telemetry;

public sealed class WgeoMetricsTests
{
    [Fact]
    public void A_status_change_counts_one_request_entering_that_stage_from_the_previous_one()
    {
        using var meter = new MeasurementRecorder(WgeoMetrics.StatusChangesName);

        WgeoMetrics.StatusChanged(RequestStatus.AwaitingPartner, RequestStatus.Matching);

        meter.Measurements.ShouldContain(m => m.Value == 1
            && m.Tags[WgeoMetrics.StatusTag] == "AwaitingPartner" && m.Tags[WgeoMetrics.PreviousStatusTag] == "Matching");
    }

    [Fact]
    public void The_first_status_of_a_request_counts_with_previous_status_none()
    {
        using var meter = new MeasurementRecorder(WgeoMetrics.StatusChangesName);

        WgeoMetrics.StatusChanged(RequestStatus.Screening, null);

        meter.Measurements.ShouldContain(m => m.Tags[WgeoMetrics.StatusTag] == "Screening" && m.Tags[WgeoMetrics.PreviousStatusTag] == "none");
    }

    [Fact]
    public void An_email_failure_counts_one_with_its_template()
    {
        using var meter = new MeasurementRecorder(WgeoMetrics.EmailFailuresName);

        WgeoMetrics.EmailFailed("review-reminder");

        meter.Measurements.ShouldContain(m => m.Value == 1 && m.Tags[WgeoMetrics.TemplateTag] == "review-reminder");
    }

    [Fact]
    public void The_counters_belong_to_the_meter_the_hosts_export()
    {
        using var meter = new MeasurementRecorder(WgeoMetrics.EmailFailuresName);

        WgeoMetrics.EmailFailed("offer");

        meter.MeterNames.ShouldBe([WgeoTelemetry.Name]);
    }
}

/// <summary>Records the measurements of one instrument of the WgeoFlows meter (other tests may add to it meanwhile).</summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(long Value, Dictionary<string, string?> Tags)> _measurements = [];
    private readonly HashSet<string> _meterNames = [];

    public MeasurementRecorder(string instrument)
    {
        _listener.InstrumentPublished = (i, listener) =>
        {
            if (i.Meter.Name == WgeoTelemetry.Name && i.Name == instrument) listener.EnableMeasurementEvents(i);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) =>
        {
            lock (_measurements)
            {
                _meterNames.Add(i.Meter.Name);
                _measurements.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString())));
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<(long Value, Dictionary<string, string?> Tags)> Measurements
    {
        get { lock (_measurements) return _measurements.ToList(); }
    }

    public IReadOnlyList<string> MeterNames
    {
        get { lock (_measurements) return _meterNames.ToList(); }
    }

    public void Dispose() => _listener.Dispose();
}
