using System.Text.Json;
using Microsoft.DurableTask;
using WgeoFlows.Hosting;
using WgeoFlows.Links;
using WgeoFlows.Matching;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Privacy.Audit;
using WgeoFlows.Privacy.Erasure;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Admin;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Privacy;

/// <summary>The erasure of one request in any state, and of a person's requests by address, against real storage and a real
/// orchestration client.</summary>
public sealed class RequestErasureTests(PrivacyStack stack) : IClassFixture<PrivacyStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<(int Status, JsonElement Body)> ActAsync(string requestId, string action, string body) =>
        stack.CallAsync(ApiRoutes.AdminRequestAction, new Dictionary<string, string> { ["id"] = requestId, ["action"] = action }, "POST", body);

    [Fact]
    public async Task A_running_request_is_stopped_cancelled_and_erased_and_its_partner_gets_its_capacity_back()
    {
        var request = await stack.RequestAsync(RequestStatus.AwaitingPartner);
        var partner = await stack.PartnerAsync("offers@solar-partner.example");
        (await stack.Get<ReserveCapacityActivity>().RunAsync(new ReserveCapacityCommand(request.RequestId, partner.Id, Force: false), Ct)).Reserved.ShouldBeTrue();
        await stack.Get<LinkStageStore>().OpenAsync(request.RequestId, "offer-r0-" + partner.Id, LinkKind.Offer, "Offer round 1", [partner.Email], null,
            DateTimeOffset.UtcNow, Ct);
        await stack.Durable.ScheduleNewOrchestrationInstanceAsync(PrivacyStack.WaitingOrchestration, "input",
            new StartOrchestrationOptions(request.RequestId), Ct);
        await stack.Durable.WaitForInstanceStartAsync(request.RequestId, Ct);
        var countsBefore = (await stack.Get<AdminStatsStore>().CountsAsync(DateTimeOffset.UtcNow, 1, Ct)).PerStatus;

        var (status, body) = await ActAsync(request.RequestId, "erase", """{ "reason": "Amina Otieno asked for erasure" }""");

        status.ShouldBe(200, body.ToString());
        body.GetProperty("status").GetString().ShouldBe("Cancelled");
        body.GetProperty("erased").GetProperty("instancesPurged").GetInt32().ShouldBe(1);
        (await stack.Durable.GetInstanceAsync(request.RequestId, Ct)).ShouldBeNull();
        (await stack.Get<PartnerStore>().GetAsync(partner.Id, Ct))!.OpenEngagements.ShouldBe(0);
        var stage = (await stack.Get<LinkStageStore>().ListAsync(request.RequestId, Ct)).ShouldHaveSingleItem();
        (stage.IsOpen, stage.Persons.Single()).ShouldBe((false, "partner"));
        var stored = (await stack.Get<RequestStore>().GetAsync(request.RequestId, Ct))!.Request;
        (stored.Status, stored.Contact.Email, stored.Contact.Name, stored.Title, stored.Organization.Name).ShouldBe((RequestStatus.Cancelled, "", "", "", ""));
        stored.ErasedAt.ShouldNotBeNull();
        var countsAfter = (await stack.Get<AdminStatsStore>().CountsAsync(DateTimeOffset.UtcNow, 1, Ct)).PerStatus;
        countsAfter[RequestStatus.AwaitingPartner].ShouldBe(countsBefore[RequestStatus.AwaitingPartner] - 1);
        countsAfter[RequestStatus.Cancelled].ShouldBe(countsBefore[RequestStatus.Cancelled] + 1);
        var erasedEntry = (await stack.Get<TimelineStore>().ListAsync(request.RequestId, Ct)).Single(e => e.Key == RequestEraser.ErasedEntryKey);
        (erasedEntry.Actor, erasedEntry.Detail).ShouldBe(("admin", "[removed] asked for erasure"));
    }

    [Fact]
    public async Task Erasing_again_finds_nothing_more_and_the_erased_request_takes_no_other_action()
    {
        var request = await stack.RequestAsync(RequestStatus.Rejected);
        (await ActAsync(request.RequestId, "erase", """{ "reason": "asked" }""")).Status.ShouldBe(200);

        var (status, again) = await ActAsync(request.RequestId, "erase", """{ "reason": "asked again" }""");

        status.ShouldBe(200);
        again.GetProperty("alreadyErased").GetBoolean().ShouldBeTrue();
        again.GetProperty("erased").Deserialize<ErasureCounts>(JsonSerializerOptions.Web).ShouldBe(ErasureCounts.None);
        (await ActAsync(request.RequestId, "restart", "{}")).Status.ShouldBe(409);
    }

    [Fact]
    public async Task A_person_is_erased_by_address_in_any_case_and_the_audit_keeps_their_requests_but_not_their_address()
    {
        var email = $"rosa.{Guid.NewGuid():N}@example.org";
        var first = await stack.RequestAsync(RequestStatus.Closed, email, "Rosa Quispe");
        var second = await stack.RequestAsync(RequestStatus.Expired, email.ToUpperInvariant(), "Rosa Quispe");
        var someoneElse = await stack.RequestAsync(RequestStatus.Closed, "other." + email, "Rosa Quispe");
        var finder = stack.Get<RequestsByContactEmail>();
        (await finder.FindAsync(email.ToUpperInvariant(), Ct)).Order().ShouldBe(new[] { first.RequestId, second.RequestId }.Order());

        var (status, body) = await stack.CallAsync(ApiRoutes.AdminPeopleErase, new Dictionary<string, string>(), "POST",
            JsonSerializer.Serialize(new { email = "  " + email + " ", reason = $"Rosa Quispe ({email}) asked by mail" }));

        status.ShouldBe(200, body.ToString());
        body.GetProperty("requests").GetArrayLength().ShouldBe(2);
        (await finder.FindAsync(email, Ct)).ShouldBeEmpty();
        (await stack.Get<RequestStore>().GetAsync(someoneElse.RequestId, Ct))!.Request.ErasedAt.ShouldBeNull();
        var (items, _) = await stack.Get<AuditStore>().ListAsync(50, null, Ct);
        var entry = items.First(e => e.Action == AuditActions.ErasePerson && e.RequestIds.Contains(first.RequestId));
        entry.RequestIds.Order().ShouldBe(new[] { first.RequestId, second.RequestId }.Order());
        entry.Reason.ShouldBe("[removed] ([removed]) asked by mail");
        entry.Actor.ShouldBe("admin-key");
        entry.Erased.RowsChanged.ShouldBeGreaterThan(0);
    }
}
