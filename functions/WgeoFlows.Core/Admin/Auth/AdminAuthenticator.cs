using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;

namespace WgeoFlows.Admin.Auth;

/// <summary>Who is acting on an admin route; recorded in the timeline with every admin action.</summary>
public sealed record AdminIdentity(string Name, string Method);

/// <summary>
/// Admin sign-in: the admin key in <c>X-Wgeo-Admin-Key</c> (compared in constant time), or — in Azure only — the
/// App Service authentication principal with the role <see cref="AdminOptions.Role"/>. Anything else is no one.
/// </summary>
public sealed class AdminAuthenticator(IOptions<AdminOptions> options)
{
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
        if (o.TrustAppServiceAuthentication && request.Headers.TryGetValue(PrincipalHeader, out var principal) && principal.Count == 1)
        {
            return FromPrincipal(principal[0]);
        }
        return null;
    }

    // Hashing first gives equal-length inputs, so the comparison time says nothing about the key's length either.
    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private static AdminIdentity? FromPrincipal(string? encoded)
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
            return isAdmin ? new AdminIdentity(name ?? "entra-admin", "entra") : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
