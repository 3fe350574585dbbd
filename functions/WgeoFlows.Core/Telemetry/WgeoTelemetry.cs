using System.Diagnostics;

namespace WgeoFlows.Telemetry;

/// <summary>The app's own trace source: spans around intake, workflow activities and link decisions, each tagged with
/// the request it belongs to, so that one query finds everything that happened to a request.</summary>
public static class WgeoTelemetry
{
    /// <summary>Name of the <see cref="ActivitySource"/> and of the Meter (<see cref="WgeoMetrics"/>).</summary>
    public const string Name = "WgeoFlows";

    /// <summary>Span tag naming the request (also set on the enclosing HTTP or function-invocation span).</summary>
    public const string RequestIdTag = "wgeo.request_id";

    /// <summary>Logging scope property naming the request: Application Insights shows it as a custom dimension.</summary>
    public const string RequestIdScope = "RequestId";

    public static readonly ActivitySource Source = new(Name);
}
