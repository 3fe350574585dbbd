using System.Net;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Review;

/// <summary>A mail scanner opening every kind of emailed link — GET and HEAD, following redirects or
/// not — decides nothing, and the pages never redirect (a redirect would lead a scanner somewhere a person did not go).</summary>
public sealed class LinkScannerTests(LocalStack stack)
{
    private const string Reviewer = "cities.lead@example.org";
    private const string Requester = "amina@example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WgeoClient Client => stack.Client;

    [Fact]
    public async Task Scanning_review_update_and_offer_links_never_decides_and_never_redirects()
    {
        var requestId = await Client.SubmitNewAsync(SamplePayloads.Valid("e2e-scanner"));
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Reviewer), "review request");
        var reviewLink = WgeoClient.LinkIn(review, "review");
        await Client.WaitForStatusAsync(requestId, "InReview");
        await ScanAsync(reviewLink);
        await AssertStillAsync(requestId, "InReview");

        using (await Client.PostFormAsync(reviewLink, ("decision", "request-info"), ("comment", "Which settlements?"))) { }
        var info = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Requester) && WgeoClient.LinkPatternMatches(m, "update"), "update link");
        await Client.WaitForStatusAsync(requestId, "AwaitingRequesterInfo");
        await ScanAsync(WgeoClient.LinkIn(info, "update"));
        await AssertStillAsync(requestId, "AwaitingRequesterInfo");

        using (await Client.PostFormAsync(WgeoClient.LinkIn(info, "update"), ("answer", "Mathare and Kibera."))) { }
        var second = await Client.WaitForMailAsync(requestId,
            m => m.To.Contains(Reviewer) && WgeoClient.LinkPatternMatches(m, "review") && WgeoClient.LinkIn(m, "review") != reviewLink, "second review");
        using (await Client.PostFormAsync(WgeoClient.LinkIn(second, "review"), ("decision", "approve"))) { }
        var offer = await Client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "offer"), "offer");
        await Client.WaitForStatusAsync(requestId, "AwaitingPartner");
        await ScanAsync(WgeoClient.LinkIn(offer, "offer"));
        await AssertStillAsync(requestId, "AwaitingPartner");
    }

    private async Task ScanAsync(string link)
    {
        foreach (var follow in new[] { false, true })
        {
            using var scanner = new HttpClient(new HttpClientHandler { AllowAutoRedirect = follow }) { BaseAddress = stack.Host.BaseUrl };
            scanner.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; SafeLinksScanner/1.0)");
            for (var i = 0; i < 3; i++)
            {
                foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
                {
                    using var response = await scanner.SendAsync(new HttpRequestMessage(method, link), Ct);
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{method} {link}");
                    response.Headers.Location.ShouldBeNull();
                    response.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe(link);
                }
            }
        }
    }

    private async Task AssertStillAsync(string requestId, string status)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // time for a wrongly raised event to move the workflow
        var detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        detail.GetProperty("status").GetString().ShouldBe(status);
        detail.GetProperty("links").EnumerateArray().Last().GetProperty("open").GetBoolean().ShouldBeTrue();
    }
}
