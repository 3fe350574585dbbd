using WgeoFlows.Links;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Links;

/// <summary>Closing a link stage (expiry, reassignment, cancellation) against superseding it (a new review round).</summary>
public sealed class LinkStageClosingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Opened = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private async Task<LinkStageStore> StoreWithDecidedStageAsync(string requestId)
    {
        var store = new LinkStageStore(azurite.NewStorageClients());
        await store.OpenAsync(requestId, "review-1-r0", LinkKind.Review, "Review", ["lead@example.org"], null, Opened, Ct);
        var (outcome, _) = await store.TryDecideAsync(requestId,
            new LinkDecision("review-1-r0", "lead@example.org", "request-info", "Which settlements?", Opened.AddHours(1)), Ct);
        outcome.ShouldBe(DecideOutcome.Recorded);
        return store;
    }

    [Fact]
    public async Task Closing_leaves_a_decided_stage_as_it_is()
    {
        var store = await StoreWithDecidedStageAsync("req-close-decided");
        await store.CloseAsync("req-close-decided", "review-1-r0", "expired", Opened.AddDays(1), Ct);

        var stage = (await store.GetAsync("req-close-decided", "review-1-r0", Ct))!;
        stage.ClosedReason.ShouldBeNull();
        stage.Decision!.Person.ShouldBe("lead@example.org");
    }

    [Fact]
    public async Task Superseding_a_decided_stage_keeps_its_decision_and_marks_it_over()
    {
        var store = await StoreWithDecidedStageAsync("req-supersede");
        await store.SupersedeAsync("req-supersede", "review-1-r0", "a new review round has started", Opened.AddDays(1), Ct);

        var stage = (await store.GetAsync("req-supersede", "review-1-r0", Ct))!;
        stage.IsOpen.ShouldBeFalse();
        stage.Decision!.Decision.ShouldBe("request-info");
        stage.ClosedReason.ShouldBe("a new review round has started");
        stage.ClosedAt.ShouldBe(Opened.AddDays(1));
        var (again, _) = await store.TryDecideAsync("req-supersede",
            new LinkDecision("review-1-r0", "lead@example.org", "approve", null, Opened.AddDays(2)), Ct);
        again.ShouldBe(DecideOutcome.AlreadyDecided);
    }

    [Fact]
    public async Task Closing_an_open_stage_makes_every_later_decision_refused_as_closed()
    {
        var store = new LinkStageStore(azurite.NewStorageClients());
        await store.OpenAsync("req-close-open", "review-1-r0", LinkKind.Review, "Review", ["lead@example.org"], null, Opened, Ct);
        await store.CloseAsync("req-close-open", "review-1-r0", "reassigned to deputy@example.org", Opened.AddHours(2), Ct);

        var (outcome, stage) = await store.TryDecideAsync("req-close-open",
            new LinkDecision("review-1-r0", "lead@example.org", "approve", null, Opened.AddHours(3)), Ct);
        outcome.ShouldBe(DecideOutcome.Closed);
        stage!.ClosedReason.ShouldBe("reassigned to deputy@example.org");
    }
}
