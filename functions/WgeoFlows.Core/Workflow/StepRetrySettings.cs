using Microsoft.DurableTask;

namespace WgeoFlows.Workflow;

/// <summary>
/// How a step's activity is retried: with backoff (2 s doubling, 6 attempts, about a minute), so that storage hiccups and short
/// outages heal; a permanent fault fails the orchestration, which the admin view shows with its error and can restart. Carried in
/// <see cref="WorkflowSettings"/> so that orchestration tests can run the same policy in milliseconds; the hosts use
/// <see cref="Default"/>.
/// </summary>
public sealed record StepRetrySettings(int MaxAttempts, TimeSpan FirstInterval, double BackoffCoefficient, TimeSpan MaxInterval)
{
    public static readonly StepRetrySettings Default = new(6, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(2));

    /// <param name="worthRetrying">Tells a failure that cannot heal, to fail at once (null: every failure is retried).</param>
    public TaskOptions ToTaskOptions(Func<TaskFailureDetails, bool>? worthRetrying = null) => TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: MaxAttempts, firstRetryInterval: FirstInterval, backoffCoefficient: BackoffCoefficient,
            maxRetryInterval: MaxInterval)
        {
            HandleFailure = worthRetrying ?? (_ => true),
        });
}
