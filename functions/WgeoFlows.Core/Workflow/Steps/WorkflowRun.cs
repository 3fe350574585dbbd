using Microsoft.DurableTask;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Workflow.Steps;

/// <summary>
/// The state one orchestration carries while it runs, and the orchestration-safe helpers every step uses:
/// status changes, emails and event waits. Everything here is deterministic — time from the context,
/// keys from the request id and counters — so a replay takes exactly the same path.
/// </summary>
public sealed class WorkflowRun(TaskOrchestrationContext context, string requestId, WorkflowSettings settings, int attempt = 0)
{
    private readonly TaskOptions _stepRetry = (settings.StepRetry ?? StepRetrySettings.Default).ToTaskOptions();

    // Emails have a budget of their own: one that cannot be sent fails the whole request (see MailRetryOptions).
    private readonly TaskOptions _emailRetry = (settings.EmailRetry ?? EmailRetrySettings.Default).ToTaskOptions();

    private int _eventCounter;

    public TaskOrchestrationContext Context => context;
    public string RequestId => requestId;
    public WorkflowSettings Settings => settings;
    /// <summary>How many times an admin restarted this request (0 for the first run); part of the keys of its link stages.</summary>
    public int Attempt => attempt;
    public RequestStatus Status { get; private set; } = RequestStatus.Received;
    public DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    /// <summary>The retry policy of a step's activity call (<see cref="StepRetry"/>): pass it to the typed calls of
    /// <see cref="WorkflowActivityCalls"/>.</summary>
    public TaskOptions Retry => _stepRetry;

    /// <summary>How a step's activity is retried (<see cref="StepRetrySettings"/>); <paramref name="worthRetrying"/> tells a failure
    /// that cannot heal, to fail at once.</summary>
    public static TaskOptions StepRetry(Func<TaskFailureDetails, bool>? worthRetrying = null) =>
        StepRetrySettings.Default.ToTaskOptions(worthRetrying);

    /// <summary>A key unique to this point of this orchestration, the same on every replay.</summary>
    public string NextEventKey(string what) => $"{Now.UtcTicks:D19}|{++_eventCounter:D4}|{what}";

    public async Task SetStatusAsync(RequestStatus status, string stage, string action, string? detail = null, string actor = "system")
    {
        var previous = Status;
        // Set before the activity runs: the custom status is checkpointed with the activity's scheduling, so by the
        // time the request record shows the new status, the orchestration's custom status already does too.
        context.SetCustomStatus(new WorkflowCustomStatus(status.ToString(), stage, detail, Now));
        await context.CallRecordStatusAsync(
            new RecordStatusCommand(requestId, status, previous, NextEventKey("status"), actor, action, detail, Now), Retry);
        Status = status;
    }

    public Task RecordAsync(string action, string? detail, string actor = "system") =>
        context.CallRecordTimelineAsync(new RecordTimelineCommand(requestId, NextEventKey("note"), actor, action, detail, Now), Retry);

    public Task<EmailOutcome> EmailAsync(string messageKey, string template, string language, EmailRecipient to,
        IReadOnlyDictionary<string, string>? values = null) =>
        context.CallSendEmailAsync(
            new EmailCommand(requestId, messageKey, template, language, [to], values ?? new Dictionary<string, string>()), _emailRetry);

    /// <summary>One mail to several people at once (the admins): one outbox row, one message.</summary>
    public Task<EmailOutcome> EmailAllAsync(string messageKey, string template, string language, IReadOnlyList<EmailRecipient> to,
        IReadOnlyDictionary<string, string>? values = null) =>
        context.CallSendEmailAsync(new EmailCommand(requestId, messageKey, template, language, to, values ?? new Dictionary<string, string>()),
            _emailRetry);

    /// <summary>Waits, with no deadline and so no durable timer, for an admin action that <paramref name="accept"/> takes;
    /// the others are dropped.</summary>
    public async Task<AdminActionEvent> WaitForAdminAsync(Func<AdminActionEvent, bool> accept)
    {
        while (true)
        {
            await PendingEvent(WorkflowEvents.AdminAction);
            var action = TakeEvent(WorkflowEvents.AdminAction);
            if (accept(action)) return action;
        }
    }

    /// <summary>
    /// Waits for an event that <paramref name="accept"/> takes, or until <paramref name="deadline"/>. Events that are
    /// not for the current stage (a late click on an old link that still got through) are dropped.
    /// </summary>
    public async Task<T?> WaitForEventAsync<T>(WorkflowEvent<T> workflowEvent, Func<T, bool> accept, DateTimeOffset deadline) where T : class =>
        (await WaitForEventOrAdminAsync(workflowEvent, accept, _ => false, deadline)).Event;

    /// <summary>
    /// Waits for an event that <paramref name="accept"/> takes, an admin action that <paramref name="acceptAdmin"/> takes
    /// (<see cref="WorkflowEvents.AdminAction"/>), or until <paramref name="deadline"/>; whichever comes first.
    /// </summary>
    public async Task<Waited<T>> WaitForEventOrAdminAsync<T>(WorkflowEvent<T> workflowEvent, Func<T, bool> accept,
        Func<AdminActionEvent, bool> acceptAdmin, DateTimeOffset deadline) where T : class
    {
        using var timerCancel = new CancellationTokenSource();
        var timer = context.CreateTimer(deadline.UtcDateTime, timerCancel.Token);
        while (true)
        {
            var received = PendingEvent(workflowEvent);
            var admin = PendingEvent(WorkflowEvents.AdminAction);
            var winner = await Task.WhenAny(received, admin, timer);
            if (winner == timer) return new Waited<T>(null, null);
            if (winner == received)
            {
                var value = TakeEvent(workflowEvent);
                if (!accept(value)) continue;
                timerCancel.Cancel();
                return new Waited<T>(value, null);
            }
            var action = TakeEvent(WorkflowEvents.AdminAction);
            if (!acceptAdmin(action)) continue;
            timerCancel.Cancel();
            return new Waited<T>(null, action);
        }
    }

    // One outstanding waiter per event name, kept across waits and never cancelled: the SDK hands an event to its most
    // recent waiter, even a cancelled one, so an event arriving between two waits (while an email is being sent) would
    // otherwise be lost. A waiter left pending when the orchestration moves on just catches late, ignored events.
    private readonly Dictionary<string, Task> _pendingEvents = new(StringComparer.Ordinal);

    private Task<T> PendingEvent<T>(WorkflowEvent<T> workflowEvent) where T : class
    {
        if (_pendingEvents.TryGetValue(workflowEvent.Name, out var pending)) return (Task<T>)pending;
        var waiter = context.WaitForEventAsync(workflowEvent);
        _pendingEvents[workflowEvent.Name] = waiter;
        return waiter;
    }

    private T TakeEvent<T>(WorkflowEvent<T> workflowEvent) where T : class
    {
        var completed = (Task<T>)_pendingEvents[workflowEvent.Name];
        _pendingEvents.Remove(workflowEvent.Name);
        return completed.Result;
    }
}

/// <summary>What ended a wait: the awaited event, an admin action, or (both null) the deadline.</summary>
public sealed record Waited<T>(T? Event, AdminActionEvent? Admin) where T : class;
