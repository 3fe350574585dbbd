using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Notifications;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Crash;

/// <summary>
/// The local host killed with <c>kill -9</c> in the middle of the activity that sends a mail: SendGrid (here a server that
/// takes the request and never answers) holds the call when the host dies. After a restart with SendGrid back at the
/// host's own sink, the activity runs again, the mail arrives once, and the request goes on to Matched.
/// </summary>
public sealed class CrashMidMailSendTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_host_killed_while_SendGrid_holds_a_mail_sends_it_once_after_the_restart_and_the_request_is_matched()
    {
        await using var silentSendGrid = new SilentMailServer();
        await using var stack = await CrashStack.StartAsync(new Dictionary<string, string?> { ["SendGrid:Host"] = silentSendGrid.Url });
        var client = stack.Client;

        var requestId = await client.SubmitNewAsync(SamplePayloads.Valid("crash-mid-send"));
        var heldKey = await silentSendGrid.FirstArrival.WaitAsync(TimeSpan.FromSeconds(90), Ct);
        var outbox = new EmailOutboxStore(new StorageClients(Options.Create(new StorageOptions { ConnectionString = stack.Storage.ConnectionString })));
        var held = await outbox.GetAsync(requestId, heldKey, Ct);
        held.ShouldNotBeNull($"the outbox row of '{heldKey}' was written before the call");
        held.State.ShouldBe(EmailState.Pending, "SendGrid never answered, so the mail is not marked sent");

        // Killed while the call waits on SendGrid; started again with SendGrid:Host back at the host's own sink.
        var clock = Stopwatch.StartNew();
        var restart = await stack.KillAndRestartAsync(new Dictionary<string, string?> { ["SendGrid:Host"] = null });
        await client.WaitForMailAsync(requestId, m => m.To.Contains(CrashStack.Requester), $"the held mail '{heldKey}'",
            TimeSpan.FromSeconds(120));
        var resumedAfter = clock.Elapsed;

        var review = await client.WaitForMailAsync(requestId, m => m.To.Contains(CrashStack.Reviewer), "review request", TimeSpan.FromSeconds(90));
        using (var approve = await client.PostFormAsync(WgeoClient.LinkIn(review, "review"), ("decision", "approve")))
        {
            approve.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await client.AcceptOffersUntilMatchedAsync(requestId, TimeSpan.FromSeconds(120));

        var ledger = await MailLedger.ReadAsync(client.Http, stack.Storage.ConnectionString, requestId);
        Figures.Record($"Crash in the middle of sending '{heldKey}': SendGrid held {silentSendGrid.Received} request(s) unanswered; "
            + $"host restarted in {restart.TotalSeconds:0.0} s, the mail arrived {resumedAfter.TotalSeconds:0.0} s after the kill; "
            + $"{requestId} Matched; {ledger.Describe()}");
        silentSendGrid.Received.ShouldBe(1, "the held call was the only one before the kill");
        ledger.Deliveries.Count(d => d.MessageKey == heldKey).ShouldBe(1, $"'{heldKey}' reached the sink once");
        (await outbox.GetAsync(requestId, heldKey, Ct))!.Attempts.ShouldBe(2, "the held attempt and the one after the restart");
        ledger.Duplicates.ShouldBeEmpty("no mail reached the sink twice");
        ledger.Unsent.ShouldBeEmpty("every mail of the outbox was sent");
        ledger.Lost.ShouldBeEmpty("every mail the outbox marked sent reached the sink");
        (await client.StatusOfAsync(requestId)).ShouldBe("Matched");
    }
}
