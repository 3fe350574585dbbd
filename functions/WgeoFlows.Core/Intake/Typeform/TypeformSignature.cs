using System.Security.Cryptography;
using System.Text;

namespace WgeoFlows.Intake.Typeform;

/// <summary>Typeform's webhook signature: <c>Typeform-Signature: sha256=</c> + base64 of HMAC-SHA256(secret, raw body).
/// Typeform signs no timestamp; a replayed delivery is harmless because it dedupes to the same request.</summary>
public static class TypeformSignature
{
    public const string Header = "Typeform-Signature";
    public const string Prefix = "sha256=";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>True only for a well-formed header whose MAC matches, compared in constant time; false for an empty secret.</summary>
    public static bool IsValid(string secret, string? header, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(header)) return false;
        var value = header.Trim();
        if (!value.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        Span<byte> presented = stackalloc byte[64];
        if (!Convert.TryFromBase64String(value[Prefix.Length..], presented, out var length) || length != 32) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, presented[..length]);
    }
}
