using WgeoFlows.Links;

namespace WgeoFlows.Tests.Links;

public sealed class LinkStageTests
{
    private static LinkStage Stage(LinkDecision? decision = null, string? closed = null) =>
        new("WG-1", "review-1-r0", LinkKind.Review, "Review", ["lead@example.org", "backup@example.org"], DateTimeOffset.UnixEpoch,
            null, decision, closed, null);

    [Fact]
    public void A_stage_is_open_until_decided_or_closed()
    {
        Stage().IsOpen.ShouldBeTrue();
        Stage(new LinkDecision("review-1-r0", "lead@example.org", "approve", null, DateTimeOffset.UnixEpoch)).IsOpen.ShouldBeFalse();
        Stage(closed: "expired").IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void Only_the_stage_persons_may_decide_whatever_the_letter_case()
    {
        Stage().Allows("LEAD@example.org").ShouldBeTrue();
        Stage().Allows("someone@example.org").ShouldBeFalse();
    }
}
