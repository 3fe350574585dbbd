using System.Diagnostics.Metrics;
using WgeoFlows.Workflow;

namespace WgeoFlows.Telemetry;

/// <summary>
/// The app's metrics. Tags are low-cardinality on purpose (stage, template), never a request id: a metric series per
/// request would cost more than it tells. A retried activity may count a change twice; these are trends, not records
/// (the admin index is the record).
/// </summary>
public static class WgeoMetrics
{
    public const string StatusChangesName = "wgeo.requests.status_changes";
    public const string EmailFailuresName = "wgeo.email.failures";
    public const string StatusTag = "wgeo.status";
    public const string PreviousStatusTag = "wgeo.previous_status";
    public const string TemplateTag = "wgeo.email.template";

    private static readonly Meter Meter = new(WgeoTelemetry.Name);

    private static readonly Counter<long> StatusChanges = Meter.CreateCounter<long>(StatusChangesName, "{request}",
        "Requests entering a stage, by the stage entered and the one left.");

    private static readonly Counter<long> EmailFailures = Meter.CreateCounter<long>(EmailFailuresName, "{email}",
        "Attempts to send an email that failed (each is retried by the workflow).");

    public static void StatusChanged(RequestStatus status, RequestStatus? previous) =>
        StatusChanges.Add(1, new KeyValuePair<string, object?>(StatusTag, status.ToString()),
            new KeyValuePair<string, object?>(PreviousStatusTag, previous?.ToString() ?? "none"));

    public static void EmailFailed(string template) =>
        EmailFailures.Add(1, new KeyValuePair<string, object?>(TemplateTag, template));
}
