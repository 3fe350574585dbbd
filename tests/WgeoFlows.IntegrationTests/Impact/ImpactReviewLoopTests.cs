using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Impact;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Impact;

/// <summary>Its own Azurite: the counts it checks are exact.</summary>
public sealed class ImpactReviewLoopTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private readonly ImpactStack _stack = new(azurite);

    [Fact]
    public async Task A_request_that_goes_back_to_review_is_approved_and_decided_once()
    {
        var requestId = await _stack.SubmitAsync(platform: "financial-sector");
        await _stack.StatusAsync(requestId, RequestStatus.InReview, RequestStatus.Screening, ImpactStack.Submitted);
        await _stack.StatusAsync(requestId, RequestStatus.AwaitingRequesterInfo, RequestStatus.InReview, ImpactStack.Submitted.AddDays(1));
        await _stack.StatusAsync(requestId, RequestStatus.InReview, RequestStatus.AwaitingRequesterInfo, ImpactStack.Submitted.AddDays(3));
        await _stack.StatusAsync(requestId, RequestStatus.Matching, RequestStatus.InReview, ImpactStack.Submitted.AddDays(20));

        var counters = await _stack.Services.GetRequiredService<ImpactStatsStore>().CountersAsync(TestContext.Current.CancellationToken);
        counters.Where(c => c.Metric == ImpactMetrics.Approved && c.Dimension == "platform" && c.Value == "financial-sector").Sum(c => c.Count).ShouldBe(1);
        counters.Where(c => c.Metric == "daysToDecision").Sum(c => c.Count).ShouldBe(1);
        counters.Where(c => c.Metric == ImpactMetrics.Received && c.Dimension == "platform" && c.Value == "financial-sector").Sum(c => c.Count).ShouldBe(1);
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
