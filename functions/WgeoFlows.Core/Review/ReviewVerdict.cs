using System.Diagnostics.CodeAnalysis;
using WgeoFlows.Links;
using WgeoFlows.Workflow.Steps;

namespace WgeoFlows.Review;

/// <summary>A reviewer's decision. The link page reads it from the form's word and the workflow from the word in the
/// <see cref="LinkDecision"/> it receives; the words (<see cref="ReviewStep.Approve"/>, <see cref="ReviewStep.Reject"/>,
/// <see cref="ReviewStep.RequestInfo"/>) are what link stages, timelines and histories hold, so they stay.</summary>
public enum ReviewVerdict { Approve, Reject, RequestInfo }

public static class ReviewVerdicts
{
    /// <summary>Reads a form's word, exactly as the review page sends it; false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? word, out ReviewVerdict verdict)
    {
        (var known, verdict) = word switch
        {
            ReviewStep.Approve => (true, ReviewVerdict.Approve),
            ReviewStep.Reject => (true, ReviewVerdict.Reject),
            ReviewStep.RequestInfo => (true, ReviewVerdict.RequestInfo),
            _ => (false, default),
        };
        return known;
    }

    public static string ToWord(this ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.Approve => ReviewStep.Approve,
        ReviewVerdict.Reject => ReviewStep.Reject,
        ReviewVerdict.RequestInfo => ReviewStep.RequestInfo,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary>The verdict of a decision the workflow received. The page admits only the three words; anything else asks the
    /// requester, as the workflow always did, so that no history replays differently.</summary>
    public static ReviewVerdict Of(LinkDecision decision) => TryParse(decision.Decision, out var verdict) ? verdict : ReviewVerdict.RequestInfo;
}
