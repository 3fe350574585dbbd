using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WgeoFlows.Hosting;
using WgeoFlows.Links;
using WgeoFlows.Notifications;
using WgeoFlows.Privacy;
using WgeoFlows.Privacy.Audit;
using WgeoFlows.Privacy.ChangeLog;
using WgeoFlows.Privacy.Erasure;
using WgeoFlows.Privacy.Retention;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Admin;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Privacy;

/// <summary>
/// A partner deleted from the registry (or a reviewer left out of the list) is recorded without their address; once the
/// retention period has passed since, the retention job replaces their address by their role in the finished requests
/// still kept, and leaves everything else of those requests as it was.
/// </summary>
public sealed class RemovedContactsTests(PrivacyStack stack) : IClassFixture<PrivacyStack>
{
    private static readonly TimeSpan RetainFor = TimeSpan.FromDays(730);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private RetentionJob Job(DateTimeOffset now) => new(stack.Get<AdminStatsStore>(), stack.Get<RequestStore>(), stack.Get<RequestEraser>(),
        stack.Get<RequestRowsRewriter>(), stack.Get<RemovedContacts>(), stack.Get<AuditStore>(), stack.Get<StorageClients>(),
        Options.Create(new PrivacyOptions { RetainFor = RetainFor }), new FixedTime(now), NullLogger<RetentionJob>.Instance,
        stack.Get<ChangeLogRows>());

    [Fact]
    public async Task A_deleted_partners_address_leaves_finished_requests_once_the_period_has_passed_since_the_removal()
    {
        var partner = await stack.PartnerAsync($"offers.{Guid.NewGuid():N}@departing-partner.example");
        var reviewer = "cities.lead@example.org";
        var removedAt = DateTimeOffset.UtcNow;
        // A request that finished a minute after the partner left: it is kept for its own period, which ends later than theirs.
        var request = await stack.RequestAsync(RequestStatus.Received);
        var finishedAt = removedAt.AddMinutes(1);
        await stack.Get<RequestStore>().UpdateAsync(request.RequestId, r => r with { Status = RequestStatus.Closed, UpdatedAt = finishedAt }, Ct);
        await stack.Get<AdminIndexStore>().RecordAsync(AdminTestData.Item(request, RequestStatus.Closed, finishedAt), RequestStatus.Received, Ct);
        await stack.Get<LinkStageStore>().OpenAsync(request.RequestId, "offer-r0-" + partner.Id, LinkKind.Offer, "Offer round 1", [partner.Email], null,
            removedAt, Ct);
        await stack.Get<EmailOutboxStore>().RecordAttemptAsync(request.RequestId, $"review|review-1-r0|{reviewer}", [reviewer], "Review", "review-request",
            "en", removedAt, Ct);
        await stack.Get<TimelineStore>().AppendAsync(new(request.RequestId, "decision|offer-r0-" + partner.Id, partner.Email, "offer decision: accept",
            "Happy to help Amina Otieno", removedAt), Ct);

        var (status, _) = await stack.CallAsync(ApiRoutes.AdminPartnerDelete, new Dictionary<string, string> { ["id"] = partner.Id }, "DELETE", "");
        status.ShouldBe(204);
        var removals = stack.Get<StorageClients>().Table(TableNames.Audit)
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {RemovedContacts.Partition}"), cancellationToken: Ct);
        await foreach (var row in removals)
        {
            string.Join(" ", row.Select(p => $"{p.Key}={p.Value}")).ShouldNotContain(partner.Email, Case.Insensitive);
        }

        await Job(removedAt + RetainFor - TimeSpan.FromHours(1)).RunAsync(stack.Durable, Ct);
        (await stack.Get<LinkStageStore>().ListAsync(request.RequestId, Ct)).Single().Persons.ShouldBe([partner.Email]);

        var report = await Job(removedAt + RetainFor + TimeSpan.FromSeconds(30)).RunAsync(stack.Durable, Ct);

        report.RemovedContactsHandled.ShouldBeGreaterThanOrEqualTo(1);
        (await stack.Get<LinkStageStore>().ListAsync(request.RequestId, Ct)).Single().Persons.ShouldBe(["partner"]);
        var decision = (await stack.Get<TimelineStore>().ListAsync(request.RequestId, Ct)).Single(e => e.Action == "offer decision: accept");
        (decision.Actor, decision.Detail).ShouldBe(("partner", "Happy to help Amina Otieno"));
        (await stack.Get<EmailOutboxStore>().ListForRequestAsync(request.RequestId, Ct)).Single().To.ShouldBe([reviewer]);
        var stored = (await stack.Get<RequestStore>().GetAsync(request.RequestId, Ct))!.Request;
        (stored.ErasedAt, stored.Contact.Email).ShouldBe((null, request.Contact.Email));
        (await stack.Get<RemovedContacts>().DueAsync(removedAt + RetainFor + TimeSpan.FromDays(1), Ct))
            .ShouldNotContain(c => c.Key == stack.Get<RemovedContacts>().KeyOf(partner.Email));
        var (audit, _) = await stack.Get<AuditStore>().ListAsync(50, null, Ct);
        audit.ShouldContain(a => a.Action == AuditActions.RemovedContacts && a.RequestIds.Contains(request.RequestId));
    }

    [Fact]
    public async Task A_reviewer_left_out_of_the_list_is_recorded_as_removed_and_one_kept_is_not()
    {
        var kept = $"kept.{Guid.NewGuid():N}@example.org";
        var leaving = $"leaving.{Guid.NewGuid():N}@example.org";
        string List(params string[] emails) => System.Text.Json.JsonSerializer.Serialize(new
        {
            reviewers = emails.Select((e, i) => new { platform = "cities", stage = 1, email = e, name = "Reviewer", role = i == 0 ? "primary" : "backup" }),
        });
        (await stack.CallAsync(ApiRoutes.AdminReviewersReplace, new Dictionary<string, string>(), "PUT", List(kept, leaving))).Status.ShouldBe(200);

        (await stack.CallAsync(ApiRoutes.AdminReviewersReplace, new Dictionary<string, string>(), "PUT", List(kept))).Status.ShouldBe(200);

        var due = await stack.Get<RemovedContacts>().DueAsync(DateTimeOffset.UtcNow.AddMinutes(1), Ct);
        var removed = stack.Get<RemovedContacts>();
        due.ShouldContain(c => c.Key == removed.KeyOf(leaving) && c.Role == "reviewer");
        due.ShouldNotContain(c => c.Key == removed.KeyOf(kept));
    }
}
