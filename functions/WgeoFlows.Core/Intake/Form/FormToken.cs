using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WgeoFlows.Intake.Form;

/// <summary>What the form page's hidden token says: a nonce (it becomes the submission id, so a replayed or double-clicked
/// post dedupes to the same request), the browser it was issued to (a hash of the form cookie), and its expiry.</summary>
public sealed record FormClaims(
    [property: JsonPropertyName("n")] string Nonce,
    [property: JsonPropertyName("b")] string Browser,
    [property: JsonPropertyName("e")] long ExpiresAtUnix);

public enum FormTokenCheck { Valid, Malformed, Tampered, Expired, OtherBrowser }

/// <summary>
/// Signs and reads the form token: base64url(claims) "." base64url(HMAC-SHA256(key, purpose + claims)). The purpose prefix
/// keeps a form token from ever passing for an emailed link token signed with the same key, and the other way round.
/// </summary>
public static class FormToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);
    private const string Purpose = "wgeoflows/form-token/v1|";
    private const int MaxLength = 512;

    /// <summary>A new random value: a nonce or a browser id, 128 bits in base64url.</summary>
    public static string NewRandom() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The hash of a browser's form cookie that a token carries (the cookie itself is HttpOnly and stays out of the page).</summary>
    public static string BrowserHash(string cookie) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(cookie)))[..22];

    public static string Issue(string key, string cookie, DateTimeOffset now) =>
        Sign(new FormClaims(NewRandom(), BrowserHash(cookie), (now + Lifetime).ToUnixTimeSeconds()), key);

    public static string Sign(FormClaims claims, string key)
    {
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        return body + "." + Base64Url.EncodeToString(Mac(key, body));
    }

    public static FormTokenCheck Read(string? token, string key, string? cookie, DateTimeOffset now, out FormClaims? claims)
    {
        claims = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength || string.IsNullOrEmpty(key)) return FormTokenCheck.Malformed;
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.')) return FormTokenCheck.Malformed;
        var body = token[..dot];
        byte[] signature, json;
        try
        {
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            json = Base64Url.DecodeFromChars(body);
        }
        catch (FormatException)
        {
            return FormTokenCheck.Malformed;
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, Mac(key, body))) return FormTokenCheck.Tampered;
        try
        {
            claims = JsonSerializer.Deserialize<FormClaims>(json);
        }
        catch (JsonException)
        {
            return FormTokenCheck.Malformed;
        }
        if (claims is null || string.IsNullOrEmpty(claims.Nonce) || string.IsNullOrEmpty(claims.Browser)) return FormTokenCheck.Malformed;
        if (string.IsNullOrEmpty(cookie) || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(claims.Browser), Encoding.ASCII.GetBytes(BrowserHash(cookie))))
        {
            return FormTokenCheck.OtherBrowser;
        }
        return DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAtUnix) <= now ? FormTokenCheck.Expired : FormTokenCheck.Valid;
    }

    private static byte[] Mac(string key, string body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes(Purpose + body));
}
