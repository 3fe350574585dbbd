using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Links;

namespace WgeoFlows.Workflow.Activities;

public sealed class LoadSettingsActivity(
    IOptions<ReviewOptions> review, IOptions<MatchingOptions> matching, IOptions<FollowUpOptions> followUp,
    IOptions<AdminOptions> admin, IOptions<MailOptions> mail, LinkIssuer links) : IWorkflowActivity<string, WorkflowSettings>
{
    public Task<WorkflowSettings> RunAsync(string requestId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new WorkflowSettings(
            review.Value.ReminderAfter, review.Value.EscalateAfter, review.Value.ExpireAfter,
            matching.Value.CandidatesPerRound, matching.Value.MaxRounds, matching.Value.OfferTimeout,
            followUp.Value.After, admin.Value.NotifyEmails, links.AdminUrl,
            EmailRetrySettings.From(mail.Value.Retry)));
}
