using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace WgeoFlows.Telemetry;

/// <summary>
/// Emailed link tokens (<c>/api/review/{token}</c>, update, offer, confirm, followup, and their attachment routes) and
/// the status page's signature (<c>/api/status/{id}?sig=…</c>) are bearer secrets: whoever reads them can act. The
/// ASP.NET Core and HttpClient instrumentations write the request's path and query into span names and attributes
/// (<c>url.path</c>, <c>url.query</c>, <c>url.full</c>, <c>http.target</c>, <c>http.url</c>); this rewrites them to
/// the route template before any exporter sees the span, on both hosts (the Functions worker's spans included).
/// </summary>
public static partial class SecretRedaction
{
    /// <summary>What a redacted query value reads as.</summary>
    public const string Redacted = "REDACTED";

    /// <summary><paramref name="text"/> with every link token replaced by <c>{token}</c>, every status id by <c>{id}</c>,
    /// and the value of every <c>sig</c> query parameter by <see cref="Redacted"/>.</summary>
    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var redacted = LinkPath().Replace(text, "${prefix}/{token}");
        redacted = StatusPath().Replace(redacted, "${prefix}/{id}");
        return Signature().Replace(redacted, "${name}" + Redacted);
    }

    /// <summary>Redacts <paramref name="activity"/>'s name, status description and every string attribute; where the
    /// server knows the route (<c>http.route</c>), the path attributes become that template.</summary>
    public static void Redact(Activity activity)
    {
        activity.DisplayName = Redact(activity.DisplayName);
        if (activity.StatusDescription is { } description && Redact(description) is var status && status != description)
        {
            activity.SetStatus(activity.Status, status);
        }
        var route = activity.GetTagItem("http.route") as string;
        foreach (var (key, value) in activity.TagObjects.ToList())
        {
            if (value is not string text) continue;
            var redacted = route is not null && key is "url.path" or "http.target" ? "/" + route.TrimStart('/') : Redact(text);
            if (!string.Equals(redacted, text, StringComparison.Ordinal)) activity.SetTag(key, redacted);
        }
    }

    [GeneratedRegex(@"(?<prefix>/api/(?:review|update|offer|confirm|followup))/(?!\{token\})[^/?#\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPath();

    [GeneratedRegex(@"(?<prefix>/api/status)/(?!\{id\})[^/?#\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusPath();

    [GeneratedRegex(@"(?<name>(?:^|[?&;\s])sig=)[^&#\s""'<>]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Signature();
}

/// <summary>Runs <see cref="SecretRedaction"/> on every span as it ends; added before any exporter.</summary>
public sealed class SecretRedactingProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data) => SecretRedaction.Redact(data);
}

/// <summary>Runs <see cref="SecretRedaction"/> on every exported log line (its message, body and attribute values) before
/// any log exporter: a handler that logs a URL or a path must not export the token in it.</summary>
public sealed class SecretRedactingLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (data.FormattedMessage is { } message) data.FormattedMessage = SecretRedaction.Redact(message);
        if (data.Body is { } body) data.Body = SecretRedaction.Redact(body);
        if (data.Attributes is { Count: > 0 } attributes && attributes.Any(a => a.Value is string text && SecretRedaction.Redact(text) != text))
        {
            data.Attributes = attributes
                .Select(a => a.Value is string text ? new KeyValuePair<string, object?>(a.Key, SecretRedaction.Redact(text)) : a)
                .ToList();
        }
    }
}
