namespace WgeoFlows.WorkflowContracts;

/// <summary>
/// An activity of the request workflow: a plain class, constructor-injected, that both hosts call — the Functions
/// host from a one-line [Function], the local host through <see cref="Hosting.WorkflowRegistration"/>.
/// Every implementation is idempotent: it may run more than once for the same input (retries, replays after a crash).
/// Its own input and output records sit beside it, in its file or folder; only records that several stages share stay in
/// this folder. Histories hold them as JSON by property name (no type names), so moving one changes nothing stored.
/// </summary>
public interface IWorkflowActivity<TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken = default);
}
