using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace WgeoFlows.Tests.Support;

/// <summary>
/// A fake clock that tells when a waiter sets a timer, and for how long: a test moves time on only once the code under
/// test waits for it, so no run is skipped because time moved before that code looked at it.
/// </summary>
public sealed class ObservedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until the next timer is set and returns its due time (failing after a deadline).</summary>
    public async Task<TimeSpan> NextTimerAsync(CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        return await _timers.Reader.ReadAsync(deadline.Token);
    }

    /// <summary>Waits until <paramref name="count"/> more timers have been set.</summary>
    public async Task TimersSetAsync(int count)
    {
        for (var i = 0; i < count; i++) await NextTimerAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Whether a timer was set that no test has looked at yet.</summary>
    public bool TimerPending => _timers.Reader.TryPeek(out _);
}
