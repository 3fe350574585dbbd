using Microsoft.DurableTask;
using WgeoFlows.Configuration;

namespace WgeoFlows.Workflow;

/// <summary>The SendEmail activity's retry policy (<see cref="MailRetryOptions"/>), carried in <see cref="WorkflowSettings"/>
/// so that the orchestrator never reads configuration itself.</summary>
public sealed record EmailRetrySettings(int MaxAttempts, TimeSpan FirstInterval, double BackoffCoefficient, TimeSpan MaxInterval)
{
    public static readonly EmailRetrySettings Default = From(new MailRetryOptions());

    public static EmailRetrySettings From(MailRetryOptions options) =>
        new(options.MaxAttempts, options.FirstInterval, options.BackoffCoefficient, options.MaxInterval);

    public TaskOptions ToTaskOptions() => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: MaxAttempts, firstRetryInterval: FirstInterval, backoffCoefficient: BackoffCoefficient,
        maxRetryInterval: MaxInterval));
}
