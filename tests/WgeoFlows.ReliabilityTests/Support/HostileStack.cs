using WgeoFlows.Testing;

[assembly: AssemblyFixture(typeof(WgeoFlows.Tests.Support.HostileStack))]
// The corpus counts what storage holds before and after it runs: nothing else may write meanwhile.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]

namespace WgeoFlows.Tests.Support;

/// <summary>One Azurite and one local host shared by the hostile-input suites. The secrets are set here (not taken from
/// appsettings.json) so the corpus can sign, mis-sign and mint expired or foreign link tokens on purpose.</summary>
public sealed class HostileStack : IAsyncLifetime
{
    public const string WebhookSecret = "reliability-webhook-secret";
    public const string TypeformSecret = "reliability-typeform-secret";
    public const string AdminKey = "reliability-admin-key";
    public const string LinkSigningKey = "reliability-link-signing-key";

    public AzuriteInstance Storage { get; private set; } = null!;
    public LocalHostProcess Host { get; private set; } = null!;
    public WgeoClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Storage = await AzuriteInstance.StartAsync();
        Host = await LocalHostProcess.StartAsync(Storage, new Dictionary<string, string?>
        {
            ["Intake:WebhookSecret"] = WebhookSecret,
            ["Intake:Typeform:Secret"] = TypeformSecret,
            ["Links:SigningKey"] = LinkSigningKey,
            ["Admin:ApiKey"] = AdminKey,
            ["Admin:NotifyEmails:0"] = "secretariat@example.org",
            ["Matching:OfferTimeout"] = "01:00:00",
            // The corpus sends thousands of hostile bodies from one address to test input handling, not limits
            // (PublicDoorAbuseTests runs with them on).
            ["RateLimits:Enabled"] = "false",
        });
        Client = new WgeoClient(Host.Http, WebhookSecret, AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (Storage is not null) await Storage.DisposeAsync();
    }
}
