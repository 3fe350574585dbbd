using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Hosting;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Admin;
using WgeoFlows.Tests.Notifications;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>
/// Core wired as the hosts wire it, on the class's Azurite and a SendGrid-like sink, with no host running: nothing drains
/// the dispatch queue and no timer fires, so a test sees exactly what a door stored. Every table request is counted
/// (<see cref="Requests"/>).
/// </summary>
public sealed class DoorStack : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public DoorStack(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Intake:WebhookSecret"] = DoorCalls.WebhookSecret,
            ["Intake:Typeform:Secret"] = DoorCalls.TypeformSecret,
            ["Links:SigningKey"] = "door-test-signing-key",
            ["Admin:ApiKey"] = DoorCalls.AdminKey,
            ["Admin:NotifyEmails:0"] = "secretariat@example.org",
            ["SendGrid:ApiKey"] = "SG.test",
            ["SendGrid:Host"] = Mail.Url,
            ["PublicBaseUrl"] = "https://wgeo.example",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(Requests, HttpPipelinePosition.PerCall);
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddWgeoFlowsCore(configuration)
            .AddSingleton(sp => new StorageClients(sp.GetRequiredService<IOptions<StorageOptions>>(), tableOptions))
            .BuildServiceProvider();
    }

    public SendGridSink Mail { get; } = new();

    /// <summary>Every table request the app's storage clients sent.</summary>
    public StorageRequestCounter Requests { get; } = new();

    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Mail.DisposeAsync();
    }
}
