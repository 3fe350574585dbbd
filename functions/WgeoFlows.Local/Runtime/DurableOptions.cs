namespace WgeoFlows.Local.Runtime;

/// <summary>Configuration section <c>Durable</c>: the in-process Durable Task sidecar of the local host.</summary>
public sealed class DurableOptions
{
    public const string Section = "Durable";

    public string TaskHub { get; set; } = "WgeoFlows";

    /// <summary>
    /// The identity this host's partition leases are held under. It must stay the same across restarts: a new
    /// one waits about 30 s for the leases a killed process still holds.
    /// </summary>
    public string WorkerId { get; set; } = "wgeo-local";

    /// <summary>The longest the backend idles between queue polls; the provider's default (30 s) makes a quiet host slow to react.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int PartitionCount { get; set; } = 4;

    /// <summary>How many activities run at once. Locally every one of them shares a single Azurite with the webhook:
    /// fewer at once answer deliveries sooner, more finish workflows sooner (README, Benchmarks, measures both).</summary>
    public int MaxConcurrentActivities { get; set; } = 16;

    /// <summary>How many orchestration episodes run at once (each is a short replay plus its history write).</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 16;

    /// <summary>
    /// How long an activity message stays hidden once a worker took it: after a crash mid-activity, the activity runs
    /// again only when this has passed. The provider's default (5 minutes) is kept because the sidecar's dispatcher does
    /// not renew the lock (so its public source reads): an activity still running when it expires would run a second time
    /// alongside. Keep it longer than the longest activity (a SendGrid call that hangs lasts until its HTTP client gives
    /// up); the crash tests shorten it so that a killed activity runs again within their patience.
    /// </summary>
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The loopback port the sidecar's gRPC endpoint listens on; 0 picks a free one.</summary>
    public int SidecarPort { get; set; }
}
