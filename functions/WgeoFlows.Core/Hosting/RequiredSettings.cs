using Microsoft.Extensions.Configuration;

namespace WgeoFlows.Hosting;

/// <summary>The secrets without which the app must not start in production: a missing one stops it with its key named.</summary>
public static class RequiredSettings
{
    public static readonly IReadOnlyList<string> Secrets = ["Intake:WebhookSecret", "Links:SigningKey", "Admin:ApiKey", "SendGrid:ApiKey"];

    public static void EnsurePresent(IConfiguration configuration)
    {
        var missing = Secrets.Where(key => string.IsNullOrWhiteSpace(configuration[key])).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"WgeoFlows cannot start: missing configuration {string.Join(", ", missing)} " +
                "(in Azure, a Key Vault reference in the app settings; as environment variables, use __ for :, e.g. Intake__WebhookSecret).");
        }
    }
}
