using WgeoFlows.Links;
using WgeoFlows.Shared;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Review.Activities;

// Stored as JSON in the histories of running orchestrations: add optional members only, never rename or remove one.
public sealed record OpenUpdateCommand(string RequestId, string StageKey, string Question, string AskedBy, DateTimeOffset At) : IHasRequestId;

/// <summary>Opens the requester's "more information" stage and makes their update link.</summary>
public sealed class OpenRequesterUpdateActivity(RequestStore requests, LinkStageStore stages, LinkIssuer links)
    : IWorkflowActivity<OpenUpdateCommand, PersonLink>
{
    public async Task<PersonLink> RunAsync(OpenUpdateCommand c, CancellationToken cancellationToken = default)
    {
        var request = (await requests.GetAsync(c.RequestId, cancellationToken))?.Request
            ?? throw new InvalidOperationException($"Request {c.RequestId} has no record.");
        var email = request.Contact.Email.ToLowerInvariant();
        await stages.OpenAsync(c.RequestId, c.StageKey, LinkKind.Update, "More information", [email], c.Question, c.At, cancellationToken);
        return new PersonLink(email, request.Contact.Name, links.DecisionUrl(LinkKind.Update, c.RequestId, email, c.StageKey, c.At));
    }
}
