using WgeoFlows.Links;
using WgeoFlows.Shared;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Matching.FollowUp;

/// <summary>One person asked how the cooperation goes: the requester (key "requester") or a matched partner (key = partner id).</summary>
public sealed record FollowUpPerson(string Key, string Email, string Name, string Language);

public sealed record OpenFollowUpCommand(string RequestId, IReadOnlyList<FollowUpPerson> People, DateTimeOffset At) : IHasRequestId;

public sealed record FollowUpLink(FollowUpPerson Person, string StageKey, PersonLink Link);

/// <param name="AnswerWithin">How long the answers are waited for (<c>FollowUp:AnswerWithin</c>), read here once and kept in the
/// orchestration's history, so that a replay after a configuration change waits the same.</param>
public sealed record OpenedFollowUp(IReadOnlyList<FollowUpLink> Links, TimeSpan AnswerWithin);

/// <summary>The follow-up form (<c>/api/followup/{token}</c>, links of kind <see cref="LinkKind.FollowUp"/>): the answers its
/// <c>progress</c> field takes.</summary>
public static class FollowUpForm
{
    /// <summary>Each answer and the catalog key of its words.</summary>
    public static readonly IReadOnlyDictionary<string, string> Progress = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["on-track"] = "followup.progress.onTrack",
        ["some-difficulties"] = "followup.progress.someDifficulties",
        ["stalled"] = "followup.progress.stalled",
        ["completed"] = "followup.progress.completed",
    };

    public const int MaxCommentLength = 4000;

    public static string StageKeyOf(string personKey) => $"followup-{personKey}";
}
