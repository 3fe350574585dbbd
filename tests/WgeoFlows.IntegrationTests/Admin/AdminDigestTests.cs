using System.Globalization;
using WgeoFlows.Admin.Digest;
using WgeoFlows.Notifications;
using WgeoFlows.RequestIndex;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Admin;

/// <summary>The daily digest: counts, the requests waiting longest and failures, to every admin, once per day.</summary>
public sealed class AdminDigestTests(AdminStack stack) : IClassFixture<AdminStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_digest_goes_once_a_day_to_the_admins_with_counts_the_longest_waiting_and_failures()
    {
        var index = stack.Get<AdminIndexStore>();
        var now = DateTimeOffset.UtcNow;
        var waiting = AdminTestData.Request(AdminTestData.NewId(), title: "<b>Solar</b> for schools", submittedAt: now.AddDays(-9));
        await index.RecordAsync(AdminTestData.Item(waiting, RequestStatus.Received, waiting.SubmittedAt), null, Ct);
        await index.RecordAsync(AdminTestData.Item(waiting, RequestStatus.InReview, now.AddDays(-8)), RequestStatus.Received, Ct);
        var failed = AdminTestData.Request(AdminTestData.NewId(), title: "Water reuse pilot", submittedAt: now.AddDays(-1));
        await index.RecordAsync(AdminTestData.Item(failed, RequestStatus.Received, failed.SubmittedAt), null, Ct);
        await index.RecordAsync(AdminTestData.Item(failed, RequestStatus.Failed, now), RequestStatus.Received, Ct);
        var job = stack.Get<AdminDigestJob>();

        (await job.RunAsync(Ct)).ShouldBe(DigestOutcome.Sent);
        (await job.RunAsync(Ct)).ShouldBe(DigestOutcome.AlreadySent);

        var mail = stack.Mail.Received.ShouldHaveSingleItem();
        var json = mail.Body.GetRawText();
        var recipients = mail.Body.GetProperty("personalizations").EnumerateArray()
            .SelectMany(p => p.GetProperty("to").EnumerateArray()).Select(t => t.GetProperty("email").GetString()).ToList();
        recipients.Order().ShouldBe(["director@example.org", "secretariat@example.org"]);
        var content = mail.Body.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!);
        var text = content["text/plain"];
        text.ShouldContain("InReview: 1");
        text.ShouldContain("Failed: 1");
        text.ShouldContain($"<b>Solar</b> for schools ({waiting.RequestId}) — InReview for 8 days — late");
        text.ShouldContain($"Water reuse pilot ({failed.RequestId})");
        text.ShouldContain("https://wgeo.example/api/admin");
        content["text/html"].ShouldContain("&lt;b&gt;Solar&lt;/b&gt; for schools");
        content["text/html"].ShouldNotContain("<b>Solar");
        json.ShouldContain("WgeoFlows digest " + now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        mail.Body.GetProperty("custom_args").GetProperty("messageKey").GetString().ShouldBe(AdminDigestJob.MessageKey);

        var row = await stack.Get<EmailOutboxStore>().GetAsync(AdminDigestJob.PartitionFor(DateOnly.FromDateTime(now.UtcDateTime)),
            AdminDigestJob.MessageKey, Ct);
        row.ShouldNotBeNull().State.ShouldBe(EmailState.Sent);
        row.Template.ShouldBe(DigestRenderer.Template);
    }
}
