using Microsoft.DurableTask;
using WgeoFlows.Notifications;

namespace WgeoFlows.Workflow.Steps;

/// <summary>
/// The state one orchestration carries while it runs, and the orchestration-safe helpers every step uses:
/// status changes, emails and event waits. Everything here is deterministic — time from the context,
/// keys from the request id and counters — so a replay takes exactly the same path.
/// </summary>
public sealed class WorkflowRun(TaskOrchestrationContext context, string requestId, WorkflowSettings settings)
{
    // Activities are retried with backoff: storage and mail hiccups heal; a permanent fault fails the
    // orchestration, which the admin view shows with its error and can restart.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(2)));

    private int _eventCounter;

    public TaskOrchestrationContext Context => context;
    public string RequestId => requestId;
    public WorkflowSettings Settings => settings;
    public RequestStatus Status { get; private set; } = RequestStatus.Received;
    public DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public Task<T> CallAsync<T>(string activity, object input) => context.CallActivityAsync<T>(activity, input, Retry);

    /// <summary>A key unique to this point of this orchestration, the same on every replay.</summary>
    public string NextEventKey(string what) => $"{Now.UtcTicks:D19}|{++_eventCounter:D4}|{what}";

    public async Task SetStatusAsync(RequestStatus status, string stage, string action, string? detail = null, string actor = "system")
    {
        var previous = Status;
        // Set before the activity runs: the custom status is checkpointed with the activity's scheduling, so by the
        // time the request record shows the new status, the orchestration's custom status already does too.
        context.SetCustomStatus(new WorkflowCustomStatus(status.ToString(), stage, detail, Now));
        await CallAsync<bool>(WorkflowNames.Activities.RecordStatus,
            new RecordStatusCommand(requestId, status, previous, NextEventKey("status"), actor, action, detail, Now));
        Status = status;
    }

    public Task RecordAsync(string action, string? detail, string actor = "system") =>
        CallAsync<bool>(WorkflowNames.Activities.RecordTimeline,
            new RecordTimelineCommand(requestId, NextEventKey("note"), actor, action, detail, Now));

    public Task<EmailOutcome> EmailAsync(string messageKey, string template, string language, EmailRecipient to,
        IReadOnlyDictionary<string, string>? values = null) =>
        CallAsync<EmailOutcome>(WorkflowNames.Activities.SendEmail,
            new EmailCommand(requestId, messageKey, template, language, [to], values ?? new Dictionary<string, string>()));

    /// <summary>
    /// Waits for an event that <paramref name="accept"/> takes, or until <paramref name="deadline"/>. Events that are
    /// not for the current stage (a late click on an old link that still got through) are dropped. The waiter is
    /// cancelled when the timer wins, so that it cannot swallow an event meant for a later wait.
    /// </summary>
    public async Task<T?> WaitForEventAsync<T>(string eventName, Func<T, bool> accept, DateTimeOffset deadline) where T : class
    {
        using var timerCancel = new CancellationTokenSource();
        var timer = context.CreateTimer(deadline.UtcDateTime, timerCancel.Token);
        while (true)
        {
            using var eventCancel = new CancellationTokenSource();
            var received = context.WaitForExternalEvent<T>(eventName, eventCancel.Token);
            var winner = await Task.WhenAny(received, timer);
            if (winner == timer)
            {
                eventCancel.Cancel();
                return null;
            }
            var value = await received;
            if (accept(value))
            {
                timerCancel.Cancel();
                return value;
            }
        }
    }
}
