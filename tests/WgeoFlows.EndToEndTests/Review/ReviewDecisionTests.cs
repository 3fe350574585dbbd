using System.Net;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Review;

/// <summary>What each review decision does, and what every kind of bad or old link answers.</summary>
public abstract class ReviewDecisionTests(IHostStack stack)
{
    private const string Reviewer = "cities.lead@example.org";
    private const string Requester = "amina@example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WgeoClient Client => stack.Client;

    private async Task<(string RequestId, string ReviewLink)> SubmitAndGetReviewLinkAsync(string submissionId)
    {
        var requestId = await Client.SubmitNewAsync(SamplePayloads.Valid(submissionId));
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Reviewer), "review request");
        await Client.WaitForStatusAsync(requestId, "InReview");
        return (requestId, WgeoClient.LinkIn(review, "review"));
    }

    [Fact]
    public async Task Reject_ends_Rejected_and_tells_the_requester_the_reviewers_comment()
    {
        var (requestId, link) = await SubmitAndGetReviewLinkAsync("e2e-review-reject");
        using (var reject = await Client.PostFormAsync(link, ("decision", "reject"), ("comment", "Duplicates <a funded> project.")))
        {
            reject.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Client.WaitForStatusAsync(requestId, "Rejected");
        var told = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Requester) && m.Text.Contains("Duplicates <a funded> project."),
            "rejection with the comment");
        told.Html.ShouldContain("Duplicates &lt;a funded&gt; project.");
        (await Client.TimelineAsync(requestId)).ShouldContain(t => t.Actor == Reviewer && t.Action == "review decision: reject");
    }

    [Fact]
    public async Task Request_info_asks_the_requester_appends_the_answer_and_reviews_again_with_fresh_links()
    {
        var (requestId, oldLink) = await SubmitAndGetReviewLinkAsync("e2e-review-info");
        using (var ask = await Client.PostFormAsync(oldLink, ("decision", "request-info"), ("comment", "How many households are connected?")))
        {
            ask.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await Client.WaitForStatusAsync(requestId, "AwaitingRequesterInfo");
        var infoMail = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Requester) && WgeoClient.LinkPatternMatches(m, "update"),
            "information request");
        var updateLink = WgeoClient.LinkIn(infoMail, "update");
        (await Client.Http.GetStringAsync(updateLink, Ct)).ShouldContain("How many households are connected?");

        using (var answer = await Client.PostFormAsync(updateLink, ("answer", "About 1,200 households in two settlements.")))
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var secondReview = await Client.WaitForMailAsync(requestId,
            m => m.To.Contains(Reviewer) && WgeoClient.LinkPatternMatches(m, "review") && WgeoClient.LinkIn(m, "review") != oldLink,
            "second round review request");
        var newLink = WgeoClient.LinkIn(secondReview, "review");
        await Client.WaitForStatusAsync(requestId, "InReview");

        var newPage = await Client.Http.GetStringAsync(newLink, Ct);
        newPage.ShouldContain("How many households are connected?");
        newPage.ShouldContain("About 1,200 households in two settlements.");

        // The first round is over: its link answers 410 and says who decided it, and decides nothing.
        using (var stale = await Client.PostFormAsync(oldLink, ("decision", "approve")))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.Gone);
            (await stale.Content.ReadAsStringAsync(Ct)).ShouldContain($"already decided by {Reviewer} on");
        }
        using (var staleGet = await Client.Http.GetAsync(oldLink, Ct))
        {
            staleGet.StatusCode.ShouldBe(HttpStatusCode.Gone);
        }
        using (var usedUpdate = await Client.PostFormAsync(updateLink, ("answer", "A second answer.")))
        {
            usedUpdate.StatusCode.ShouldBe(HttpStatusCode.Gone);
        }
        (await Client.StatusOfAsync(requestId)).ShouldBe("InReview");

        var detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        var added = detail.GetProperty("request").GetProperty("addedInformation");
        added.GetArrayLength().ShouldBe(1);
        added[0].GetProperty("answer").GetString().ShouldBe("About 1,200 households in two settlements.");
    }

    [Fact]
    public async Task A_used_link_says_who_decided_and_when_and_a_second_decision_is_refused()
    {
        var (requestId, link) = await SubmitAndGetReviewLinkAsync("e2e-review-used");
        using (var approve = await Client.PostFormAsync(link, ("decision", "approve")))
        {
            approve.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using (var again = await Client.PostFormAsync(link, ("decision", "reject"), ("comment", "Changed my mind.")))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await again.Content.ReadAsStringAsync(Ct)).ShouldContain($"already decided by {Reviewer} on");
        }
        using (var page = await Client.Http.GetAsync(link, Ct))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await page.Content.ReadAsStringAsync(Ct)).ShouldContain($"already decided by {Reviewer} on");
        }
        var status = await Client.StatusOfAsync(requestId);
        status.ShouldNotBe("Rejected");
    }

    [Fact]
    public async Task The_review_page_shows_the_whole_request_and_its_attachments_download_from_the_link()
    {
        var (requestId, link) = await SubmitAndGetReviewLinkAsync("e2e-review-attachment");
        var page = await Client.Http.GetStringAsync(link, Ct);
        foreach (var shown in new[] { "Nairobi County Energy Office", "Amina Otieno", "amina@example.org", SamplePayloads.Description, "concept-note.pdf" })
        {
            page.ShouldContain(System.Net.WebUtility.HtmlEncode(shown));
        }

        using (var file = await Client.Http.GetAsync($"{link}/attachments/concept-note.pdf", Ct))
        {
            file.StatusCode.ShouldBe(HttpStatusCode.OK);
            file.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            file.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            (await file.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(SamplePayloads.PdfBytes);
        }
        using (var missing = await Client.Http.GetAsync($"{link}/attachments/other.pdf", Ct))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await Client.StatusOfAsync(requestId)).ShouldBe("InReview");
    }

    [Fact]
    public async Task Tampered_and_wrong_kind_links_get_a_page_that_says_so_and_raise_nothing()
    {
        var (requestId, link) = await SubmitAndGetReviewLinkAsync("e2e-review-tampered");
        var token = link[(link.LastIndexOf('/') + 1)..];
        var tampered = link[..^2] + (link[^2] == 'A' ? "B" : "A") + link[^1];

        using (var get = await Client.Http.GetAsync(tampered, Ct))
        {
            get.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await get.Content.ReadAsStringAsync(Ct)).ShouldContain("changed or damaged");
        }
        using (var post = await Client.PostFormAsync(tampered, ("decision", "approve")))
        {
            post.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        // A review token used as an offer or update link: signed, but not for that kind of decision.
        foreach (var kind in new[] { "offer", "update" })
        {
            using var wrong = await Client.PostFormAsync($"/api/{kind}/{token}", ("response", "accept"), ("answer", "x"));
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await wrong.Content.ReadAsStringAsync(Ct)).ShouldContain("belongs to another kind of step");
        }

        // A decision is recorded on its stage before anything is raised: the stage is still open.
        (await Client.StatusOfAsync(requestId)).ShouldBe("InReview");
        var detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        detail.GetProperty("links").EnumerateArray().ShouldAllBe(l => l.GetProperty("open").GetBoolean());

        // The real link still decides, as the stage's first decision. The orchestration takes raised events in the order
        // they were raised: once it has taken this one, it would have taken anything the refused posts raised before it.
        using (var reject = await Client.PostFormAsync(link, ("decision", "reject"), ("comment", "Not a fit.")))
        {
            reject.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await reject.Content.ReadAsStringAsync(Ct)).ShouldContain("<h1>Thank you</h1>");
        }
        (await new WorkflowHistory(stack).WaitForTakenAsync(requestId, e => e.Name == WorkflowNames.Events.ReviewDecision, "the reject"))
            .ShouldBe([new TakenEvent(WorkflowNames.Events.ReviewDecision, "reject")]);
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class ReviewDecisionTestsOnLocalHost(LocalStack stack) : ReviewDecisionTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class ReviewDecisionTestsOnFunctionsHost(FunctionsStack stack) : ReviewDecisionTests(stack);
