using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Notifications;
using WgeoFlows.Storage;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Crash;

/// <summary>
/// An Azurite and a local host of the crash suite's own, since it kills the host with <c>kill -9</c>. The host sends mail
/// through a <see cref="SendGridRelay"/> (on to its own sink unless a test arms it) and reaches Azurite's queues through a
/// <see cref="StorageRelay"/> (open unless a test freezes it), so that a test can stop it at a chosen point inside the
/// SendEmail activity; the test itself reads storage directly. Offers get one round (a declined round leads straight to
/// the manual-match wait) and an hour to answer (no round times out while a test runs). The host hides a taken activity
/// message for 20 s instead of its default (30 s), so that an activity killed midway runs again sooner. With
/// WGEO_FULL_CRASH=1 the host keeps its default: what a real crash mid-activity costs.
/// </summary>
public sealed class CrashStack : IAsyncLifetime
{
    public const string Reviewer = "cities.lead@example.org";
    public const string Requester = "amina@example.org";
    public const string Admin = "secretariat@example.org";

    private const string TaskHub = "WgeoFlows";

    /// <summary>WGEO_FULL_CRASH=1: the host's own activity visibility timeout (Durable:WorkItemVisibilityTimeout) instead of the suite's 20 s.</summary>
    public static readonly bool HostDefaultVisibility = Environment.GetEnvironmentVariable("WGEO_FULL_CRASH") == "1";

    /// <summary>How long a test waits for an activity killed midway to run again after the restart.</summary>
    public static TimeSpan ResumeWithin => HostDefaultVisibility ? TimeSpan.FromMinutes(6) : TimeSpan.FromSeconds(120);

    /// <summary>The activity visibility timeout the host runs with, for the figures.</summary>
    public static string VisibilityTimeout => HostDefaultVisibility ? "5 min (the host's default)" : "20 s";

    public AzuriteInstance Storage { get; private set; } = null!;
    public LocalHostProcess Host { get; private set; } = null!;
    public WgeoClient Client { get; private set; } = null!;
    public SendGridRelay Relay { get; } = new();
    public StorageRelay Gate { get; private set; } = null!;

    /// <summary>The outbox, read straight from storage (past the gate).</summary>
    public EmailOutboxStore Outbox { get; private set; } = null!;

    public TimelineStore Timeline { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Storage = await AzuriteInstance.StartAsync();
        Gate = new StorageRelay(Storage.QueuePort);
        var queueDirect = $"QueueEndpoint=http://127.0.0.1:{Storage.QueuePort}/";
        Storage.ConnectionString.ShouldContain(queueDirect);
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Storage.ConnectionString.Replace(queueDirect, $"QueueEndpoint=http://127.0.0.1:{Gate.Port}/", StringComparison.Ordinal),
            ["SendGrid:Host"] = Relay.Url,
            ["Intake:WebhookSecret"] = HostileStack.WebhookSecret,
            ["Admin:ApiKey"] = HostileStack.AdminKey,
            ["Admin:NotifyEmails:0"] = Admin,
            ["Matching:MaxRounds"] = "1",
            ["Matching:OfferTimeout"] = "01:00:00",
        };
        if (!HostDefaultVisibility) configuration["Durable:WorkItemVisibilityTimeout"] = "00:00:20";
        Host = await LocalHostProcess.StartAsync(Storage, configuration);
        Relay.Sink = Host.BaseUrl;
        Client = new WgeoClient(Host.Http, HostileStack.WebhookSecret, HostileStack.AdminKey);
        var direct = new StorageClients(Options.Create(new StorageOptions { ConnectionString = Storage.ConnectionString }));
        Outbox = new EmailOutboxStore(direct);
        Timeline = new TimelineStore(direct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (Gate is not null) await Gate.DisposeAsync();
        await Relay.DisposeAsync();
        if (Storage is not null) await Storage.DisposeAsync();
    }

    /// <summary><c>kill -9</c> of the host: its whole process tree (the worker, the sidecar, the mail sink) at once.</summary>
    public Task KillAsync() => Host.KillHardAsync();

    /// <summary>Starts the killed host again on the same storage, port and configuration; returns how long that took.</summary>
    public async Task<TimeSpan> RestartAsync()
    {
        var clock = Stopwatch.StartNew();
        await Host.RestartAsync(TestContext.Current.CancellationToken);
        return clock.Elapsed;
    }

    /// <summary>Leaves the stack as the next test expects it after a test that failed midway: the relay passing mail on,
    /// the gate open, the host running.</summary>
    public async Task RecoverAsync()
    {
        Relay.Disarm();
        if (Gate.IsFrozen)
        {
            await Host.KillHardAsync();
            Gate.Reopen();
        }
        if (!Host.IsRunning) await Host.RestartAsync(TestContext.Current.CancellationToken);
    }

    public async Task<TimeSpan> KillAndRestartAsync()
    {
        await KillAsync();
        return await RestartAsync();
    }

    /// <summary>
    /// Waits until the request rests at a waiting point: it has <paramref name="status"/>, no mail of its outbox is still
    /// pending, every open link's mail was sent, a mail whose key starts with <paramref name="sentKeyPrefix"/> was sent,
    /// and the orchestration's history holds the outcome of every activity it scheduled (a mail marked sent may still have
    /// its completion on the way to the orchestrator). Killing the host then catches the orchestration waiting for an
    /// event, not between two steps.
    /// </summary>
    public async Task<JsonElement> WaitUntilWaitingAsync(string requestId, string status, string sentKeyPrefix)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        JsonElement detail = default;
        while (DateTime.UtcNow < deadline)
        {
            detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
            if (detail.GetProperty("status").GetString() == status && IsResting(detail, sentKeyPrefix)
                && await EveryActivityRecordedAsync(requestId))
            {
                return detail;
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"Request {requestId} did not come to rest at {status}. Last detail: {detail}");
    }

    /// <summary>Read from the task hub's history table (appsettings.json: Durable:TaskHub): as many activity outcomes
    /// (TaskCompleted, TaskFailed) as TaskScheduled events.</summary>
    private async Task<bool> EveryActivityRecordedAsync(string requestId)
    {
        var history = new TableServiceClient(Storage.ConnectionString).GetTableClient(TaskHub + "History");
        int scheduled = 0, recorded = 0;
        await foreach (var row in history.QueryAsync<TableEntity>($"PartitionKey eq '{requestId}'", select: ["EventType"],
            cancellationToken: TestContext.Current.CancellationToken))
        {
            switch (row.GetString("EventType"))
            {
                case "TaskScheduled": scheduled++; break;
                case "TaskCompleted" or "TaskFailed": recorded++; break;
            }
        }
        return scheduled > 0 && scheduled == recorded;
    }

    private static bool IsResting(JsonElement detail, string sentKeyPrefix)
    {
        var sent = detail.GetProperty("emails").EnumerateArray()
            .Where(e => e.GetProperty("state").GetString() != "Pending")
            .Select(e => e.GetProperty("messageKey").GetString()!)
            .ToList();
        var pending = detail.GetProperty("emails").GetArrayLength() - sent.Count;
        var openStages = detail.GetProperty("links").EnumerateArray()
            .Where(l => l.GetProperty("open").GetBoolean())
            .Select(l => l.GetProperty("stageKey").GetString()!);
        return pending == 0
            && sent.Any(k => k.StartsWith(sentKeyPrefix, StringComparison.Ordinal))
            && openStages.All(stage => sent.Any(k => k.Contains(stage, StringComparison.Ordinal)));
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
