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
/// It is bounded (<c>Intake:DispatchQueueCapacity</c>): a delivery first reserves a place (<see cref="TryReserve"/>), before
/// it stores anything, and a door whose reservation is refused answers 503 with Retry-After. So a flood of submissions
/// costs at most that many waiting dispatches in memory, and no row is added that the host could not start soon.
/// Time (for <see cref="DeliveriesArriving"/>) comes from <paramref name="clock"/>, so that tests can move it.
/// </summary>
public sealed class DispatchQueue(int capacity = DispatchQueue.DefaultCapacity, TimeProvider? clock = null)
{
    /// <summary>How long after the last answered delivery a burst still counts as on.</summary>
    public static readonly TimeSpan BurstQuiet = TimeSpan.FromMilliseconds(100);

    public const int DefaultCapacity = 1000;
    /// <summary>What a door tells a sender it refused because the queue was full: about the time two workers take to
    /// start a full queue's workflows (20–30 a second on two cores).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly Channel<DispatchItem> _items = Channel.CreateUnbounded<DispatchItem>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);
    private readonly int _capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity,
        "Intake:DispatchQueueCapacity must be at least 1.");
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private int _arriving;
    private long _lastArrivalEnded = long.MinValue;
    /// <summary>Places taken: reserved by a delivery on its way, or items waiting for a worker.</summary>
    private int _waiting;

    public ChannelReader<DispatchItem> Reader => _items.Reader;

    public int Capacity => _capacity;

    /// <summary>Places taken (reserved or waiting).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Takes a place for a delivery about to store a submission; false when the queue is full (store nothing,
    /// answer 503). Pair with <see cref="Enqueue"/> or, when nothing was added, <see cref="CancelReservation"/>.</summary>
    public bool TryReserve()
    {
        while (true)
        {
            var taken = Volatile.Read(ref _waiting);
            if (taken >= _capacity) return false;
            if (Interlocked.CompareExchange(ref _waiting, taken + 1, taken) == taken) return true;
        }
    }

    public void CancelReservation() => Interlocked.Decrement(ref _waiting);

    /// <summary>Hands a freshly added row over, in the place its delivery reserved; the caller has just won its claim, so
    /// nobody else holds it.</summary>
    public void Enqueue(PendingSubmission pending, DurableTaskClient durable)
    {
        _held.TryAdd(pending.RequestId, 0);
        _items.Writer.TryWrite(new DispatchItem(pending, durable));
    }

    /// <summary>The items to dispatch, each freeing its place as a worker takes it.</summary>
    public async IAsyncEnumerable<DispatchItem> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in _items.Reader.ReadAllAsync(cancellationToken))
        {
            Interlocked.Decrement(ref _waiting);
            yield return item;
        }
    }

    /// <summary>Takes hold of <paramref name="requestId"/> for a sweep; false while another dispatch here holds it.</summary>
    public bool TryHold(string requestId) => _held.TryAdd(requestId, 0);

    public void Release(string requestId) => _held.TryRemove(requestId, out _);

    /// <summary>A delivery has come in (any door); pair with <see cref="DeliveryEnded"/>.</summary>
    public void DeliveryStarted() => Interlocked.Increment(ref _arriving);

    public void DeliveryEnded()
    {
        Interlocked.Decrement(ref _arriving);
        Volatile.Write(ref _lastArrivalEnded, _clock.GetTimestamp());
    }

    /// <summary>True while deliveries are being answered, or one was answered within the last <see cref="BurstQuiet"/>: a burst is on.</summary>
    public bool DeliveriesArriving
    {
        get
        {
            if (Volatile.Read(ref _arriving) > 0) return true;
            var lastEnded = Volatile.Read(ref _lastArrivalEnded);
            return lastEnded != long.MinValue && _clock.GetElapsedTime(lastEnded) < BurstQuiet;
        }
    }
}

/// <summary>One dispatch to do. <paramref name="Pending"/> is the submission as the webhook stored it (no need to read the
/// row back).</summary>
public sealed record DispatchItem(PendingSubmission Pending, DurableTaskClient Durable)
{
    public string RequestId => Pending.RequestId;
}
