using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Web;

namespace WgeoFlows.Web.AdminAuth;

/// <summary>Who is acting on an admin route; recorded in the timeline with every admin action.</summary>
public sealed record AdminIdentity(string Name, string Method);

/// <summary>
/// Admin sign-in: the admin key in <c>X-Wgeo-Admin-Key</c> (compared in constant time), or — in Azure only — the
/// App Service authentication principal with the role <see cref="AdminOptions.Role"/>. Anything else is no one.
/// The principal header is read only when <c>Admin:TrustAppServiceAuthentication</c> is on AND the platform says App
/// Service authentication runs in front of the app (<see cref="AppServicePlatform"/>): a setting left on where nothing
/// strips the header (locally, or after authentication was turned off) must not let anyone forge an admin.
/// </summary>
public sealed class AdminAuthenticator(IOptions<AdminOptions> options, AppServicePlatform? platform = null,
    IOptions<PublicUrlOptions>? publicUrl = null)
{
    public const string JsonMediaType = "application/json";
    public const string FetchSiteHeader = "Sec-Fetch-Site";

    private readonly AppServicePlatform _platform = platform ?? AppServicePlatform.Current;

    public const string KeyHeader = "X-Wgeo-Admin-Key";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    public AdminIdentity? Authenticate(HttpRequest request)
    {
        var o = options.Value;
        if (request.Headers.TryGetValue(KeyHeader, out var key) && key.Count == 1 && !string.IsNullOrEmpty(o.ApiKey) &&
            CryptographicOperations.FixedTimeEquals(Hash(key[0] ?? ""), Hash(o.ApiKey)))
        {
            return new AdminIdentity("admin-key", "key");
        }
        return SignedInPrincipal(request) is { IsAdmin: true } signedIn ? new AdminIdentity(signedIn.Name, "entra") : null;
    }

    /// <summary>The App Service principal of <paramref name="request"/>, admin or not; null when the header is absent, not
    /// trusted (<see cref="TrustsPrincipalHeader"/>) or unreadable.</summary>
    public SignedInPrincipal? SignedInPrincipal(HttpRequest request) =>
        TrustsPrincipalHeader && request.Headers.TryGetValue(PrincipalHeader, out var principal) && principal.Count == 1
            ? ReadPrincipal(principal[0])
            : null;

    /// <summary>
    /// The gate of every admin route, reading or changing: null when <paramref name="request"/> comes from an admin. Someone
    /// signed in through App Service whose account lacks the role gets 403 saying so — a 401 would send the dashboard back to
    /// the sign-in page, which signs the same account in again, for ever. Anyone else gets 401.
    /// </summary>
    public IResult? RefuseNonAdmin(HttpRequest request, out AdminIdentity? admin)
    {
        admin = Authenticate(request);
        if (admin is not null) return null;
        return SignedInPrincipal(request) is { } someone ? NotAnAdmin(someone.Name) : Problems.Unauthorized(SignInNeeded);
    }

    /// <summary>The 401 detail of every admin route.</summary>
    public const string SignInNeeded = "An admin key or the Wgeo.Admin role is required.";

    /// <summary>The 403 for an account signed in through App Service without the role <see cref="AdminOptions.Role"/>.</summary>
    public static IResult NotAnAdmin(string name) =>
        Problems.Of(StatusCodes.Status403Forbidden, "Not an admin",
            $"Your account ({name}) is signed in but is not an admin of WgeoFlows: it lacks the role {AdminOptions.Role}. Ask whoever manages " +
            "the WgeoFlows application in Microsoft Entra ID (Enterprise applications, Users and groups) to assign it, then sign in again.");

    /// <summary>
    /// The gate of every state-changing admin route (POST, PUT, DELETE under /api/admin/): a cross-site request is refused
    /// (403) before anything else — a browser carries App Service's session cookie to any site's form, so sign-in alone
    /// does not prove the admin meant it; then no one is 401; then a body that is not <paramref name="mediaType"/> is 415
    /// (<c>application/json</c>, which no HTML form can send and a cross-site script cannot send without a preflight that
    /// this app never answers). <paramref name="mediaType"/> null leaves the media type to the caller. Null when allowed.
    /// </summary>
    public IResult? RefuseChange(HttpRequest request, out AdminIdentity? admin, string? mediaType = JsonMediaType)
    {
        admin = null;
        if (RefuseCrossSite(request) is { } crossSite) return crossSite;
        if (RefuseNonAdmin(request, out admin) is { } refused) return refused;
        if (mediaType is not null && !RawBody.IsMediaType(request.ContentType, mediaType))
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Admin changes take Content-Type: {mediaType} only (this request sent {(string.IsNullOrEmpty(request.ContentType) ? "none" : request.ContentType)}).");
        }
        return null;
    }

    /// <summary>The 403 problem for a cross-site <paramref name="request"/>, or null. The route table applies it before the
    /// handler of every state-changing admin route (<see cref="Web.Routing.RouteAuth.AdminChange"/>), so a route whose
    /// handler does not call <see cref="RefuseChange"/> is guarded all the same.</summary>
    public IResult? RefuseCrossSite(HttpRequest request) =>
        CrossSiteReason(request) is { } reason ? Problems.Of(StatusCodes.Status403Forbidden, "Cross-site request refused", reason) : null;

    /// <summary>Why <paramref name="request"/> counts as cross-site, or null: <c>Sec-Fetch-Site: cross-site</c>, or an
    /// <c>Origin</c> that is neither the app's own (<c>PublicBaseUrl</c>) nor the host the request was sent to (an opaque
    /// <c>null</c> origin is foreign). A request with neither header (a script, curl) is not cross-site.</summary>
    public string? CrossSiteReason(HttpRequest request)
    {
        foreach (var site in request.Headers[FetchSiteHeader])
        {
            if (string.Equals(site?.Trim(), "cross-site", StringComparison.OrdinalIgnoreCase))
            {
                return "The browser says this request comes from another site (Sec-Fetch-Site: cross-site); admin changes are taken only from the admin dashboard or a script.";
            }
        }
        foreach (var origin in request.Headers.Origin)
        {
            if (!IsOwnOrigin(origin, request))
            {
                return "The request comes from another origin than this app's; admin changes are taken only from the admin dashboard or a script.";
            }
        }
        return null;
    }

    private bool IsOwnOrigin(string? origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }
        if (publicUrl?.Value.BaseUrl is { Length: > 0 } baseUrl && Uri.TryCreate(baseUrl, UriKind.Absolute, out var own)
            && string.Equals(uri.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, own.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == own.Port)
        {
            return true;
        }
        // The host the browser sent this request to (the same page's origin), whatever scheme a proxy in front ends.
        return request.Host.HasValue && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether <c>X-MS-CLIENT-PRINCIPAL</c> is read at all: the setting and the platform both say so.</summary>
    public bool TrustsPrincipalHeader => options.Value.TrustAppServiceAuthentication && _platform.AuthenticationEnabled;

    // Hashing first gives equal-length inputs, so the comparison time says nothing about the key's length either.
    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static SignedInPrincipal? ReadPrincipal(string? encoded)
    {
        try
        {
            using var doc = JsonDocument.Parse(Convert.FromBase64String(encoded ?? ""));
            var root = doc.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) ? rt.GetString() : "roles";
            string? name = null;
            var isAdmin = false;
            if (root.TryGetProperty("claims", out var claims) && claims.ValueKind == JsonValueKind.Array)
            {
                foreach (var claim in claims.EnumerateArray())
                {
                    var typ = claim.TryGetProperty("typ", out var t) ? t.GetString() : null;
                    var val = claim.TryGetProperty("val", out var v) ? v.GetString() : null;
                    if ((typ == roleType || typ == "roles") && val == AdminOptions.Role) isAdmin = true;
                    if (typ is "preferred_username" or "name" && name is null) name = val;
                }
            }
            return new SignedInPrincipal(string.IsNullOrWhiteSpace(name) ? (isAdmin ? "entra-admin" : "your account") : name, isAdmin);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>Someone App Service signed in: the name their account gives, and whether it has the admin role.</summary>
public sealed record SignedInPrincipal(string Name, bool IsAdmin);
