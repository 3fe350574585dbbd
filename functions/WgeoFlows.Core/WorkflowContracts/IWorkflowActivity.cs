namespace WgeoFlows.WorkflowContracts;

/// <summary>
/// An activity of the request workflow: a plain class, constructor-injected, that both hosts call — the Functions
/// host from a one-line [Function], the local host through <see cref="Hosting.WorkflowRegistration"/>.
/// Every implementation is idempotent: it may run more than once for the same input (retries, replays after a crash).
/// </summary>
public interface IWorkflowActivity<TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken = default);
}
