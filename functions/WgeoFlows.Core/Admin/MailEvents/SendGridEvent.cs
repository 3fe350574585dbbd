using System.Text.Json;
using WgeoFlows.Notifications;

namespace WgeoFlows.Admin.MailEvents;

/// <summary>
/// One event of SendGrid's Event Webhook, reduced to what WgeoFlows records. The custom_args the sender attached to every
/// mail (requestId, messageKey) come back as top-level fields of each event.
/// </summary>
public sealed record SendGridEvent(string Event, string? Email, string? RequestId, string? MessageKey, string? EventId, string? Reason,
    DateTimeOffset? At)
{
    /// <summary>The outbox state an event moves a mail to, or null for events WgeoFlows does not record (processed,
    /// deferred, open, click…).</summary>
    public EmailState? State => Event switch
    {
        "delivered" => EmailState.Delivered,
        "bounce" => EmailState.Bounced,
        "dropped" => EmailState.Dropped,
        "spamreport" => EmailState.Spam,
        _ => null,
    };

    /// <summary>Reads the posted batch; null when the body is not a JSON array of objects.</summary>
    public static IReadOnlyList<SendGridEvent>? ParseBatch(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return null;
            var events = new List<SendGridEvent>();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object) return null;
                events.Add(new SendGridEvent(Text(e, "event") ?? "", Text(e, "email"), Text(e, "requestId"), Text(e, "messageKey"),
                    Text(e, "sg_event_id"), Text(e, "reason") ?? Text(e, "response"),
                    e.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var seconds) && seconds is > 0 and < 253402300800
                        ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                        : null));
            }
            return events;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
