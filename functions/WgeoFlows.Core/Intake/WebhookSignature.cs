using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WgeoFlows.Intake;

/// <summary>The intake webhook's signature (docs/integrators.md): <c>X-Wgeo-Signature: sha256=</c> + lowercase hex of
/// HMAC-SHA256(secret, timestamp + "." + raw body), with <c>X-Wgeo-Timestamp</c> in Unix seconds. Signing the
/// timestamp with the body stops a captured delivery from being replayed once it is outside the tolerance.</summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Wgeo-Timestamp";
    public const string SignatureHeader = "X-Wgeo-Signature";
    public const string Prefix = "sha256=";

    private const int HashHexLength = 64;
    // Unix seconds have at most 11 digits until the year 5138; anything longer is not a timestamp.
    private const int MaxTimestampDigits = 11;

    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Hash(secret, timestamp, body));

    /// <summary>Checks the headers of one delivery. Never throws: every input, however broken, gets a status.</summary>
    public static SignatureCheck Verify(string secret, string? timestampHeader, string? signatureHeader,
        ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
            return new(SignatureStatus.MissingSignature, $"The {SignatureHeader} header is missing.");
        if (string.IsNullOrWhiteSpace(timestampHeader))
            return new(SignatureStatus.MissingTimestamp, $"The {TimestampHeader} header is missing.");

        var timestamp = timestampHeader.Trim();
        if (!TryParseUnixSeconds(timestamp, out var sentAt))
            return new(SignatureStatus.MalformedTimestamp, $"The {TimestampHeader} header must be a Unix time in whole seconds.");

        if (!TryParseSignature(signatureHeader.Trim(), out var presented))
            return new(SignatureStatus.MalformedSignature,
                $"The {SignatureHeader} header must be '{Prefix}' followed by {HashHexLength} hexadecimal digits.");

        var skew = now - sentAt;
        if (skew.Duration() > tolerance)
            return new(SignatureStatus.TimestampOutOfTolerance,
                $"The {TimestampHeader} is {FormatSkew(skew)} the server's clock; at most {tolerance.TotalMinutes:0.##} minutes are accepted.");

        // An empty secret would let anyone sign; refuse rather than accept (hosts also refuse to start without one).
        if (string.IsNullOrEmpty(secret))
            return new(SignatureStatus.BadSignature, "The signature cannot be checked: no webhook secret is configured.");

        var expected = Hash(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(expected, presented)
            ? new(SignatureStatus.Valid, "The signature is valid.")
            : new(SignatureStatus.BadSignature, "The signature does not match the body and timestamp signed with the shared secret.");
    }

    private static byte[] Hash(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool TryParseUnixSeconds(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length > MaxTimestampDigits || !text.All(char.IsAsciiDigit)) return false;
        var seconds = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) return false;
        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private static bool TryParseSignature(string header, out byte[] hash)
    {
        hash = [];
        if (!header.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var hex = header.AsSpan(Prefix.Length);
        if (hex.Length != HashHexLength) return false;
        foreach (var c in hex)
            if (!char.IsAsciiHexDigit(c)) return false;
        hash = Convert.FromHexString(hex);
        return true;
    }

    private static string FormatSkew(TimeSpan skew) =>
        skew >= TimeSpan.Zero
            ? $"{Math.Floor(skew.TotalSeconds):0} seconds behind"
            : $"{Math.Floor(skew.Duration().TotalSeconds):0} seconds ahead of";
}
