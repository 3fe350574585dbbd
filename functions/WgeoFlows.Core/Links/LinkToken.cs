using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WgeoFlows.Links;

/// <summary>What an emailed link grants: one person, one request, one stage, one kind of decision, until it expires.
/// <see cref="Kind"/> is the word of a <see cref="LinkKind"/> (<see cref="LinkKinds"/>), as tokens already emailed hold it.</summary>
public sealed record LinkClaims(
    [property: JsonPropertyName("k")] string Kind,
    [property: JsonPropertyName("r")] string RequestId,
    [property: JsonPropertyName("p")] string Person,
    [property: JsonPropertyName("s")] string StageKey,
    [property: JsonPropertyName("e")] long ExpiresAtUnix)
{
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(ExpiresAtUnix);
}

public enum LinkTokenCheck { Valid, Malformed, Tampered, Expired, WrongKind }

/// <summary>
/// Signs and reads link tokens: base64url(claims JSON) "." base64url(HMAC-SHA256(key, claims part)).
/// The claims are readable but cannot be changed without the key; "works once" and "stage is over" are
/// decided by the link stage record (<see cref="LinkStageStore"/>), not by the token.
/// </summary>
public static class LinkToken
{
    private const int MaxTokenLength = 2048;

    public static string Sign(LinkClaims claims, string signingKey)
    {
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        return body + "." + Base64Url.EncodeToString(Mac(signingKey, body));
    }

    public static LinkTokenCheck Read(string? token, LinkKind expectedKind, string signingKey, DateTimeOffset now, out LinkClaims? claims)
    {
        claims = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return LinkTokenCheck.Malformed;
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.')) return LinkTokenCheck.Malformed;
        var body = token[..dot];
        byte[] signature;
        byte[] json;
        try
        {
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            json = Base64Url.DecodeFromChars(body);
        }
        catch (FormatException)
        {
            return LinkTokenCheck.Malformed;
        }
        // Check the signature before looking inside: nothing unsigned is parsed further.
        if (!CryptographicOperations.FixedTimeEquals(signature, Mac(signingKey, body))) return LinkTokenCheck.Tampered;
        try
        {
            claims = JsonSerializer.Deserialize<LinkClaims>(json);
        }
        catch (JsonException)
        {
            return LinkTokenCheck.Malformed;
        }
        if (claims is null || string.IsNullOrEmpty(claims.RequestId) || string.IsNullOrEmpty(claims.StageKey)) return LinkTokenCheck.Malformed;
        if (claims.Kind != expectedKind.ToWord()) return LinkTokenCheck.WrongKind;
        if (claims.ExpiresAt <= now) return LinkTokenCheck.Expired;
        return LinkTokenCheck.Valid;
    }

    private static byte[] Mac(string key, string body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(body));
}
