using System.Diagnostics.CodeAnalysis;
using WgeoFlows.Links;
using WgeoFlows.Workflow.Steps;

namespace WgeoFlows.Matching.Offers;

/// <summary>A partner's answer to an offer. The words (<see cref="MatchingStep.Accept"/>, <see cref="MatchingStep.Decline"/>)
/// are what link stages, timelines and histories hold, so they stay.</summary>
public enum OfferAnswer { Accept, Decline }

public static class OfferAnswers
{
    /// <summary>Reads a form's word, exactly as the offer page sends it; false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? word, out OfferAnswer answer)
    {
        (var known, answer) = word switch
        {
            MatchingStep.Accept => (true, OfferAnswer.Accept),
            MatchingStep.Decline => (true, OfferAnswer.Decline),
            _ => (false, default),
        };
        return known;
    }

    public static string ToWord(this OfferAnswer answer) => answer switch
    {
        OfferAnswer.Accept => MatchingStep.Accept,
        OfferAnswer.Decline => MatchingStep.Decline,
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };

    /// <summary>The answer of a response the workflow received: only an acceptance accepts, as it always did.</summary>
    public static OfferAnswer Of(LinkDecision response) => TryParse(response.Decision, out var answer) ? answer : OfferAnswer.Decline;
}
