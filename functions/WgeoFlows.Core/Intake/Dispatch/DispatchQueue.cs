using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.DurableTask.Client;
using WgeoFlows.Intake.Submissions;

namespace WgeoFlows.Intake.Dispatch;

/// <summary>
/// The in-process hand-over from the webhook to the dispatcher: the delivery that added an inbox row passes the
/// submission on here and answers at once. Each request id is held by one dispatch at a time in this process, so the
/// sweep never runs a row the hand-over is already running. Nothing here needs to survive a restart: the inbox row does,
/// and the sweep finds it.
/// </summary>
public sealed class DispatchQueue
{
    private readonly Channel<DispatchItem> _items = Channel.CreateUnbounded<DispatchItem>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);
    private int _arriving;
    private long _lastArrivalEnded;

    public ChannelReader<DispatchItem> Reader => _items.Reader;

    /// <summary>Hands a freshly added row over; the caller has just won its claim, so nobody else holds it.</summary>
    public void Enqueue(PendingSubmission pending, DurableTaskClient durable)
    {
        _held.TryAdd(pending.RequestId, 0);
        _items.Writer.TryWrite(new DispatchItem(pending, durable, Attempt: 0));
    }

    /// <summary>Puts an item back after a failed attempt (the caller still holds it).</summary>
    public void Retry(DispatchItem item) => _items.Writer.TryWrite(item with { Attempt = item.Attempt + 1 });

    /// <summary>Takes hold of <paramref name="requestId"/> for a sweep; false while another dispatch here holds it.</summary>
    public bool TryHold(string requestId) => _held.TryAdd(requestId, 0);

    public void Release(string requestId) => _held.TryRemove(requestId, out _);

    /// <summary>A delivery has come in (any door); pair with <see cref="DeliveryEnded"/>.</summary>
    public void DeliveryStarted() => Interlocked.Increment(ref _arriving);

    public void DeliveryEnded()
    {
        Interlocked.Decrement(ref _arriving);
        Volatile.Write(ref _lastArrivalEnded, Environment.TickCount64);
    }

    /// <summary>True while deliveries are being answered, or one was answered within the last 100 ms: a burst is on.</summary>
    public bool DeliveriesArriving =>
        Volatile.Read(ref _arriving) > 0 || Environment.TickCount64 - Volatile.Read(ref _lastArrivalEnded) < 100;
}

/// <summary>One dispatch to do. <paramref name="Pending"/> is the submission as the webhook stored it (no need to read the
/// row back); <paramref name="Attempt"/> counts failed tries.</summary>
public sealed record DispatchItem(PendingSubmission Pending, DurableTaskClient Durable, int Attempt)
{
    public string RequestId => Pending.RequestId;
}
