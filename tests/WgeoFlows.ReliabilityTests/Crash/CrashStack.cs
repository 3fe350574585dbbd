using System.Diagnostics;
using System.Text.Json;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Crash;

/// <summary>
/// An Azurite and a local host of the crash suites' own, since they kill the host with <c>kill -9</c>. Offers get one
/// round (a declined round leads straight to the manual-match wait) and an hour to answer (no round times out while a
/// test runs). The host hides a taken activity message for 20 s instead of 5 minutes, so that an activity killed midway
/// runs again within the test's patience; nothing in these tests runs near that long.
/// </summary>
public sealed class CrashStack : IAsyncLifetime
{
    public const string Reviewer = "cities.lead@example.org";
    public const string Requester = "amina@example.org";
    public const string Admin = "secretariat@example.org";

    private readonly Func<AzuriteInstance, IReadOnlyDictionary<string, string?>> _configureFor;

    public CrashStack() : this(_ => new Dictionary<string, string?>())
    {
    }

    private CrashStack(Func<AzuriteInstance, IReadOnlyDictionary<string, string?>> configureFor) => _configureFor = configureFor;

    public AzuriteInstance Storage { get; private set; } = null!;
    public LocalHostProcess Host { get; private set; } = null!;
    public WgeoClient Client { get; private set; } = null!;

    /// <summary>A stack whose host starts with what <paramref name="configureFor"/> returns for its Azurite on top of the
    /// crash suites' own configuration (e.g. another <c>Storage:ConnectionString</c> or <c>SendGrid:Host</c>).</summary>
    public static async Task<CrashStack> StartAsync(Func<AzuriteInstance, IReadOnlyDictionary<string, string?>> configureFor)
    {
        var stack = new CrashStack(configureFor);
        await stack.InitializeAsync();
        return stack;
    }

    public async ValueTask InitializeAsync()
    {
        Storage = await AzuriteInstance.StartAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["Intake:WebhookSecret"] = HostileStack.WebhookSecret,
            ["Admin:ApiKey"] = HostileStack.AdminKey,
            ["Admin:NotifyEmails:0"] = Admin,
            ["Matching:MaxRounds"] = "1",
            ["Matching:OfferTimeout"] = "01:00:00",
            ["Durable:WorkItemVisibilityTimeout"] = "00:00:20",
        };
        foreach (var (key, value) in _configureFor(Storage)) configuration[key] = value;
        Host = await LocalHostProcess.StartAsync(Storage, configuration);
        Client = new WgeoClient(Host.Http, HostileStack.WebhookSecret, HostileStack.AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
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

    public async Task<TimeSpan> KillAndRestartAsync()
    {
        await KillAsync();
        return await RestartAsync();
    }

    /// <summary>
    /// Waits until the request rests at a waiting point: it has <paramref name="status"/>, no mail of its outbox is still
    /// pending, every open link's mail was sent, and a mail whose key starts with <paramref name="sentKeyPrefix"/> was sent.
    /// Killing the host then catches the orchestration waiting for an event, not between two steps.
    /// </summary>
    public async Task<JsonElement> WaitUntilWaitingAsync(string requestId, string status, string sentKeyPrefix)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        JsonElement detail = default;
        while (DateTime.UtcNow < deadline)
        {
            detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
            if (detail.GetProperty("status").GetString() == status && IsResting(detail, sentKeyPrefix)) return detail;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"Request {requestId} did not come to rest at {status}. Last detail: {detail}");
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
}
