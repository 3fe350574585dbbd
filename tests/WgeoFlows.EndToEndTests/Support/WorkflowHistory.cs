using System.Text.Json;
using Azure.Data.Tables;
using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Support;

/// <summary>One event the orchestration of a request took, as its history holds it: the event's name (review decision,
/// partner response, admin action…) and the decision word its payload carries, if any.</summary>
public sealed record TakenEvent(string Name, string? Decision)
{
    public override string ToString() => Decision is null ? Name : $"{Name}({Decision})";
}

/// <summary>
/// The events an orchestration has taken, read straight from the task hub's history table (the Azure Storage backend
/// writes an EventRaised row once the orchestration has processed the event, whether it waited for it or not). This is how
/// a test proves that something raised nothing: the orchestration takes raised events in the order they were raised, so
/// once the event of a later, real decision is in its history, an event that a page view or a refused post had wrongly
/// raised before it would be there too.
/// </summary>
public sealed class WorkflowHistory(AzuriteInstance storage, string taskHub)
{
    public WorkflowHistory(IHostStack stack) : this(stack.Storage, stack.TaskHub)
    {
    }

    private TableClient History => new TableServiceClient(storage.ConnectionString).GetTableClient(taskHub + "History");

    /// <summary>Every event the orchestration of <paramref name="requestId"/> has taken, in the order it took them.</summary>
    public async Task<IReadOnlyList<TakenEvent>> TakenEventsAsync(string requestId)
    {
        var taken = new List<TakenEvent>();
        await foreach (var row in History.QueryAsync<TableEntity>($"PartitionKey eq '{requestId}' and EventType eq 'EventRaised'",
            select: ["Name", "Input"], cancellationToken: TestContext.Current.CancellationToken))
        {
            taken.Add(new TakenEvent(row.GetString("Name") ?? "", DecisionIn(row.GetString("Input"))));
        }
        return taken; // rows come in row key order: the history's sequence numbers
    }

    /// <summary>Waits until the orchestration of <paramref name="requestId"/> has set a durable timer and every activity it
    /// scheduled has completed, none failed (a failed one would be retried after a timer too): it is at rest, waiting for an
    /// event or its timer, and does nothing more until one comes.</summary>
    public Task WaitUntilRestingOnATimerAsync(string requestId) =>
        Poll.UntilAsync(async () =>
            {
                int scheduled = 0, completed = 0, failed = 0, timers = 0;
                await foreach (var row in History.QueryAsync<TableEntity>($"PartitionKey eq '{requestId}'", select: ["EventType"],
                    cancellationToken: TestContext.Current.CancellationToken))
                {
                    switch (row.GetString("EventType"))
                    {
                        case "TaskScheduled": scheduled++; break;
                        case "TaskCompleted": completed++; break;
                        case "TaskFailed": failed++; break;
                        case "TimerCreated": timers++; break;
                    }
                }
                return (Scheduled: scheduled, Completed: completed, Failed: failed, Timers: timers);
            }, h => h.Timers > 0 && h.Failed == 0 && h.Scheduled == h.Completed, TimeSpan.FromSeconds(60),
            $"the orchestration of {requestId} at rest on a timer",
            h => $"{h.Scheduled} activities scheduled, {h.Completed} completed, {h.Failed} failed, {h.Timers} timers",
            TestContext.Current.CancellationToken, HistoryReadInterval);

    /// <summary>Waits until the orchestration has taken an event that <paramref name="match"/> takes, and returns every event
    /// it has taken by then.</summary>
    public Task<IReadOnlyList<TakenEvent>> WaitForTakenAsync(string requestId, Func<TakenEvent, bool> match, string what) =>
        Poll.UntilAsync(() => TakenEventsAsync(requestId), taken => taken.Any(match), TimeSpan.FromSeconds(60),
            $"the orchestration of {requestId} took {what}", taken => $"[{string.Join(", ", taken)}]", TestContext.Current.CancellationToken,
            HistoryReadInterval);

    /// <summary>Azurite reads every row of a table for any query, and the history table is the largest a shared stack has.</summary>
    private static readonly TimeSpan HistoryReadInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The "decision" of a link decision or the "action" of an admin action, whatever the serializer's casing.</summary>
    private static string? DecisionIn(string? input)
    {
        if (string.IsNullOrEmpty(input)) return null;
        try
        {
            using var document = JsonDocument.Parse(input);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.String) return DecisionIn(root.GetString());
            if (root.ValueKind != JsonValueKind.Object) return null;
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name.Equals("decision", StringComparison.OrdinalIgnoreCase) || property.Name.Equals("action", StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
