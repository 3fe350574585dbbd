using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WgeoFlows.Intake;

namespace WgeoFlows.Tests.Intake;

/// <summary>Webhook deliveries with every header under the test's control, for the refusals a form service can run into.</summary>
public static class RawDelivery
{
    public static HttpRequestMessage Signed(JsonNode payload, string secret, DateTimeOffset? at = null) =>
        Signed(Encoding.UTF8.GetBytes(payload.ToJsonString()), secret, at);

    public static HttpRequestMessage Signed(byte[] body, string secret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Build(body, "application/json", timestamp, WebhookSignature.Compute(secret, timestamp, body));
    }

    public static HttpRequestMessage Build(byte[] body, string contentType, string? timestamp, string? signature)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (timestamp is not null) message.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        if (signature is not null) message.Headers.Add(WebhookSignature.SignatureHeader, signature);
        return message;
    }
}
