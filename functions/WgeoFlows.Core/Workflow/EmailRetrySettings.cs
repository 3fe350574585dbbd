using Microsoft.DurableTask;
using WgeoFlows.Configuration;
using WgeoFlows.Notifications;

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
        maxRetryInterval: MaxInterval)
    {
        HandleFailure = IsWorthRetrying,
    });

    /// <summary>
    /// A mail SendGrid refused (a 4xx other than 429) or a command that cannot make a mail (a bad address) fails the same
    /// way every time: with a budget of many minutes, retrying it would only delay the request's failure, which an admin
    /// must see and fix. Everything else (429, 5xx, timeouts, storage) is worth another try.
    /// </summary>
    public static bool IsWorthRetrying(TaskFailureDetails failure) =>
        !failure.IsCausedBy<EmailRejectedException>() && !failure.IsCausedBy<ArgumentException>();
}
