using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace WgeoFlows.Telemetry;

/// <summary>
/// One unit of work on a request: a span tagged <see cref="WgeoTelemetry.RequestIdTag"/> and a logging scope with
/// <see cref="WgeoTelemetry.RequestIdScope"/>, so every span and every log line written inside it names the request.
/// The enclosing span (the HTTP request or the function invocation) gets the tag too. Dispose ends both.
/// </summary>
public sealed class RequestOperation : IDisposable
{
    private readonly Activity? _span;
    private readonly IDisposable? _scope;

    private RequestOperation(Activity? span, IDisposable? scope)
    {
        _span = span;
        _scope = scope;
    }

    public static RequestOperation Start(ILogger logger, string name, string? requestId)
    {
        if (requestId is null) return new RequestOperation(WgeoTelemetry.Source.StartActivity(name), null);
        Activity.Current?.SetTag(WgeoTelemetry.RequestIdTag, requestId);
        var span = WgeoTelemetry.Source.StartActivity(name);
        span?.SetTag(WgeoTelemetry.RequestIdTag, requestId);
        var scope = logger.BeginScope(new Dictionary<string, object?> { [WgeoTelemetry.RequestIdScope] = requestId });
        return new RequestOperation(span, scope);
    }

    /// <summary>Adds a tag to the span (e.g. the link kind, the outcome).</summary>
    public RequestOperation Tag(string name, object? value)
    {
        _span?.SetTag(name, value);
        return this;
    }

    /// <summary>Marks the span failed; the exception's type and message are recorded, never a secret-bearing value.</summary>
    public void Fail(Exception exception)
    {
        _span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        _span?.AddException(exception);
    }

    public void Dispose()
    {
        _span?.Dispose();
        _scope?.Dispose();
    }
}
