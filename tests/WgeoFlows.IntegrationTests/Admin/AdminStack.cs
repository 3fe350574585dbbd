using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Hosting;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Notifications;

namespace WgeoFlows.Tests.Admin;

/// <summary>
/// Azurite, a SendGrid-like sink and the real workflow on Durable's in-memory test backend, with Core wired as the hosts
/// wire it: the admin handlers and jobs run against real storage and a real orchestration client.
/// </summary>
public sealed class AdminStack : IAsyncLifetime
{
    /// <summary>An orchestration that finishes at once, to have finished instances whose history can be purged.</summary>
    public const string FinishedOrchestration = "AdminTestFinished";
    public const string WebhookSecret = "integration-webhook-secret";
    public const string LinkSigningKey = "integration-link-signing-key";

    private AzuriteInstance? _azurite;
    private DurableTaskTestHost? _durable;

    public SendGridSink Mail { get; } = new();
    public AzuriteInstance Azurite => _azurite!;
    public IServiceProvider Services => _durable!.Services;
    public DurableTaskClient Durable => _durable!.Client;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Admin:ApiKey"] = AdminTestData.AdminKey,
            ["Intake:WebhookSecret"] = WebhookSecret,
            ["Links:SigningKey"] = LinkSigningKey,
            ["Admin:NotifyEmails:0"] = "secretariat@example.org",
            ["Admin:NotifyEmails:1"] = "director@example.org",
            ["SendGrid:ApiKey"] = "SG.test",
            ["SendGrid:Host"] = Mail.Url,
            ["SendGrid:EventWebhookPublicKey"] = SendGridSigner.PublicKey,
            ["PublicBaseUrl"] = "https://wgeo.example",
        }).Build();
        _durable = await DurableTaskTestHost.StartAsync(
            registry => registry.AddWgeoFlowsWorkflow()
                .AddOrchestratorFunc<string, string>(FinishedOrchestration, (_, input) => Task.FromResult(input)),
            new DurableTaskTestHostOptions
            {
                // The test host's own default is a random port in 30000-40000 that nothing checks, inside Linux's ephemeral
                // range where Azurite and the other parallel tests' hosts listen: take one the operating system says is free.
                Port = FreePort.Next(),
                ConfigureServices = services => services.AddSingleton<IConfiguration>(configuration).AddWgeoFlowsCore(configuration).AddLogging(),
            },
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_durable is not null) await _durable.DisposeAsync();
        await Mail.DisposeAsync();
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}
