using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WgeoFlows.Local.Runtime;

namespace WgeoFlows.Tests.StorageFaults;

/// <summary>The local host's lock renewal (compiled in from WgeoFlows.Local): what keeps a work item's message hidden
/// while it runs, now that the visibility timeouts are short. Time is a fake clock the tests move, one renewal interval at a
/// time once the renewal loop is waiting on it; renewals are counted, never timed.</summary>
public sealed class LockRenewalsTests
{
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Interval = VisibilityTimeout / 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A fake clock that says when someone starts waiting on it, so that a test moves time only once the renewal
    /// loop waits (time moved earlier would not count for a timer made later).</summary>
    private sealed class Clock : FakeTimeProvider
    {
        private readonly Channel<bool> _waits = Channel.CreateUnbounded<bool>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _waits.Writer.TryWrite(true);
            return timer;
        }

        /// <summary>Waits until the loop waits for its next interval, then lets that interval pass.</summary>
        public async Task NextIntervalAsync()
        {
            await _waits.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);
            Advance(Interval);
        }
    }

    [Fact]
    public async Task A_held_work_item_is_renewed_once_per_interval_until_it_is_let_go_and_never_after()
    {
        var clock = new Clock();
        var renewals = new LockRenewals(VisibilityTimeout, NullLogger.Instance, clock);
        var renewed = Channel.CreateUnbounded<bool>();
        var count = 0;
        var workItem = new object();
        renewals.Hold(workItem, () =>
        {
            Interlocked.Increment(ref count);
            renewed.Writer.TryWrite(true);
            return Task.CompletedTask;
        });

        for (var i = 1; i <= 3; i++)
        {
            await clock.NextIntervalAsync();
            await renewed.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);
            Volatile.Read(ref count).ShouldBe(i);
        }
        await renewals.LetGoAsync(workItem);
        // The loop is over once LetGoAsync returns: no interval that passes now can renew again.
        clock.Advance(Interval * 10);

        Volatile.Read(ref count).ShouldBe(3, "renewals after the work item was let go");
    }

    [Fact]
    public async Task Letting_go_waits_for_the_renewal_under_way_so_completion_never_uses_a_stale_pop_receipt()
    {
        var clock = new Clock();
        var renewals = new LockRenewals(VisibilityTimeout, NullLogger.Instance, clock);
        var workItem = new object();
        var renewing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finishRenewal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        renewals.Hold(workItem, async () =>
        {
            renewing.TrySetResult();
            await finishRenewal.Task;
        });

        await clock.NextIntervalAsync();
        await renewing.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        // Stopping a loop that is inside a renewal has nothing to cancel, so a LetGoAsync that did not wait for the renewal
        // would already be complete here.
        var letGo = renewals.LetGoAsync(workItem);
        letGo.IsCompleted.ShouldBeFalse("let go while a renewal was still under way");

        finishRenewal.SetResult();
        await letGo.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_renewal_that_fails_while_storage_is_down_is_tried_again_at_the_next_interval()
    {
        var clock = new Clock();
        var renewals = new LockRenewals(VisibilityTimeout, NullLogger.Instance, clock);
        var workItem = new object();
        var attempted = Channel.CreateUnbounded<int>();
        var attempts = 0;
        renewals.Hold(workItem, () =>
        {
            var attempt = Interlocked.Increment(ref attempts);
            attempted.Writer.TryWrite(attempt);
            return attempt <= 2 ? Task.FromException(new IOException("storage is not answering")) : Task.CompletedTask;
        });

        for (var i = 1; i <= 3; i++)
        {
            await clock.NextIntervalAsync();
            (await attempted.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken)).ShouldBe(i);
        }
        await renewals.LetGoAsync(workItem);
    }
}
