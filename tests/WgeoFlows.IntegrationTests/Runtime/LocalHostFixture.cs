using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Runtime;

/// <summary>One Azurite and one local host shared by the tests of a class (starting them takes seconds).</summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    public AzuriteInstance Storage { get; private set; } = null!;
    public LocalHostProcess Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Storage = await AzuriteInstance.StartAsync();
        Host = await LocalHostProcess.StartAsync(Storage);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (Storage is not null) await Storage.DisposeAsync();
    }
}
