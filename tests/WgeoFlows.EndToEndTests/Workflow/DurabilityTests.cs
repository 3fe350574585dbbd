using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Workflow;

/// <summary>A kill -9 of the local host while a request waits for review loses nothing: after a restart the same emailed
/// link still decides, and the request reaches Matched. Its own Azurite and host, since it kills the host.</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OwnStack _stack = null!;

    private WgeoClient Client => _stack.Client;
    private LocalHostProcess Host => _stack.Host;

    public async ValueTask InitializeAsync() => _stack = await OwnStack.StartAsync();

    public ValueTask DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task A_request_waiting_for_review_survives_kill_9_and_its_review_link_still_works()
    {
        using var submitted = await Client.SubmitAsync(SamplePayloads.Valid("e2e-kill-9"));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains("cities.lead@example.org"), "review request");
        var reviewLink = WgeoClient.LinkIn(review, "review");
        await Client.WaitForStatusAsync(requestId, "InReview");

        await Host.KillHardAsync();
        await Host.RestartAsync(Ct);

        using (var approve = await Client.PostFormAsync(reviewLink, ("decision", "approve")))
        {
            approve.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await Client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "offer"), "offer");
        await Client.AcceptOffersUntilMatchedAsync(requestId, TimeSpan.FromSeconds(90));

        // The outbox kept its promise across the crash: one acknowledgement, one review request.
        var mails = await Client.MailsAboutAsync(requestId);
        mails.Count(m => m.To.Contains("amina@example.org") && m.Text.Contains("/api/status/")).ShouldBeGreaterThanOrEqualTo(1);
        mails.Count(m => m.To.Contains("cities.lead@example.org") && WgeoClient.LinkPatternMatches(m, "review")).ShouldBe(1);
    }
}
