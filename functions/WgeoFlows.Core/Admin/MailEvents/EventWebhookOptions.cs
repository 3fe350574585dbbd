namespace WgeoFlows.Admin.MailEvents;

/// <summary>
/// SendGrid's signed Event Webhook: <c>SendGrid:EventWebhookPublicKey</c> is the verification key SendGrid shows for the
/// webhook (base64 of the ECDSA P-256 public key); <c>SendGrid:EventWebhookTolerance</c> how far a post's timestamp may be
/// from this server's clock. Without a key every post is refused.
/// </summary>
public sealed class EventWebhookOptions
{
    public const string Section = "SendGrid";
    public string EventWebhookPublicKey { get; set; } = "";
    public TimeSpan EventWebhookTolerance { get; set; } = TimeSpan.FromMinutes(10);
}
