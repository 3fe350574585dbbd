using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace WgeoFlows.Tests.Scheduling;

/// <summary>
/// A fake clock that tells when a waiter has set a timer: a test moves time on only once the scheduler waits for it,
/// so no run is skipped because time moved before the scheduler looked at it.
/// </summary>
public sealed class ObservedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<bool> _timers = Channel.CreateUnbounded<bool>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(true);
        return timer;
    }

    /// <summary>Waits until <paramref name="count"/> more timers have been set (failing after a deadline).</summary>
    public async Task TimersSetAsync(int count)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        for (var i = 0; i < count; i++) await _timers.Reader.ReadAsync(deadline.Token);
    }
}
