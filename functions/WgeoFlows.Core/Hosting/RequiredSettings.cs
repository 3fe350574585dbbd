using System.Text;
using Microsoft.Extensions.Configuration;

namespace WgeoFlows.Hosting;

/// <summary>
/// The secrets without which the app must not start outside Development. <see cref="EnsurePresent"/> stops the start and
/// names every offending key with the reason, never its value: a secret that is missing, a Key Vault reference that App
/// Service could not resolve (it then hands the app the literal text <c>@Microsoft.KeyVault(…)</c>, which would become
/// the HMAC key), a development value that this repository publishes, or a generated key shorter than 32 bytes.
/// </summary>
public static class RequiredSettings
{
    public static readonly IReadOnlyList<string> Secrets = ["Intake:WebhookSecret", "Links:SigningKey", "Admin:ApiKey", "SendGrid:ApiKey"];

    /// <summary>
    /// The keys the operator generates (<c>openssl rand -base64 48</c> in docs/deploy.md): HMAC keys and the admin key,
    /// which must not be guessable. SendGrid's API key is not measured: SendGrid chooses its format, and a wrong one is
    /// refused by SendGrid (the mail is retried), so only the reference and development-value checks apply to it.
    /// </summary>
    public static readonly IReadOnlyList<string> GeneratedKeys = ["Intake:WebhookSecret", "Links:SigningKey", "Admin:ApiKey"];

    /// <summary>Secrets of an optional integration: checked like the others only when they are set.</summary>
    public static readonly IReadOnlyList<string> OptionalSecrets = ["Intake:Typeform:Secret"];

    public const int MinimumKeyBytes = 32;

    /// <summary>How App Service writes a Key Vault reference; the same text reaches the app when it is not resolved.</summary>
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    public static void EnsurePresent(IConfiguration configuration)
    {
        var problems = Problems(configuration);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"WgeoFlows cannot start: {string.Join("; ", problems.Select(p => p.Describe()))}. " +
                "In Azure each secret is a Key Vault reference in the app settings (see docs/deploy.md); as environment " +
                "variables, use __ for :, e.g. Intake__WebhookSecret.");
        }
    }

    /// <summary>Every setting that must stop the start, secrets first in the order above, then any other setting that
    /// holds an unresolved Key Vault reference (a setting someone moved to Key Vault by hand).</summary>
    public static IReadOnlyList<SettingProblem> Problems(IConfiguration configuration)
    {
        var problems = new List<SettingProblem>();
        foreach (var key in Secrets)
        {
            if (Check(key, configuration[key]) is { } reason) problems.Add(new(key, reason));
        }
        foreach (var key in OptionalSecrets)
        {
            if (!string.IsNullOrWhiteSpace(configuration[key]) && Check(key, configuration[key]) is { } reason) problems.Add(new(key, reason));
        }
        var others = configuration.AsEnumerable()
            .Where(setting => setting.Value is { } value && IsKeyVaultReference(value)
                && !problems.Any(p => string.Equals(p.Key, setting.Key, StringComparison.OrdinalIgnoreCase)))
            .Select(setting => new SettingProblem(setting.Key, SettingProblemReason.UnresolvedKeyVaultReference))
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase);
        problems.AddRange(others);
        return problems;
    }

    public static bool IsKeyVaultReference(string value) =>
        value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase);

    private static SettingProblemReason? Check(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return SettingProblemReason.Missing;
        if (IsKeyVaultReference(value)) return SettingProblemReason.UnresolvedKeyVaultReference;
        if (DevelopmentSecrets.IsDevelopmentValue(value)) return SettingProblemReason.DevelopmentValue;
        if (GeneratedKeys.Contains(key) && Encoding.UTF8.GetByteCount(value) < MinimumKeyBytes) return SettingProblemReason.TooShort;
        return null;
    }
}

public enum SettingProblemReason { Missing, UnresolvedKeyVaultReference, DevelopmentValue, TooShort }

/// <summary>One setting that stops the start: its key and why, never its value.</summary>
public sealed record SettingProblem(string Key, SettingProblemReason Reason)
{
    public string Describe() => Reason switch
    {
        SettingProblemReason.Missing => $"{Key} is missing",
        SettingProblemReason.UnresolvedKeyVaultReference =>
            $"{Key} is a Key Vault reference that App Service could not resolve (on a first deployment the app identity's " +
            "Key Vault role can take minutes to apply: wait, then restart the app)",
        SettingProblemReason.DevelopmentValue => $"{Key} is a development value published in this repository",
        SettingProblemReason.TooShort => $"{Key} is shorter than {RequiredSettings.MinimumKeyBytes} bytes",
        _ => $"{Key} is not usable",
    };
}
