using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Impact;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Impact;

/// <summary>Status changes recorded by the workflow keep the impact counters, once per request and event.</summary>
public sealed class ImpactCountingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private readonly ImpactStack _stack = new(azurite);

    [Fact]
    public async Task Matched_requests_are_counted_by_platform_region_theme_and_quarter_once_however_often_recorded()
    {
        await _stack.PartnerAsync("ss-1", publishable: true);
        await _stack.PartnerAsync("north-funder", publishable: true, country: "DE", globalSouth: false, role: WgeoFlows.Matching.PartnerRole.Funder);
        await _stack.PartnerAsync("shy", publishable: false);
        var consenting = await _stack.SubmitAsync(consent: true);
        var consentingWithShyPartner = await _stack.SubmitAsync(consent: true);
        var notConsenting = await _stack.SubmitAsync(consent: false);
        var triangular = await _stack.SubmitAsync(consent: false, platform: "academia-youth");

        await _stack.WalkToMatchedAsync(consenting, "ss-1");
        await _stack.WalkToMatchedAsync(consentingWithShyPartner, "shy");
        await _stack.WalkToMatchedAsync(notConsenting, "ss-1");
        await _stack.WalkToMatchedAsync(triangular, "ss-1", "north-funder");
        // The workflow retries activities: the same status recorded again counts nothing more.
        await _stack.WalkToMatchedAsync(consenting, "ss-1");

        var figures = await _stack.Services.GetRequiredService<ImpactHandler>().FiguresAsync(TestContext.Current.CancellationToken);
        var quarter = ImpactQuarters.Of(ImpactStack.Submitted);
        figures.Quarters.ShouldBe([quarter]);
        figures.Find("all", ImpactMetrics.Received)!.Figure.ShouldBe(4);
        figures.Find(quarter, ImpactMetrics.Approved)!.Figure.ShouldBe(4);
        figures.Find("all", ImpactMetrics.Matched, "region", "africa")!.Figure.ShouldBe(4);
        figures.Find("all", ImpactMetrics.Matched, "theme", "renewable-energy")!.Figure.ShouldBe(4);
        figures.Find("all", ImpactMetrics.Received, "platform", "cities")!.Figure.ShouldBe(3);
        // One youth request: below the minimum count of 3, so suppressed.
        figures.Find("all", ImpactMetrics.Received, "platform", "academia-youth")!.ShouldSatisfyAllConditions(
            c => c.Suppressed.ShouldBeTrue(), c => c.Figure.ShouldBeNull());
        figures.Find("all", ImpactMetrics.MatchSharePercent, "kind", ImpactRecorder.SouthSouth)!.Figure.ShouldBe(75);
        // One triangular match of four: the share would point at it, so it is suppressed.
        figures.Find("all", ImpactMetrics.MatchSharePercent, "kind", ImpactRecorder.Triangular)!.Suppressed.ShouldBeTrue();
        figures.Find("all", ImpactMetrics.MedianDaysToMatch)!.Figure.ShouldBe(7);
        figures.Find("all", ImpactMetrics.MedianDaysToDecision)!.Figure.ShouldBe(2);

        // Named only when the requester consented and every partner is publishable.
        var story = figures.Stories.ShouldHaveSingleItem();
        story.RequesterOrganization.ShouldBe("Organisation " + consenting[^6..]);
        story.Partners.ShouldHaveSingleItem().Organization.ShouldBe("Partner ss-1");
        story.Kind.ShouldBe(ImpactRecorder.SouthSouth);
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
