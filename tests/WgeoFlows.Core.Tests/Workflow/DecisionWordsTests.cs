using WgeoFlows.Links;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Review;

namespace WgeoFlows.Tests.Workflow;

/// <summary>Review verdicts and offer answers are enums in code and the same words in link stages, timelines and histories;
/// a word a history might hold that the pages never wrote is read as the workflow always read it.</summary>
public sealed class DecisionWordsTests
{
    private static LinkDecision Decided(string word) => new("stage", "someone@example.org", word, null, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("approve", ReviewVerdict.Approve)]
    [InlineData("reject", ReviewVerdict.Reject)]
    [InlineData("request-info", ReviewVerdict.RequestInfo)]
    public void A_review_word_reads_as_its_verdict_and_back(string word, ReviewVerdict verdict)
    {
        ReviewVerdicts.TryParse(word, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(verdict);
        verdict.ToWord().ShouldBe(word);
        ReviewVerdicts.Of(Decided(word)).ShouldBe(verdict);
    }

    [Theory]
    [InlineData("Approve")]
    [InlineData("answer")]
    [InlineData("")]
    public void Any_other_review_word_is_refused_by_the_page_and_asks_the_requester_in_the_workflow(string word)
    {
        ReviewVerdicts.TryParse(word, out _).ShouldBeFalse();
        ReviewVerdicts.Of(Decided(word)).ShouldBe(ReviewVerdict.RequestInfo);
    }

    [Theory]
    [InlineData("accept", OfferAnswer.Accept)]
    [InlineData("decline", OfferAnswer.Decline)]
    public void An_offer_word_reads_as_its_answer_and_back(string word, OfferAnswer answer)
    {
        OfferAnswers.TryParse(word, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(answer);
        answer.ToWord().ShouldBe(word);
        OfferAnswers.Of(Decided(word)).ShouldBe(answer);
    }

    [Theory]
    [InlineData("Accept")]
    [InlineData("yes")]
    public void Only_the_accept_word_accepts_an_offer(string word)
    {
        OfferAnswers.TryParse(word, out _).ShouldBeFalse();
        OfferAnswers.Of(Decided(word)).ShouldBe(OfferAnswer.Decline);
    }
}
