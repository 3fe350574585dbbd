using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Links;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Matching.FollowUp;

/// <summary>Opens one follow-up stage per person (each answers for itself) and makes their form links. Idempotent: a retry
/// finds the stages open and issues the same kind of links.</summary>
public sealed class OpenFollowUpActivity(LinkStageStore stages, LinkIssuer links, IOptions<FollowUpOptions> options)
    : IWorkflowActivity<OpenFollowUpCommand, OpenedFollowUp>
{
    public async Task<OpenedFollowUp> RunAsync(OpenFollowUpCommand c, CancellationToken cancellationToken = default)
    {
        var opened = new List<FollowUpLink>(c.People.Count);
        foreach (var person in c.People)
        {
            var stageKey = FollowUpForm.StageKeyOf(person.Key);
            var email = person.Email.ToLowerInvariant();
            await stages.OpenAsync(c.RequestId, stageKey, LinkKind.FollowUp, "Follow-up: how is the cooperation going?", [email], null, c.At,
                cancellationToken);
            opened.Add(new FollowUpLink(person, stageKey,
                new PersonLink(email, person.Name, links.DecisionUrl(LinkKind.FollowUp, c.RequestId, email, stageKey, c.At))));
        }
        return new OpenedFollowUp(opened, options.Value.AnswerWithin);
    }
}
