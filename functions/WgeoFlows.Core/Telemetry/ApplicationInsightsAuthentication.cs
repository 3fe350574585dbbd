using Azure.Core;
using Azure.Identity;

namespace WgeoFlows.Telemetry;

/// <summary>
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>, App Service's setting for Entra ID ingestion: <c>Authorization=AAD</c>
/// (the system-assigned identity) or <c>Authorization=AAD;ClientId=&lt;client id&gt;</c> (a user-assigned one). The Functions
/// host reads it itself; the worker's Azure Monitor exporter does not, so the worker gives the exporter the same managed
/// identity. infra/ turns the Application Insights resource's local authentication off: telemetry sent without an
/// Entra token is refused there.
/// </summary>
public sealed record ApplicationInsightsAuthentication(string? ClientId)
{
    /// <summary>The setting's value, or null when it does not ask for Entra ID (absent, empty, another scheme).</summary>
    public static ApplicationInsightsAuthentication? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var scheme) || !string.Equals(scheme, "AAD", StringComparison.OrdinalIgnoreCase)) return null;
        return new(parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0 ? clientId : null);
    }

    public TokenCredential Credential() => new ManagedIdentityCredential(
        ClientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(ClientId));
}
