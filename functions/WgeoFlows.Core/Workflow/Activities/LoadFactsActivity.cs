using WgeoFlows.Links;
using WgeoFlows.Storage;

namespace WgeoFlows.Workflow.Activities;

public sealed class LoadFactsActivity(RequestStore requests, LinkIssuer links) : IWorkflowActivity<string, RequestFacts>
{
    public async Task<RequestFacts> RunAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var stored = await requests.GetAsync(requestId, cancellationToken)
            ?? throw new InvalidOperationException($"Request {requestId} has no record.");
        var r = stored.Request;
        return new RequestFacts(r.RequestId, r.Organization.Platform, r.Contact.Name, r.Contact.Email, r.Contact.Language,
            links.StatusUrl(r.RequestId));
    }
}
