using System.Globalization;
using EllipticCurve;
using Microsoft.Extensions.Options;
using SendGrid.Helpers.EventWebhook;

namespace WgeoFlows.Admin.MailEvents;

public enum SignatureCheck { Valid, NotConfigured, Missing, Stale, Invalid }

/// <summary>
/// Checks a post of SendGrid's signed Event Webhook with SendGrid's own validator: an ECDSA signature over the timestamp
/// header followed by the raw body, and a timestamp close to this server's clock (a replayed old post is refused).
/// </summary>
public sealed class SendGridSignature(IOptions<EventWebhookOptions> options, TimeProvider time)
{
    public const string SignatureHeader = RequestValidator.SIGNATURE_HEADER;
    public const string TimestampHeader = RequestValidator.TIMESTAMP_HEADER;

    private readonly RequestValidator _validator = new();
    private readonly Lazy<PublicKey?> _key = new(() => Parse(options.Value.EventWebhookPublicKey));

    public SignatureCheck Check(string? signature, string? timestamp, string payload)
    {
        if (_key.Value is not { } key) return SignatureCheck.NotConfigured;
        if (string.IsNullOrWhiteSpace(signature) || string.IsNullOrWhiteSpace(timestamp)) return SignatureCheck.Missing;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799) return SignatureCheck.Invalid;
        if ((time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > options.Value.EventWebhookTolerance) return SignatureCheck.Stale;
        try
        {
            return _validator.VerifySignature(key, payload, signature, timestamp) ? SignatureCheck.Valid : SignatureCheck.Invalid;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            // Not base64, or not a DER signature: as wrong as a signature that does not match.
            return SignatureCheck.Invalid;
        }
    }

    private static PublicKey? Parse(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        return new RequestValidator().ConvertPublicKeyToECDSA(configured.Trim());
    }
}
