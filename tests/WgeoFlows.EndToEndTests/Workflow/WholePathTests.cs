using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Workflow;

/// <summary>The whole path, over HTTP against each host: webhook → review → offer → introduction → Matched.</summary>
public abstract class WholePathTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WgeoClient Client => stack.Client;

    [Fact]
    public async Task A_signed_submission_is_reviewed_offered_accepted_and_ends_Matched_with_its_timeline()
    {
        using var submitted = await Client.SubmitAsync(SamplePayloads.Valid("e2e-whole-path"));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var requestId = accepted.GetProperty("requestId").GetString()!;
        accepted.GetProperty("status").GetString().ShouldBe("Received");
        accepted.GetProperty("statusUrl").GetString()!.ShouldContain($"/api/status/{requestId}");

        var ack = await Client.WaitForMailAsync(requestId, m => m.To.Contains("amina@example.org"), "acknowledgement");
        ack.Text.ShouldContain(accepted.GetProperty("statusUrl").GetString()!);

        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains("cities.lead@example.org"), "review request");
        var reviewLink = WgeoClient.LinkIn(review, "review");
        (await Client.StatusOfAsync(requestId)).ShouldBe("InReview");

        var page = await Client.Http.GetStringAsync(reviewLink, Ct);
        page.ShouldContain("Solar mini-grids for informal settlements");
        page.ShouldContain("Nairobi County Energy Office");
        using (var approve = await Client.PostFormAsync(reviewLink, ("decision", "approve"), ("comment", "Strong local ownership.")))
        {
            approve.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var offer = await Client.WaitForMailAsync(requestId, m => m.Subject.Contains("offer", StringComparison.OrdinalIgnoreCase) ||
            WgeoClient.LinkPatternMatches(m, "offer"), "offer");
        var offerLink = WgeoClient.LinkIn(offer, "offer");
        (await Client.Http.GetStringAsync(offerLink, Ct)).ShouldContain("Solar mini-grids for informal settlements");
        // The contract's example asks for financing: a triangle, whose technical partner and funder both accept.
        await Client.AcceptOffersUntilMatchedAsync(requestId);

        var detail = await Client.WaitForStatusAsync(requestId, "Matched");
        var toRequester = await Client.WaitForMailAsync(requestId, m => m.To.Contains("amina@example.org") && m.Subject.StartsWith("Good news"),
            "introduction to requester");
        // Each partner is introduced in their own language: the outbox says which mails the introductions were.
        var partnerIntroductions = await Poll.UntilAsync(async () =>
            {
                var rows = (await Client.AdminGetAsync($"/api/admin/requests/{requestId}")).GetProperty("emails").EnumerateArray()
                    .Where(e => e.GetProperty("template").GetString() == "introduction-partner")
                    .Select(e => (Subject: e.GetProperty("subject").GetString()!, To: e.GetProperty("to")[0].GetString()!)).ToList();
                var mails = await Client.MailsAboutAsync(requestId);
                return mails.Where(m => rows.Any(r => r.Subject == m.Subject && m.To.Contains(r.To))).ToList();
            },
            found => found.Count >= 2, TimeSpan.FromSeconds(60), $"both partners of {requestId} introduced", found => $"{found.Count} introductions",
            Ct);
        partnerIntroductions.Count.ShouldBe(2);
        foreach (var introduction in partnerIntroductions)
        {
            introduction.Text.ShouldContain("amina@example.org");
            toRequester.Text.ShouldContain(introduction.To.Single());
        }

        detail.GetProperty("orchestration").GetProperty("runtimeStatus").GetString().ShouldBe("Running"); // waiting for the follow-up timer
        detail.GetProperty("orchestration").GetProperty("customStatus").GetProperty("status").GetString().ShouldBe("Matched");
        var actions = detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("request received");
        actions.ShouldContain("review decision: approve");
        actions.ShouldContain("offer decision: accept");
        actions.ShouldContain("matched");
        detail.GetProperty("matches").GetArrayLength().ShouldBeGreaterThan(0);
        detail.GetProperty("emails").EnumerateArray().Select(e => e.GetProperty("state").GetString()).ShouldAllBe(s => s == "Sent");
    }

    [Fact]
    public async Task Opening_a_review_link_with_GET_and_HEAD_however_often_decides_nothing()
    {
        using var submitted = await Client.SubmitAsync(SamplePayloads.Valid("e2e-prefetch"));
        var requestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains("cities.lead@example.org"), "review request");
        var link = WgeoClient.LinkIn(review, "review");
        await Client.WaitForStatusAsync(requestId, "InReview");

        for (var i = 0; i < 5; i++)
        {
            using var get = await Client.Http.GetAsync(link, Ct);
            get.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var head = await Client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, link), Ct);
            head.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // A decision is recorded on its stage before anything is raised: the stage is still open.
        var detail = await Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        detail.GetProperty("status").GetString().ShouldBe("InReview");
        detail.GetProperty("links").EnumerateArray().ShouldAllBe(l => l.GetProperty("open").GetBoolean());

        // The POST decides, as the stage's first decision. The orchestration takes raised events in the order they were
        // raised: once it has taken this one, it would have taken anything the GETs and HEADs raised before it.
        using (var reject = await Client.PostFormAsync(link, ("decision", "reject"), ("comment", "Outside the partnership's areas.")))
        {
            reject.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await reject.Content.ReadAsStringAsync(Ct)).ShouldContain("<h1>Thank you</h1>");
        }
        (await new WorkflowHistory(stack).WaitForTakenAsync(requestId, e => e.Name == WorkflowNames.Events.ReviewDecision, "the reject"))
            .ShouldBe([new TakenEvent(WorkflowNames.Events.ReviewDecision, "reject")]);
    }

    [Fact]
    public async Task Admin_routes_refuse_callers_without_the_admin_key()
    {
        using var noKey = await Client.Http.GetAsync("/api/admin/requests", Ct);
        noKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        noKey.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/api/admin/requests");
        wrongKey.Headers.Add("X-Wgeo-Admin-Key", "not-the-key");
        (await Client.Http.SendAsync(wrongKey, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Health_answers_when_storage_and_the_orchestration_backend_do()
    {
        using var health = await Client.Http.GetAsync("/api/health", Ct);
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await health.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("healthy");
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class WholePathTestsOnLocalHost(LocalStack stack) : WholePathTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class WholePathTestsOnFunctionsHost(FunctionsStack stack) : WholePathTests(stack);
