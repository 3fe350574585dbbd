using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using WgeoFlows.Shared.Resilience;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Shared;

/// <summary>The product's retries, on a fake clock: which faults are retried, how many times, after what pauses.</summary>
public sealed class RetryPipelinesTests
{
    private readonly ObservedClock _clock = new(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
    private readonly RetryPipelines _retries;

    public RetryPipelinesTests() => _retries = new RetryPipelines(_clock, NullLogger<RetryPipelines>.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs <paramref name="run"/> through <paramref name="pipeline"/>, firing each pause the pipeline asks for
    /// once it has asked; returns the pauses and the finished execution.</summary>
    private async Task<(List<TimeSpan> Pauses, Task Execution)> RunAsync(Polly.ResiliencePipeline pipeline, Func<ValueTask> run)
    {
        var execution = pipeline.ExecuteAsync(_ => run(), Ct).AsTask();
        var pauses = new List<TimeSpan>();
        using var finished = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        while (true)
        {
            // The execution ends only between pauses: a pause is over only when the test moves the clock.
            var timer = _clock.NextTimerAsync(finished.Token);
            if (await Task.WhenAny(execution, timer) == execution)
            {
                await finished.CancelAsync();
                await Should.ThrowAsync<OperationCanceledException>(timer);
                return (pauses, execution);
            }
            pauses.Add(await timer);
            _clock.Advance(pauses[^1]);
        }
    }

    [Fact]
    public async Task A_dispatch_is_tried_five_times_after_pauses_of_one_two_four_and_eight_seconds_on_transient_faults()
    {
        var attempts = 0;

        var (pauses, execution) = await RunAsync(_retries.Dispatch, () =>
        {
            attempts++;
            throw new RequestFailedException(503, "storage is busy");
        });

        attempts.ShouldBe(RetryPipelines.DispatchAttempts);
        pauses.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)]);
        (await Should.ThrowAsync<RequestFailedException>(execution)).Status.ShouldBe(503);
    }

    [Fact]
    public async Task A_dispatch_that_fails_for_good_is_not_retried()
    {
        var attempts = 0;

        await Should.ThrowAsync<RequestFailedException>(() => _retries.Dispatch.ExecuteAsync(_ =>
        {
            attempts++;
            throw new RequestFailedException(400, "the request is wrong");
        }, Ct).AsTask());

        attempts.ShouldBe(1);
        _clock.TimerPending.ShouldBeFalse();
    }

    [Fact]
    public async Task A_dispatch_that_succeeds_on_a_retry_returns_normally()
    {
        var attempts = 0;

        var (pauses, execution) = await RunAsync(_retries.Dispatch, () =>
            ++attempts < 3 ? throw new TimeoutException("no answer") : ValueTask.CompletedTask);

        await execution;
        attempts.ShouldBe(3);
        pauses.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]);
    }

    [Fact]
    public async Task A_counter_transaction_that_lost_a_race_is_recounted_fifty_more_times_after_short_growing_pauses()
    {
        var attempts = 0;

        var (pauses, execution) = await RunAsync(_retries.TableContention, () =>
        {
            attempts++;
            throw new TableTransactionFailedException(new RequestFailedException(412, "the counter changed"));
        });

        (await Should.ThrowAsync<TableTransactionFailedException>(execution)).Status.ShouldBe(412);
        attempts.ShouldBe(RetryPipelines.ContentionRetries + 1);
        pauses.Count.ShouldBe(RetryPipelines.ContentionRetries);
        for (var i = 0; i < pauses.Count; i++)
        {
            pauses[i].ShouldBeInRange(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20 + i * 10 - 1));
        }
    }

    [Fact]
    public async Task Only_a_lost_race_is_recounted_not_another_storage_error()
    {
        var attempts = 0;

        await Should.ThrowAsync<TableTransactionFailedException>(() => _retries.TableContention.ExecuteAsync(_ =>
        {
            attempts++;
            throw new TableTransactionFailedException(new RequestFailedException(400, "the batch is invalid"));
        }, Ct).AsTask());

        attempts.ShouldBe(1);
        _clock.TimerPending.ShouldBeFalse();
    }
}
