namespace WgeoFlows.Hosting;

/// <summary>
/// The secret values this repository ships for the one-machine host (functions/WgeoFlows.Local/appsettings.json): public,
/// so a deployment that runs with one of them runs with a key everybody has. The Core tests check that every secret in
/// that file is recognised here.
/// </summary>
public static class DevelopmentSecrets
{
    /// <summary>Every development key is named like this one: <c>dev-webhook-secret</c>, <c>dev-admin-key</c>, …</summary>
    public const string Prefix = "dev-";

    /// <summary>Development values that do not carry <see cref="Prefix"/>: the local mail sink's SendGrid key.</summary>
    public static readonly IReadOnlySet<string> Values = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "dev-webhook-secret",
        "dev-link-signing-key",
        "dev-admin-key",
        "dev-typeform-secret",
        "SG.local-sink",
    };

    public static bool IsDevelopmentValue(string value)
    {
        var trimmed = value.Trim();
        return trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || Values.Contains(trimmed);
    }
}
