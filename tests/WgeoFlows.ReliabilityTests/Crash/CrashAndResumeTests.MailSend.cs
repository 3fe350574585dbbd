using System.Diagnostics;
using WgeoFlows.Notifications;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Crash;

// Killed in the middle of the activity that sends a mail (the acknowledgement, the workflow's first mail), at the two
// points that matter: while SendGrid holds the call unanswered, and after SendGrid answered and the outbox recorded it but
// before Durable Task recorded the activity as done. After the restart the activity runs again; the mail reaches the sink
// exactly once either way, and the request goes on to Matched.
public sealed partial class CrashAndResumeTests
{
    [Fact]
    public async Task A_mail_whose_SendGrid_call_never_returned_before_the_kill_is_sent_once_after_the_restart()
    {
        var held = stack.Relay.HoldNextAsync();
        var requestId = await Client.SubmitNewAsync(SamplePayloads.Valid("crash-send-unanswered"));
        var heldKey = await held.WaitAsync(TimeSpan.FromSeconds(90), Ct);
        (await stack.Outbox.GetAsync(requestId, heldKey, Ct)).ShouldNotBeNull().State.ShouldBe(EmailState.Pending,
            "SendGrid has not answered, so the outbox has not marked the mail sent");

        await stack.KillAsync();
        var clock = Stopwatch.StartNew();
        var restart = await stack.RestartAsync();
        await Client.WaitForMailAsync(requestId, m => m.To.Contains(CrashStack.Requester), $"the held mail '{heldKey}'", CrashStack.ResumeWithin);
        var resumedAfter = clock.Elapsed;
        await CompleteAsync(requestId);

        var ledger = await MailLedger.ReadAsync(Client.Http, stack.Storage.ConnectionString, requestId);
        Figures.Record($"Crash while SendGrid held '{heldKey}' unanswered (activity visibility timeout {CrashStack.VisibilityTimeout}): "
            + $"host restarted in {restart.TotalSeconds:0.0} s, the mail reached the sink {resumedAfter.TotalSeconds:0.0} s after the restart began; " +
                $"{requestId} Matched; {ledger.Describe()}");
        ledger.Deliveries.Count(d => d.MessageKey == heldKey).ShouldBe(1, $"'{heldKey}' reached the sink once");
        (await stack.Outbox.GetAsync(requestId, heldKey, Ct))!.Attempts.ShouldBe(2, "the held attempt, and the one after the restart");
        AssertNothingLostOrDoubled(ledger);
    }

    [Fact]
    public async Task A_mail_SendGrid_accepted_just_before_the_kill_is_not_sent_again_when_the_activity_runs_again()
    {
        // The sink answers; before the host hears it, the queues freeze, so the activity's own writes (outbox, timeline)
        // land but its completion never reaches Durable Task: after the restart the same activity runs again.
        var answered = stack.Relay.AnswerNextThenAsync(stack.Gate.Freeze);
        var requestId = await Client.SubmitNewAsync(SamplePayloads.Valid("crash-send-answered"));
        var sentKey = await answered.WaitAsync(TimeSpan.FromSeconds(90), Ct);
        await stack.WaitForOutboxAsync(requestId, sentKey, e => e.State == EmailState.Sent, "Sent");
        await WaitUntilAsync(async () => (await stack.Timeline.ListAsync(requestId, Ct)).Any(t => t.Action == "email sent"),
            "the activity wrote its 'email sent' timeline entry, its last step");
        (await Client.MailsAboutAsync(requestId)).ShouldHaveSingleItem("the sink has the mail; nothing after it was sent");

        await stack.KillAsync();
        var dropped = stack.Gate.DroppedBytes;
        stack.Gate.Reopen();
        var clock = Stopwatch.StartNew();
        var restart = await stack.RestartAsync();
        // The workflow moves on only once the activity ran again: the first run's completion died in the frozen gate.
        await Client.WaitForMailAsync(requestId, m => m.To.Contains(CrashStack.Reviewer), "review request", CrashStack.ResumeWithin);
        var resumedAfter = clock.Elapsed;
        await CompleteAsync(requestId);

        var ledger = await MailLedger.ReadAsync(Client.Http, stack.Storage.ConnectionString, requestId);
        Figures.Record($"Crash after SendGrid accepted '{sentKey}' and the outbox marked it sent, before Durable recorded the activity "
            + $"(activity visibility timeout {CrashStack.VisibilityTimeout}): "
            + $"{dropped} bytes of its completion never reached the queues; host restarted in {restart.TotalSeconds:0.0} s, the workflow "
            + $"went on {resumedAfter.TotalSeconds:0.0} s after the restart began; {requestId} Matched; {ledger.Describe()}");
        dropped.ShouldBeGreaterThan(0, "the host tried to record the activity's completion while the gate was frozen");
        ledger.Deliveries.Count(d => d.MessageKey == sentKey).ShouldBe(1, $"'{sentKey}' reached the sink once");
        (await stack.Outbox.GetAsync(requestId, sentKey, Ct))!.Attempts.ShouldBe(1, "the second run found the mail sent and did not try again");
        AssertNothingLostOrDoubled(ledger);
    }

    private async Task CompleteAsync(string requestId)
    {
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains(CrashStack.Reviewer), "review request", TimeSpan.FromSeconds(90));
        await DecideAsync(WgeoClient.LinkIn(review, "review"), ("decision", "approve"));
        await Client.AcceptOffersUntilMatchedAsync(requestId, TimeSpan.FromSeconds(120));
        (await Client.StatusOfAsync(requestId)).ShouldBe("Matched");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not seen within 60 s: {what}.");
            await Task.Delay(100, Ct);
        }
    }
}
