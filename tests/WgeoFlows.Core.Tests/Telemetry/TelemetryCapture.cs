using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using WgeoFlows.Telemetry;

namespace WgeoFlows.Tests.Telemetry;

/// <summary>
/// The OpenTelemetry SDK with in-memory exporters, set up as the hosts set it up (the WgeoFlows source, log scopes
/// included). Tests run in parallel and the source is static, so each test looks only at what names its own request.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly TracerProvider _tracing;
    private readonly ILoggerFactory _logging;
    private readonly List<Activity> _spans = [];
    private readonly List<LogRecord> _logs = [];

    public TelemetryCapture()
    {
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource(WgeoTelemetry.Name, "Test.Outer").AddInMemoryExporter(_spans).Build();
        _logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
            o.AddInMemoryExporter(_logs);
        }));
    }

    public ILogger Logger => _logging.CreateLogger("WgeoFlows.Tests");

    /// <summary>A source for the span a request arrives in (the HTTP request or function invocation, in the hosts).</summary>
    public static readonly ActivitySource Outer = new("Test.Outer");

    public IReadOnlyList<Activity> SpansOf(string requestId)
    {
        _tracing.ForceFlush();
        lock (_spans) return _spans.Where(s => Equals(s.GetTagItem(WgeoTelemetry.RequestIdTag), requestId)).ToList();
    }

    public IReadOnlyList<Activity> SpansNamed(string name)
    {
        _tracing.ForceFlush();
        lock (_spans) return _spans.Where(s => s.DisplayName == name).ToList();
    }

    /// <summary>The RequestId scope value of each log line whose message contains <paramref name="marker"/>.</summary>
    public IReadOnlyList<string?> RequestIdsOfLogs(string marker)
    {
        lock (_logs)
        {
            return _logs.Where(l => (l.FormattedMessage ?? "").Contains(marker, StringComparison.Ordinal))
                .Select(RequestIdOf).ToList();
        }
    }

    private static string? RequestIdOf(LogRecord log)
    {
        string? found = null;
        log.ForEachScope((scope, _) =>
        {
            foreach (var item in scope)
            {
                if (item.Key == WgeoTelemetry.RequestIdScope) found = item.Value as string;
            }
        }, (object?)null);
        return found;
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _logging.Dispose();
    }
}
