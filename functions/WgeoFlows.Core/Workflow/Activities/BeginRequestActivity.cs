using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Links;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Workflow.Activities;

/// <summary>
/// The orchestration's first step. It reads what the run needs (its settings, once, and the facts to address people by)
/// and, on a request's first run, shows the new request where admins look: the timeline's "received" entry and the
/// admin index. The webhook leaves those two writes to this step, so that a delivery's answer waits only for its claim,
/// its record and the orchestration's start (docs/decisions/0003). Idempotent: the timeline key is fixed and the index
/// rows are replaced.
/// </summary>
public sealed class BeginRequestActivity(
    RequestStore requests, TimelineStore timeline, AdminIndexStore index, LinkIssuer links,
    IOptions<ReviewOptions> review, IOptions<MatchingOptions> matching, IOptions<FollowUpOptions> followUp,
    IOptions<AdminOptions> admin, IOptions<MailOptions> mail) : IWorkflowActivity<string, RequestStart>
{
    public async Task<RequestStart> RunAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var stored = await requests.GetAsync(requestId, cancellationToken)
            ?? throw new InvalidOperationException($"Request {requestId} has no record.");
        var r = stored.Request;
        // Only a request that has not moved yet is registered: an admin's restart of a later status must not put the
        // request back under "Received" in the admin index.
        if (r.Status == RequestStatus.Received)
        {
            await timeline.AppendAsync(new TimelineEntry(r.RequestId, "received", r.Contact.Email, "request received",
                $"submission {r.SubmissionId}", r.SubmittedAt), cancellationToken);
            await index.RecordAsync(new AdminIndexItem(r.RequestId, r.Title, r.Organization.Name, r.Organization.Platform,
                r.Organization.Country, r.Status, r.SubmittedAt, r.SubmittedAt), null, cancellationToken);
        }
        var settings = new WorkflowSettings(
            review.Value.ReminderAfter, review.Value.EscalateAfter, review.Value.ExpireAfter,
            matching.Value.CandidatesPerRound, matching.Value.MaxRounds, matching.Value.OfferTimeout,
            followUp.Value.After, admin.Value.NotifyEmails, links.AdminUrl,
            EmailRetrySettings.From(mail.Value.Retry));
        var facts = new RequestFacts(r.RequestId, r.Organization.Platform, r.Contact.Name, r.Contact.Email, r.Contact.Language,
            links.StatusUrl(r.RequestId));
        return new RequestStart(settings, facts);
    }
}

/// <summary>What <see cref="BeginRequestActivity"/> gives the orchestrator to run with.</summary>
public sealed record RequestStart(WorkflowSettings Settings, RequestFacts Facts);
