using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Matching;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Intake;

/// <summary>The confirmation's storage on Azurite: the per-address daily count across instances, and what an expired
/// unconfirmed request leaves behind.</summary>
public sealed class ConfirmationStorageTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ConfirmationQuota Quota(TimeProvider clock, int max = 3) => new(storage.NewStorageClients(),
        Options.Create(new IntakeOptions { Confirmation = new ConfirmationOptions { MaxPerAddressPerDay = max } }),
        Options.Create(new LinkOptions { SigningKey = "quota-test-key" }), clock);

    [Fact]
    public async Task Twenty_instances_racing_for_one_address_send_at_most_three_confirmations_a_day()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 2, 23, 0, 0, TimeSpan.Zero));
        // Each take goes through a quota of its own, as if in its own instance: only storage is shared.
        var takes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Quota(clock).TryTakeAsync("Victim@Example.org ", Ct)));

        takes.Count(t => t is null).ShouldBe(3);
        takes.Where(t => t is not null).ShouldAllBe(t => t!.Value <= TimeSpan.FromHours(1) && t.Value > TimeSpan.Zero);
        (await Quota(clock).CountAsync("victim@example.org", Ct)).ShouldBe(3);

        // The next UTC day the address has its three again; the row names no address.
        clock.Now = clock.Now.AddHours(2);
        (await Quota(clock).TryTakeAsync("victim@example.org", Ct)).ShouldBeNull();
        var rows = storage.NewStorageClients().Table(TableNames.ConfirmationQuota).QueryAsync<TableEntity>(cancellationToken: Ct);
        await foreach (var row in rows) row.PartitionKey.ShouldNotContain("victim", Case.Insensitive);
    }

    [Fact]
    public async Task An_expired_unconfirmed_request_keeps_no_personal_data_and_no_files()
    {
        var clients = storage.NewStorageClients();
        var requests = new RequestStore(clients);
        var requestId = "req-expire-" + Guid.NewGuid().ToString("N")[..8];
        var request = new SupportRequest
        {
            RequestId = requestId,
            SubmissionId = "form:x",
            SubmittedAt = DateTimeOffset.UtcNow,
            Organization = new Organization("Secret Org", "cities", "KE", "https://secret.example"),
            Contact = new Contact("Secret Person", "secret@example.org", "fr"),
            Title = "Secret title",
            Description = "Secret description",
            ThematicAreas = ["renewable-energy"],
            SupportTypes = ["financing"],
            Attachments = [new StoredAttachment("a.pdf", "application/pdf", 3, AttachmentStore.BlobName(requestId, 0, "a.pdf"))],
            Status = RequestStatus.AwaitingConfirmation,
        };
        (await requests.TryAddAsync(request, Ct)).ShouldBeTrue();
        await new AttachmentStore(clients).UploadAsync(request.Attachments[0].BlobName, "application/pdf", [1, 2, 3], Ct);
        await new AttachmentStore(clients).UploadAsync(AttachmentStore.PreClaimBlobName(requestId, "0123456789abcdef", 0, "b.pdf"),
            "application/pdf", [4], Ct);
        await new TimelineStore(clients).AppendAsync(new TimelineEntry(requestId, "email", "system", "email sent", "confirmation to secret@example.org",
            DateTimeOffset.UtcNow), Ct);

        var expire = new ExpireUnconfirmedActivity(requests, clients);
        await expire.RunAsync(requestId, Ct);
        await expire.RunAsync(requestId, Ct); // a retried activity changes nothing more

        var left = clients.Table(TableNames.Requests).QueryAsync<TableEntity>($"PartitionKey eq '{requestId}'", cancellationToken: Ct);
        var rows = new List<TableEntity>();
        await foreach (var row in left) rows.Add(row);
        rows.Select(r => r.RowKey).ShouldBe([RequestStore.RecordRowKey]);
        var json = rows[0].GetString("Json");
        json.ShouldNotContain("Secret", Case.Insensitive);
        json.ShouldNotContain("secret@", Case.Insensitive);
        var kept = (await requests.GetAsync(requestId, Ct))!.Request;
        (kept.Organization.Platform, kept.Organization.Country, kept.Contact.Language).ShouldBe(("cities", "KE", "fr"));
        kept.ThematicAreas.ShouldBe(["renewable-energy"]);
        var blobs = clients.Attachments.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None,
            requestId + "/", Ct);
        await foreach (var blob in blobs) throw new ShouldAssertException($"{blob.Name} is still stored");
    }
}
