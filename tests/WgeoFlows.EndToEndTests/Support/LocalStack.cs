using WgeoFlows.Testing;

[assembly: AssemblyFixture(typeof(WgeoFlows.Tests.Support.LocalStack))]

namespace WgeoFlows.Tests.Support;

/// <summary>
/// One Azurite and one local host (the real runtime: sidecar, worker, client, mail sink) for the whole assembly.
/// Tests keep apart by using their own submission ids, and find their emails by request id.
/// </summary>
public sealed class LocalStack : IAsyncLifetime, IHostStack
{
    /// <summary>The local host's Intake:Typeform:Secret (functions/WgeoFlows.Local/appsettings.json).</summary>
    public const string TypeformSecretValue = "dev-typeform-secret";

    /// <summary>The local host's task hub (appsettings.json: Durable:TaskHub), on this stack and on every <see cref="OwnStack"/>.</summary>
    public const string TaskHubName = "WgeoFlows";

    public const string WebhookSecret = "e2e-webhook-secret";
    public const string AdminKey = "e2e-admin-key";

    public AzuriteInstance Storage { get; private set; } = null!;
    public LocalHostProcess Host { get; private set; } = null!;
    public WgeoClient Client { get; private set; } = null!;

    public HostKind Kind => HostKind.Local;
    public Uri BaseUrl => Host.BaseUrl;
    public string TaskHub => TaskHubName;
    public string TypeformSecret => TypeformSecretValue;

    public async ValueTask InitializeAsync()
    {
        Storage = await AzuriteInstance.StartAsync();
        Host = await LocalHostProcess.StartAsync(Storage, new Dictionary<string, string?>
        {
            ["Intake:WebhookSecret"] = WebhookSecret,
            ["Admin:ApiKey"] = AdminKey,
            ["Admin:NotifyEmails:0"] = "secretariat@example.org",
            ["SendGrid:EventWebhookPublicKey"] = SendGridSigner.PublicKey,
            // Offers are answered within a test; keep the real timers far away so they never interfere.
            ["Matching:OfferTimeout"] = "01:00:00",
            // The form's scenarios follow a request past intake: the form door skips the confirmation here. Typeform keeps its
            // default (ConfirmationTests, TypeformWebhookTests confirm through the link).
            ["Intake:Confirmation:Form"] = "false",
            // The suites send far more from one address than a person would; the confirm door keeps its default (RateLimitTests).
            ["RateLimits:Form:PermitLimit"] = "100000",
            ["RateLimits:Status:PermitLimit"] = "100000",
            ["RateLimits:Links:PermitLimit"] = "100000",
            ["RateLimits:Webhook:PermitLimit"] = "100000",
            ["RateLimits:Typeform:PermitLimit"] = "100000",
            ["RateLimits:Impact:PermitLimit"] = "100000",
        });
        Client = new WgeoClient(Host.Http, WebhookSecret, AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (Storage is not null) await Storage.DisposeAsync();
    }
}
