using System.Net;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Review;

/// <summary>Review timers of seconds on an own host, end to end through the mails and the link pages: the reminder carries the
/// primary's link, the escalation gives the backup a link of the same stage, which decides it; and an admin's match once the
/// only offer round has timed out. The timers' logic itself (order, expiry, reassigned stages) is tested in milliseconds by the
/// orchestration tests (WgeoFlows.Core.Tests, Workflow/Orchestration).</summary>
public sealed class ReviewTimerTests : IAsyncLifetime
{
    private const string Primary = "cities.lead@example.org";
    private const string Backup = "cities.backup@example.net";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OwnStack _stack = null!;

    private WgeoClient Client => _stack.Client;

    public async ValueTask InitializeAsync() => _stack = await OwnStack.StartAsync(new Dictionary<string, string?>
    {
        ["Review:ReminderAfter"] = "00:00:03",
        ["Review:EscalateAfter"] = "00:00:06",
        ["Review:ExpireAfter"] = "00:00:25",
        ["Matching:MaxRounds"] = "1",
        ["Matching:OfferTimeout"] = "00:00:03",
    });

    public ValueTask DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task The_primary_is_reminded_the_backup_gets_the_escalation_and_the_backup_may_decide()
    {
        var requestId = await Client.SubmitNewAsync(SamplePayloads.Valid("e2e-timers-escalation"));
        var review = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Primary) && m.Subject.Contains("review", StringComparison.OrdinalIgnoreCase),
            "review request");
        var reminder = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Primary) && m.Subject.StartsWith("Reminder", StringComparison.Ordinal),
            "reminder", TimeSpan.FromSeconds(90));
        WgeoClient.LinkIn(reminder, "review").ShouldBe(WgeoClient.LinkIn(review, "review"));
        var escalation = await Client.WaitForMailAsync(requestId, m => m.To.Contains(Backup), "escalation", TimeSpan.FromSeconds(90));

        using (var approve = await Client.PostFormAsync(WgeoClient.LinkIn(escalation, "review"), ("decision", "approve")))
        {
            approve.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        // The primary's link is still the stage's, and now says the backup decided it.
        using (var late = await Client.PostFormAsync(WgeoClient.LinkIn(review, "review"), ("decision", "approve")))
        {
            late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await late.Content.ReadAsStringAsync(Ct)).ShouldContain($"already decided by {Backup}");
        }

        // The only offer round times out after seconds, and the request waits for an admin, who matches it.
        var waiting = await Client.WaitForStatusAsync(requestId, "NeedsManualMatch", TimeSpan.FromSeconds(90));
        var partnerId = waiting.GetProperty("matches")[0].GetProperty("partnerId").GetString()!;
        using (var match = await Client.AdminSendAsync(HttpMethod.Post, $"/api/admin/requests/{requestId}/match", new { partnerId }))
        {
            match.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        await Client.WaitForStatusAsync(requestId, "Matched", TimeSpan.FromSeconds(60));

        var timeline = await Client.TimelineAsync(requestId);
        timeline.ShouldContain(t => t.Action == "review reminder timer fired");
        timeline.ShouldContain(t => t.Action == "review escalation timer fired");
        timeline.ShouldContain(t => t.Action == "email sent" && t.Detail.StartsWith("review-reminder to " + Primary, StringComparison.Ordinal));
        timeline.ShouldContain(t => t.Action == "email sent" && t.Detail.StartsWith("review-escalation to " + Backup, StringComparison.Ordinal));
        timeline.ShouldContain(t => t.Actor == Backup && t.Action == "review decision: approve");
        timeline.ShouldContain(t => t.Actor == "admin-key" && t.Action == "admin action: match");
        timeline.ShouldContain(t => t.Actor == "admin-key" && t.Action == "matched by admin");
    }
}
