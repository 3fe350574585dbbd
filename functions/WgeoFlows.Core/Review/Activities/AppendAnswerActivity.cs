using WgeoFlows.Intake;
using WgeoFlows.Shared;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Review.Activities;

// Stored as JSON in the histories of running orchestrations: add optional members only, never rename or remove one.
public sealed record AppendAnswerCommand(string RequestId, string StageKey, string Question, string AskedBy, DateTimeOffset AskedAt,
    string Answer, DateTimeOffset AnsweredAt) : IHasRequestId;

/// <summary>Adds the requester's answer to the request, once per update stage, so reviewers see it on the next round.</summary>
public sealed class AppendAnswerActivity(RequestStore requests) : IWorkflowActivity<AppendAnswerCommand, bool>
{
    public async Task<bool> RunAsync(AppendAnswerCommand c, CancellationToken cancellationToken = default)
    {
        await requests.UpdateAsync(c.RequestId, r =>
        {
            // Idempotent: the same question answered at the same moment is the same exchange.
            if (r.AddedInformation.Any(x => x.AskedAt == c.AskedAt && x.Question == c.Question)) return r;
            // The review page refuses a question beyond the limit; this keeps the record within a table row's 1 MiB
            // should one ever get here another way.
            if (r.AddedInformation.Count >= ReviewLimits.MaxInformationRounds) return r;
            var exchange = new InformationExchange(c.Question, c.AskedBy, c.AskedAt, c.Answer, c.AnsweredAt);
            return r with { AddedInformation = [.. r.AddedInformation, exchange] };
        }, cancellationToken);
        return true;
    }
}
