using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;

namespace WgeoFlows.Links;

/// <summary>Makes the URLs that go into emails: decision links with signed tokens, and the requester's status page.</summary>
public sealed class LinkIssuer(IOptions<LinkOptions> links, IOptions<PublicUrlOptions> publicUrl)
{
    public string DecisionUrl(LinkKind kind, string requestId, string person, string stageKey, DateTimeOffset issuedAt)
    {
        var word = kind.ToWord();
        var claims = new LinkClaims(word, requestId, person.ToLowerInvariant(), stageKey, (issuedAt + links.Value.Lifetime).ToUnixTimeSeconds());
        return $"{publicUrl.Value.BaseUrl}/api/{word}/{LinkToken.Sign(claims, links.Value.SigningKey)}";
    }

    /// <summary>The read-only status page. Signed so that knowing a reference number is not enough to read a request's stage.
    /// Given the requester's language, the link opens in it (<c>lang=</c>, outside the signature, which covers the id only).</summary>
    public string StatusUrl(string requestId, string? language = null) =>
        $"{publicUrl.Value.BaseUrl}/api/status/{requestId}?sig={StatusSignature(requestId)}"
        + (Localization.Languages.IsSupported(language) ? $"&{Localization.LanguageChoice.QueryName}={language!.ToLowerInvariant()}" : "");

    public bool IsValidStatusSignature(string requestId, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(StatusSignature(requestId)));

    public string AdminUrl => $"{publicUrl.Value.BaseUrl}/api/admin";

    private string StatusSignature(string requestId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(links.Value.SigningKey),
            Encoding.UTF8.GetBytes("status|" + requestId)))[..24];
}
