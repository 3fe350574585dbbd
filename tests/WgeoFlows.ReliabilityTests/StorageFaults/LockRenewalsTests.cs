using Microsoft.Extensions.Logging.Abstractions;
using WgeoFlows.Local.Runtime;

namespace WgeoFlows.Tests.StorageFaults;

/// <summary>The local host's lock renewal (compiled in from WgeoFlows.Local): what keeps a work item's message hidden
/// while it runs, now that the visibility timeouts are short. Renewals are counted, never timed.</summary>
public sealed class LockRenewalsTests
{
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_held_work_item_is_renewed_again_and_again_until_it_is_let_go_and_never_after()
    {
        var renewals = new LockRenewals(VisibilityTimeout, NullLogger.Instance);
        var workItem = new object();
        var count = 0;
        renewals.Hold(workItem, () => { Interlocked.Increment(ref count); return Task.CompletedTask; });

        await WaitUntilAsync(() => Volatile.Read(ref count) >= 3, "three renewals");
        await renewals.LetGoAsync(workItem);
        var atLetGo = Volatile.Read(ref count);
        await Task.Delay(VisibilityTimeout * 2, TestContext.Current.CancellationToken);

        Volatile.Read(ref count).ShouldBe(atLetGo, "renewals after the work item was let go");
    }

    [Fact]
    public async Task Letting_go_waits_for_the_renewal_under_way_so_completion_never_uses_a_stale_pop_receipt()
    {
        var renewals = new LockRenewals(VisibilityTimeout, NullLogger.Instance);
        var workItem = new object();
        var renewing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finishRenewal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        renewals.Hold(workItem, async () =>
        {
            renewing.TrySetResult();
            await finishRenewal.Task;
        });

        await renewing.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        var letGo = renewals.LetGoAsync(workItem);
        await Task.Delay(VisibilityTimeout, TestContext.Current.CancellationToken);
        letGo.IsCompleted.ShouldBeFalse("let go while a renewal was still under way");

        finishRenewal.SetResult();
        await letGo.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_renewal_that_fails_while_storage_is_down_is_tried_again()
    {
        var renewals = new LockRenewals(VisibilityTimeout, NullLogger.Instance);
        var workItem = new object();
        var attempts = 0;
        renewals.Hold(workItem, () => Interlocked.Increment(ref attempts) <= 2
            ? Task.FromException(new IOException("storage is not answering"))
            : Task.CompletedTask);

        await WaitUntilAsync(() => Volatile.Read(ref attempts) >= 3, "a renewal after two failed ones");
        await renewals.LetGoAsync(workItem);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {what} within {Patience.TotalSeconds:0} s.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
