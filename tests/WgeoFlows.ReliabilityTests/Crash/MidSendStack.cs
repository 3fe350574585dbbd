using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Notifications;
using WgeoFlows.Storage;

namespace WgeoFlows.Tests.Crash;

/// <summary>
/// A <see cref="CrashStack"/> whose host sends mail through a <see cref="SendGridRelay"/> (on to its own sink) and reaches
/// Azurite's queues through a <see cref="QueueGate"/>: what the mid-send crash tests need to stop the host at a chosen point
/// inside the SendEmail activity. The outbox is read straight from storage, past the gate.
/// </summary>
public sealed class MidSendStack : IAsyncLifetime
{
    public SendGridRelay Relay { get; } = new();
    public QueueGate Gate { get; private set; } = null!;
    public CrashStack Stack { get; private set; } = null!;
    public EmailOutboxStore Outbox { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Stack = await CrashStack.StartAsync(storage =>
        {
            Gate = new QueueGate(storage.QueuePort);
            var queueDirect = $"QueueEndpoint=http://127.0.0.1:{storage.QueuePort}/";
            storage.ConnectionString.ShouldContain(queueDirect);
            return new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storage.ConnectionString.Replace(queueDirect, $"QueueEndpoint=http://127.0.0.1:{Gate.Port}/", StringComparison.Ordinal),
                ["SendGrid:Host"] = Relay.Url,
            };
        });
        Relay.Sink = Stack.Host.BaseUrl;
        Outbox = new EmailOutboxStore(new StorageClients(Options.Create(new StorageOptions { ConnectionString = Stack.Storage.ConnectionString })));
    }

    public async ValueTask DisposeAsync()
    {
        if (Stack is not null) await Stack.DisposeAsync();
        if (Gate is not null) await Gate.DisposeAsync();
        await Relay.DisposeAsync();
    }

    /// <summary>Waits until the outbox row of <paramref name="messageKey"/> satisfies <paramref name="condition"/>.</summary>
    public async Task<OutboxEmail> WaitForOutboxAsync(string requestId, string messageKey, Func<OutboxEmail, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        OutboxEmail? row = null;
        while (DateTime.UtcNow < deadline)
        {
            row = await Outbox.GetAsync(requestId, messageKey, TestContext.Current.CancellationToken);
            if (row is not null && condition(row)) return row;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"The outbox row '{messageKey}' of {requestId} never became {what}. Last: {row}");
    }
}
