using System.Text;
using System.Text.Json.Nodes;
using WgeoFlows.Admin.MailEvents;
using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Notifications;

/// <summary>SendGrid's Event Webhook as the tests post it: the events a test sends, signed as SendGrid signs them.</summary>
public static class SendGridEvents
{
    /// <summary>The event saying that a request's acknowledgement to amina@example.org bounced.</summary>
    public static string AcknowledgementBounce(string requestId) => new JsonArray(new JsonObject
    {
        ["email"] = "amina@example.org",
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["event"] = "bounce",
        ["sg_event_id"] = $"{requestId}-bounce",
        ["sg_message_id"] = "msg-e2e",
        ["reason"] = "550 5.1.1 The email account does not exist",
        ["requestId"] = requestId,
        ["messageKey"] = "ack",
    }).ToJsonString();

    /// <summary>A POST of <paramref name="body"/> to the event webhook, signed unless <paramref name="signed"/> is false.</summary>
    public static HttpRequestMessage Post(string body, bool signed = true)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/sendgrid/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signed)
        {
            var (signature, timestamp) = SendGridSigner.Sign(body, DateTimeOffset.UtcNow);
            message.Headers.Add(SendGridSignature.SignatureHeader, signature);
            message.Headers.Add(SendGridSignature.TimestampHeader, timestamp);
        }
        return message;
    }
}
