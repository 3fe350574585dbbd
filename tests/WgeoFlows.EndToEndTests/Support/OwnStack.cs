using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Support;

/// <summary>
/// An Azurite and a local host of one test class's own, for tests that need other configuration than the shared
/// <see cref="LocalStack"/> (timers of seconds, short link lifetimes) or that kill the host. The webhook secret and the
/// admin key are the shared stack's, so the same <see cref="WgeoClient"/> calls work against either.
/// </summary>
public sealed class OwnStack : IAsyncDisposable
{
    private OwnStack(AzuriteInstance storage, LocalHostProcess host)
    {
        Storage = storage;
        Host = host;
        Client = new WgeoClient(host.Http, LocalStack.WebhookSecret, LocalStack.AdminKey);
    }

    public AzuriteInstance Storage { get; }
    public LocalHostProcess Host { get; }
    public WgeoClient Client { get; }

    public static async Task<OwnStack> StartAsync(IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var all = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>())
        {
            ["Intake:WebhookSecret"] = LocalStack.WebhookSecret,
            ["Admin:ApiKey"] = LocalStack.AdminKey,
        };
        var storage = await AzuriteInstance.StartAsync();
        try
        {
            return new OwnStack(storage, await LocalHostProcess.StartAsync(storage, all));
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
