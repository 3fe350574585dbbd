using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Impact;
using WgeoFlows.Impact.Summary;
using WgeoFlows.Notifications;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Impact;

/// <summary>The quarterly summary: the quarter just ended, to the admins, with the page's link, once per quarter.</summary>
public sealed class ImpactSummaryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private readonly ImpactStack _stack = new(azurite);

    [Fact]
    public async Task The_summary_of_the_quarter_just_ended_goes_once_to_the_admins_with_the_page_link()
    {
        var now = DateTimeOffset.UtcNow;
        var quarter = ImpactQuarters.Previous(now);
        var previousQuarterStart = new DateTimeOffset(int.Parse(quarter[..4], System.Globalization.CultureInfo.InvariantCulture),
            (quarter[^1] - '1') * 3 + 1, 2, 9, 0, 0, TimeSpan.Zero);
        await _stack.PartnerAsync("sum-ss", publishable: false);
        var requests = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var requestId = await _stack.SubmitAsync(at: previousQuarterStart);
            await _stack.WalkToMatchedAsync(requestId, "sum-ss");
            requests.Add(requestId);
        }
        var job = _stack.Services.GetRequiredService<ImpactSummaryJob>();

        (await job.RunAsync(TestContext.Current.CancellationToken)).ShouldBe(ImpactSummaryOutcome.Sent);
        (await job.RunAsync(TestContext.Current.CancellationToken)).ShouldBe(ImpactSummaryOutcome.AlreadySent);

        var mail = _stack.Mail.Received.ShouldHaveSingleItem();
        var content = mail.Body.GetProperty("content").EnumerateArray()
            .ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!);
        var text = content["text/plain"];
        text.ShouldContain($"WgeoFlows impact — {quarter}");
        text.ShouldContain("Requests received: 3");
        text.ShouldContain("Requests matched: 3");
        text.ShouldContain("Share of South-South matches: 100 %");
        text.ShouldContain("https://wgeo.example/api/impact");
        foreach (var requestId in requests) mail.Body.GetRawText().ShouldNotContain(ImpactStack.ContactNameOf(requestId));
        var row = await _stack.Services.GetRequiredService<EmailOutboxStore>().GetAsync(ImpactSummaryJob.PartitionFor(quarter),
            ImpactSummaryJob.MessageKey, TestContext.Current.CancellationToken);
        row.ShouldNotBeNull().State.ShouldBe(EmailState.Sent);
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
