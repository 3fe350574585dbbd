using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Storage;
using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Support;

/// <summary>An Azurite of the test class's own (free ports, fresh data), and fresh storage clients over it.
/// Each <see cref="NewStorageClients"/> is a separate instance, as if in a separate process.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? _azurite;

    public AzuriteInstance Azurite => _azurite ?? throw new InvalidOperationException("The fixture has not started.");

    public string ConnectionString => Azurite.ConnectionString;

    public async ValueTask InitializeAsync() => _azurite = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    public StorageClients NewStorageClients() =>
        new(Options.Create(new StorageOptions { ConnectionString = Azurite.ConnectionString }));
}
