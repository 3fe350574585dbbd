using WgeoFlows.Testing;

[assembly: AssemblyFixture(typeof(WgeoFlows.Tests.Support.FunctionsStack))]

namespace WgeoFlows.Tests.Support;

/// <summary>
/// The published Functions app under the Azure Functions host, with an Azurite and a mail sink of its own, for the whole
/// assembly: the same scenarios as on <see cref="LocalStack"/>, against the host Azure runs.
/// </summary>
public sealed class FunctionsStack : IAsyncLifetime, IHostStack
{
    public const string TypeformSecretValue = "functions-host-tests-typeform-secret-0123456789";

    public FunctionsHostStack Stack { get; private set; } = null!;
    public WgeoClient Client { get; private set; } = null!;

    public HostKind Kind => HostKind.Functions;
    public Uri BaseUrl => Stack.Host.BaseUrl;
    public AzuriteInstance Storage => Stack.Storage;
    public string TaskHub => "wgeoflows";
    public string TypeformSecret => TypeformSecretValue;

    public async ValueTask InitializeAsync()
    {
        Stack = await FunctionsHostStack.StartAsync(new Dictionary<string, string?>
        {
            ["TASKHUB_NAME"] = TaskHub,
            ["Intake:Typeform:Secret"] = TypeformSecretValue,
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
        Client = new WgeoClient(Stack.Host.Http, FunctionsHostStack.WebhookSecret, FunctionsHostStack.AdminKey, Stack.MailSink.Http);
    }

    public async ValueTask DisposeAsync()
    {
        if (Stack is not null) await Stack.DisposeAsync();
    }
}
