using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Admin.Dashboard;
using WgeoFlows.Admin.MailEvents;
using WgeoFlows.Notifications;
using WgeoFlows.RequestIndex;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Storage;
using WgeoFlows.Testing;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Admin;

/// <summary>POST /api/sendgrid/events: only SendGrid's signed, fresh posts are read; their events land on the outbox row,
/// and a bounce flags the request for admins.</summary>
public sealed class SendGridEventTests(AdminStack stack) : IClassFixture<AdminStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string RequestId, string MessageKey)> SentMailAsync()
    {
        var request = AdminTestData.Request(AdminTestData.NewId());
        (await stack.Get<RequestStore>().TryAddAsync(request, Ct)).ShouldBeTrue();
        var outbox = stack.Get<EmailOutboxStore>();
        await outbox.RecordAttemptAsync(request.RequestId, "ack", ["amina@example.org"], "We received your request", "acknowledgement", "en",
            DateTimeOffset.UtcNow, Ct);
        await outbox.MarkSentAsync(request.RequestId, "ack", DateTimeOffset.UtcNow, Ct);
        return (request.RequestId, "ack");
    }

    private static string Events(string requestId, string messageKey, params string[] kinds) => new JsonArray(kinds.Select((kind, i) =>
        (JsonNode)new JsonObject
        {
            ["email"] = "amina@example.org",
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["event"] = kind,
            ["sg_event_id"] = $"{requestId}-{kind}-{i}",
            ["sg_message_id"] = "msg-1",
            ["reason"] = kind == "bounce" ? "550 5.1.1 The email account does not exist" : null,
            ["requestId"] = requestId,
            ["messageKey"] = messageKey,
        }).ToArray()).ToJsonString();

    private async Task<(int Status, JsonElement Body)> PostAsync(string body, string? signature, string? timestamp)
    {
        var headers = new List<(string, string)>();
        if (signature is not null) headers.Add((SendGridSignature.SignatureHeader, signature));
        if (timestamp is not null) headers.Add((SendGridSignature.TimestampHeader, timestamp));
        var http = AdminTestData.Http(stack.Services, "POST", body, headers: headers.ToArray());
        return await AdminTestData.AnswerAsync(await stack.Get<SendGridEventHandler>().HandleAsync(http.Request, Ct), http);
    }

    private Task<(int Status, JsonElement Body)> PostSignedAsync(string body, DateTimeOffset? at = null)
    {
        var (signature, timestamp) = SendGridSigner.Sign(body, at ?? DateTimeOffset.UtcNow);
        return PostAsync(body, signature, timestamp);
    }

    [Fact]
    public async Task A_signed_delivered_event_marks_the_mail_delivered()
    {
        var (requestId, key) = await SentMailAsync();

        var (status, _) = await PostSignedAsync(Events(requestId, key, "processed", "delivered"));

        status.ShouldBe(200);
        (await stack.Get<EmailOutboxStore>().GetAsync(requestId, key, Ct))!.State.ShouldBe(EmailState.Delivered);
    }

    [Theory]
    [InlineData("dropped", EmailState.Dropped)]
    [InlineData("spamreport", EmailState.Spam)]
    public async Task Dropped_and_spam_reports_are_recorded_on_the_mail(string kind, EmailState state)
    {
        var (requestId, key) = await SentMailAsync();

        (await PostSignedAsync(Events(requestId, key, kind))).Status.ShouldBe(200);

        (await stack.Get<EmailOutboxStore>().GetAsync(requestId, key, Ct))!.State.ShouldBe(state);
    }

    [Fact]
    public async Task A_bounce_marks_the_mail_writes_the_timeline_once_and_flags_the_request_in_detail_and_dashboard()
    {
        var (requestId, key) = await SentMailAsync();
        var body = Events(requestId, key, "bounce");

        (await PostSignedAsync(body)).Status.ShouldBe(200);
        (await PostSignedAsync(body)).Status.ShouldBe(200);
        (await PostSignedAsync(Events(requestId, key, "delivered"))).Status.ShouldBe(200);

        (await stack.Get<EmailOutboxStore>().GetAsync(requestId, key, Ct))!.State.ShouldBe(EmailState.Bounced);
        var timeline = await stack.Get<TimelineStore>().ListAsync(requestId, Ct);
        var entry = timeline.Where(e => e.Action == "email bounced").ShouldHaveSingleItem();
        entry.Detail.ShouldBe("acknowledgement to amina@example.org: 550 5.1.1 The email account does not exist");
        (await stack.Get<AdminFlagStore>().ListForRequestAsync(requestId, Ct)).ShouldHaveSingleItem().Kind.ShouldBe(AdminFlagStore.MailUndelivered);
        (await stack.Get<AdminSummaryReader>().ReadAsync(Ct)).Flagged.ShouldContain(f => f.RequestId == requestId);
    }

    [Fact]
    public async Task Unsigned_wrongly_signed_and_stale_posts_are_refused_and_change_nothing()
    {
        var (requestId, key) = await SentMailAsync();
        var body = Events(requestId, key, "bounce");
        var now = DateTimeOffset.UtcNow;
        var (_, timestamp) = SendGridSigner.Sign(body, now);

        (await PostAsync(body, null, null)).Status.ShouldBe(401);
        (await PostAsync(body, SendGridSigner.SignWithAnotherKey(body, timestamp), timestamp)).Status.ShouldBe(401);
        (await PostAsync(body, "not-a-signature", timestamp)).Status.ShouldBe(401);
        var (signed, _) = SendGridSigner.Sign(body, now);
        (await PostAsync(body.Replace("bounce", "delivered"), signed, timestamp)).Status.ShouldBe(401);
        (await PostSignedAsync(body, now.AddMinutes(-30))).Status.ShouldBe(401);

        (await stack.Get<EmailOutboxStore>().GetAsync(requestId, key, Ct))!.State.ShouldBe(EmailState.Sent);
        (await stack.Get<AdminFlagStore>().ListForRequestAsync(requestId, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signed_post_that_is_not_an_array_of_events_is_a_bad_request()
    {
        (await PostSignedAsync("""{"event":"delivered"}""")).Status.ShouldBe(400);
        (await PostSignedAsync("not json")).Status.ShouldBe(400);
    }

    [Fact]
    public async Task Events_for_mails_the_outbox_does_not_know_are_accepted_and_ignored()
    {
        var (status, body) = await PostSignedAsync(Events("req-unknown", "ack", "bounce"));

        status.ShouldBe(200);
        body.GetProperty("recorded").GetInt32().ShouldBe(0);
        (await stack.Get<AdminFlagStore>().ListForRequestAsync("req-unknown", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bounce_marks_the_address_as_undelivered_by_its_keyed_hash_and_a_later_delivery_clears_it()
    {
        var (requestId, key) = await SentMailAsync();
        var reviewer = $"rev-{Guid.NewGuid():N}@example.org";
        string EventFor(string kind) => new JsonArray(new JsonObject
        {
            ["email"] = reviewer,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["event"] = kind,
            ["sg_event_id"] = $"{requestId}-{kind}-{reviewer}",
            ["requestId"] = requestId,
            ["messageKey"] = key,
        }).ToJsonString();
        var bounced = stack.Get<BouncedAddresses>();

        (await PostSignedAsync(EventFor("bounce"))).Status.ShouldBe(200);

        (await bounced.WhichBouncedAsync([reviewer.ToUpperInvariant(), "someone.else@example.org"], Ct)).ShouldBe([reviewer.ToUpperInvariant()]);
        var rows = stack.Get<StorageClients>().Table(TableNames.AdminIndex)
            .QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{BouncedAddresses.Partition}'", cancellationToken: Ct);
        await foreach (var row in rows)
        {
            row.Select(p => p.Value?.ToString() ?? "").Append(row.RowKey).ShouldNotContain(v => v.Contains(reviewer, StringComparison.OrdinalIgnoreCase));
        }

        (await PostSignedAsync(EventFor("delivered"))).Status.ShouldBe(200);
        (await bounced.WhichBouncedAsync([reviewer], Ct)).ShouldBeEmpty();
    }
}
