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
    /// fewer at once answer deliveries sooner, more finish workflows sooner (bench/README.md measures both).</summary>
    public int MaxConcurrentActivities { get; set; } = 16;

    /// <summary>How many orchestration episodes run at once (each is a short replay plus its history write).</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 16;

    /// <summary>
    /// How long an orchestration message stays hidden once the backend dequeued it. It is also the longest a workflow
    /// stalls when storage fails in the middle of a dequeue: storage has hidden the message but its answer never
    /// arrived, so nobody holds it until this passes (the provider's default, 5 minutes, held workflows that long after
    /// a 10-second Azurite outage). Work in progress keeps its messages hidden through <see cref="LockRenewingOrchestrationService"/>.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The same for activity messages: how long a lost dequeue (or a crash mid-activity) delays the activity. Activities
    /// that run longer stay hidden because their lock is renewed while they run.
    /// </summary>
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The loopback port the sidecar's gRPC endpoint listens on; 0 picks a free one.</summary>
    public int SidecarPort { get; set; }
}
