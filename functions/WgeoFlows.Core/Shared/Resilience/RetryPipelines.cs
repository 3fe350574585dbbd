using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace WgeoFlows.Shared.Resilience;

/// <summary>
/// The product's own retries, in one place: how often and after what pause an operation is tried again. The workflow's
/// retries are not here: they are durable, in the orchestration (the orchestrator's retry policies).
/// </summary>
public sealed class RetryPipelines
{
    /// <summary>A dispatch is tried five times (pauses of 1, 2, 4, 8 s) before the sweep is left to take it up.</summary>
    public const int DispatchAttempts = 5;

    /// <summary>A counter transaction that lost a race is recounted up to 50 more times: under a burst many writers meet
    /// on the same shard's counters, and each retry reads them again.</summary>
    public const int ContentionRetries = 50;

    /// <summary>The request an execution is about, for the retry's log line.</summary>
    public static readonly ResiliencePropertyKey<string> RequestId = new("wgeo.request_id");

    public RetryPipelines(TimeProvider time, ILogger<RetryPipelines> logger)
    {
        Dispatch = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && TransientFaults.IsTransient(e)
                    && !args.Context.CancellationToken.IsCancellationRequested),
                MaxRetryAttempts = DispatchAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(1),
                UseJitter = false,
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "{Operation} of {RequestId} failed (attempt {Attempt}); retrying in {Pause}",
                        args.Context.OperationKey, args.Context.Properties.GetValue(RequestId, ""), args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .Build();

        TableContention = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is TableTransactionFailedException { Status: 409 or 412 }),
                MaxRetryAttempts = ContentionRetries,
                // A short random pause that grows with each attempt, so that the writers that met spread out.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + args.AttemptNumber * 10))),
            })
            .Build();
    }

    /// <summary>Handing a stored submission to the Durable backend: retried on transient faults (<see cref="TransientFaults"/>).</summary>
    public ResiliencePipeline Dispatch { get; }

    /// <summary>A table transaction of counters (optimistic concurrency): retried when another writer changed a row in
    /// between (409 or 412); the operation reads the rows again on each attempt.</summary>
    public ResiliencePipeline TableContention { get; }
}
