using System.Net;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;
using WgeoFlows.WorkflowContracts;

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
        await ScanAndAssertUndecidedAsync(requestId, reviewLink, "InReview");

        await DecideAsync(reviewLink, ("decision", "request-info"), ("comment", "Which settlements?"));
        var info = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Requester) && WgeoClient.LinkPatternMatches(m, "update"), "update link");
        await Client.WaitForStatusAsync(requestId, "AwaitingRequesterInfo");
        await ScanAndAssertUndecidedAsync(requestId, WgeoClient.LinkIn(info, "update"), "AwaitingRequesterInfo");

        await DecideAsync(WgeoClient.LinkIn(info, "update"), ("answer", "Mathare and Kibera."));
        var second = await Client.WaitForMailAsync(requestId,
            m => m.To.Contains(Reviewer) && WgeoClient.LinkPatternMatches(m, "review") && WgeoClient.LinkIn(m, "review") != reviewLink, "second review");
        await DecideAsync(WgeoClient.LinkIn(second, "review"), ("decision", "approve"));
        var offer = await Client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "offer"), "offer");
        await Client.WaitForStatusAsync(requestId, "AwaitingPartner");
        await ScanAndAssertUndecidedAsync(requestId, WgeoClient.LinkIn(offer, "offer"), "AwaitingPartner");
        // A decline, not an acceptance: it takes no unit of a partner's capacity that other tests on this host count.
        await DecideAsync(WgeoClient.LinkIn(offer, "offer"), ("response", "decline"));

        // Each decision above was taken before the next link was scanned, and the scans came before the decision that
        // follows them: once the orchestration has taken the last decision, it has taken anything a scan raised. Its
        // history holds the four decisions posted, and nothing else.
        var taken = await new WorkflowHistory(stack).WaitForTakenAsync(requestId,
            e => e.Name == WorkflowNames.Events.PartnerResponse, "the partner's decline");
        taken.ShouldBe([
            new TakenEvent(WorkflowNames.Events.ReviewDecision, "request-info"),
            new TakenEvent(WorkflowNames.Events.RequesterUpdate, "answer"),
            new TakenEvent(WorkflowNames.Events.ReviewDecision, "approve"),
            new TakenEvent(WorkflowNames.Events.PartnerResponse, "decline"),
        ]);
    }

    /// <summary>Posts a decision and checks that it was the stage's first: a page view that had decided the stage would
    /// make this post a repeat ("Already recorded") or a conflict.</summary>
    private async Task DecideAsync(string link, params (string Name, string Value)[] fields)
    {
        using var response = await Client.PostFormAsync(link, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, link);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("<h1>Thank you</h1>");
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

    /// <summary>Scans <paramref name="link"/>. A decision is recorded on its stage before anything is raised to the workflow:
    /// right after the scan, the request is where it was and every stage open before it is still open (the workflow may
    /// have opened more meanwhile: a triangle's second side). That the scan raised nothing is checked in the workflow's
    /// history once a real decision has followed it.</summary>
    private async Task ScanAndAssertUndecidedAsync(string requestId, string link, string status)
    {
        var openBefore = await OpenStagesAsync(requestId);
        openBefore.ShouldNotBeEmpty();
        await ScanAsync(link);
        var detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        detail.GetProperty("status").GetString().ShouldBe(status);
        var openAfter = await OpenStagesAsync(requestId);
        openBefore.Where(stage => !openAfter.Contains(stage)).ShouldBeEmpty("stages the scan closed or decided");
    }

    private async Task<IReadOnlyList<string>> OpenStagesAsync(string requestId) =>
        [.. (await Client.AdminGetAsync($"/api/admin/requests/{requestId}")).GetProperty("links").EnumerateArray()
            .Where(l => l.GetProperty("open").GetBoolean()).Select(l => l.GetProperty("stageKey").GetString()!).Order(StringComparer.Ordinal)];
}
