using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Dispatch;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Admin;

namespace WgeoFlows.Tests.Intake;

/// <summary>
/// The intake's one write and its dispatch (ADR 0006) on real storage (Azurite) and the real workflow on Durable's
/// in-memory backend: what a delivery stores before it answers, how later deliveries are told apart while the dispatch is
/// still to do, and how the sweep finishes a dispatch that a crash interrupted.
/// </summary>
public sealed class IntakeDispatchTests(AdminStack stack) : IClassFixture<AdminStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_accepted_submission_is_dispatched_into_its_record_attachment_and_orchestration_and_its_row_keeps_only_the_claim()
    {
        var (submissionId, body) = NewSubmission("dispatched");
        var requestId = RequestIds.For(submissionId);

        var outcome = await stack.Get<SubmissionPipeline>().SubmitAsync(body, IntakeDoor.Webhook, stack.Durable, Ct);

        outcome.ShouldBeOfType<IntakeOutcome.Accepted>().Duplicate.ShouldBeFalse();
        await WaitUntilDispatchedAsync(requestId);
        var record = (await stack.Get<RequestStore>().GetAsync(requestId, Ct)).ShouldNotBeNull().Request;
        record.Attachments.Single().BlobName.ShouldBe($"{requestId}/01-concept-note.pdf");
        (await BlobBytesAsync(record.Attachments.Single().BlobName)).ShouldBe(SamplePayloads.PdfBytes);
        (await stack.Durable.GetInstanceAsync(requestId, Ct)).ShouldNotBeNull();
        var row = (await stack.Get<SubmissionInbox>().GetAsync(requestId, Ct)).ShouldNotBeNull();
        row.Pending.ShouldBeNull("the inline bytes and the record left the row once dispatched");
        row.Fingerprint.ShouldBe(SubmissionFingerprint.Of(body));

        // Delivered again after the dispatch: still a duplicate (the claim stays), and nothing new is started.
        (await stack.Get<SubmissionPipeline>().SubmitAsync(body, IntakeDoor.Webhook, stack.Durable, Ct)).ShouldBeOfType<IntakeOutcome.Accepted>().Duplicate.ShouldBeTrue();
        var changed = Changed(body);
        (await stack.Get<SubmissionPipeline>().SubmitAsync(changed, IntakeDoor.Webhook, stack.Durable, Ct)).ShouldBeOfType<IntakeOutcome.Conflict>();
    }

    [Fact]
    public async Task While_a_row_waits_for_its_dispatch_a_redelivery_is_a_duplicate_and_another_body_a_conflict_that_changes_nothing()
    {
        // A delivery that wrote its row and crashed before handing it over: nothing else of it exists.
        var (requestId, body, pending) = await LeftPendingAsync("waiting", DateTimeOffset.UtcNow);

        (await stack.Get<SubmissionPipeline>().SubmitAsync(body, IntakeDoor.Webhook, stack.Durable, Ct)).ShouldBeOfType<IntakeOutcome.Accepted>().Duplicate.ShouldBeTrue();
        (await stack.Get<SubmissionPipeline>().SubmitAsync(Changed(body), IntakeDoor.Webhook, stack.Durable, Ct)).ShouldBeOfType<IntakeOutcome.Conflict>()
            .RequestId.ShouldBe(requestId);

        var row = (await stack.Get<SubmissionInbox>().GetAsync(requestId, Ct)).ShouldNotBeNull();
        row.Fingerprint.ShouldBe(pending.Fingerprint);
        row.Pending.ShouldNotBeNull().Request.Title.ShouldBe(pending.Request.Title);
        row.Pending.Inline.Single().Content.ShouldBe(SamplePayloads.PdfBytes);
        (await stack.Get<RequestStore>().GetAsync(requestId, Ct)).ShouldBeNull("neither delivery dispatched the row: it is not theirs");
    }

    [Fact]
    public async Task The_sweep_dispatches_a_row_a_crash_left_behind_once_and_a_second_sweep_finds_nothing_to_do()
    {
        // Received a minute ago by a host that died before its dispatch: older than the sweep's grace period.
        var (requestId, _, _) = await LeftPendingAsync("swept", DateTimeOffset.UtcNow.AddMinutes(-1));

        await stack.Get<IntakeSweep>().RunAsync(stack.Durable, Ct);
        // The host's own background sweep may have held the row at that moment; either way it ends dispatched.
        await WaitUntilDispatchedAsync(requestId);

        (await stack.Get<RequestStore>().GetAsync(requestId, Ct)).ShouldNotBeNull();
        (await BlobBytesAsync($"{requestId}/01-concept-note.pdf")).ShouldBe(SamplePayloads.PdfBytes);
        (await stack.Durable.GetInstanceAsync(requestId, Ct)).ShouldNotBeNull();
        (await stack.Get<SubmissionInbox>().PendingAsync(DateTimeOffset.UtcNow.AddYears(1), Ct).ToListAsync(Ct)).ShouldNotContain(requestId);
        (await stack.Get<IntakeSweep>().RunAsync(stack.Durable, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_row_that_cannot_be_dispatched_does_not_hold_up_the_sweep_of_the_others()
    {
        var minuteAgo = DateTimeOffset.UtcNow.AddMinutes(-1);
        // A pending row whose record no longer reads (written by hand, as a bug or a bad migration might leave it).
        var (brokenId, _, _) = await LeftPendingAsync("broken", minuteAgo);
        await new TableClient(stack.Azurite.ConnectionString, TableNames.Submissions).UpdateEntityAsync(
            new TableEntity(SubmissionInbox.PartitionOf(brokenId), brokenId) { ["Json"] = "{ not json" }, Azure.ETag.All,
            TableUpdateMode.Merge, Ct);
        var (goodId, _, _) = await LeftPendingAsync("good", minuteAgo);

        await Should.NotThrowAsync(() => stack.Get<IntakeSweep>().RunAsync(stack.Durable, Ct));

        await WaitUntilDispatchedAsync(goodId);
        (await stack.Durable.GetInstanceAsync(goodId, Ct)).ShouldNotBeNull();
        (await stack.Durable.GetInstanceAsync(brokenId, Ct)).ShouldBeNull();
        (await stack.Get<SubmissionInbox>().PendingAsync(DateTimeOffset.UtcNow, Ct).ToListAsync(Ct)).ShouldContain(brokenId,
            "the broken row stays, not lost: each sweep logs it as an error");
    }

    [Fact]
    public async Task A_fresh_row_is_left_to_the_delivery_that_added_it_until_its_grace_period_is_over()
    {
        var (requestId, _, _) = await LeftPendingAsync("young", DateTimeOffset.UtcNow);

        await stack.Get<IntakeSweep>().RunAsync(stack.Durable, Ct);

        (await stack.Get<SubmissionInbox>().GetAsync(requestId, Ct)).ShouldNotBeNull().Pending.ShouldNotBeNull();
        (await stack.Durable.GetInstanceAsync(requestId, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Dispatching_the_same_row_twice_gives_one_record_and_one_orchestration()
    {
        var (requestId, _, pending) = await LeftPendingAsync("twice", DateTimeOffset.UtcNow);
        var dispatcher = stack.Get<IntakeDispatcher>();

        await dispatcher.DispatchAsync(pending, fresh: true, stack.Durable, Ct);
        // A second host's sweep, or a retry after the row's final write failed: it asks before it starts anything.
        await dispatcher.DispatchAsync(pending, fresh: false, stack.Durable, Ct);

        var instance = (await stack.Durable.GetInstanceAsync(requestId, Ct)).ShouldNotBeNull();
        (await stack.Durable.GetAllInstancesAsync(new() { InstanceIdPrefix = requestId }).ToListAsync(Ct)).Count.ShouldBe(1);
        instance.CreatedAt.ShouldBeLessThan(DateTimeOffset.UtcNow);
        (await stack.Get<RequestStore>().GetAsync(requestId, Ct)).ShouldNotBeNull();
        (await stack.Get<SubmissionInbox>().GetAsync(requestId, Ct)).ShouldNotBeNull().Pending.ShouldBeNull();
    }

    [Fact]
    public async Task Attachments_too_large_to_travel_inline_are_uploaded_first_and_a_conflicting_body_never_touches_them()
    {
        var large = SamplePayloads.PdfBytes.Concat(new byte[300 * 1024]).ToArray();
        var (submissionId, body) = NewSubmission("large", large);
        var requestId = RequestIds.For(submissionId);

        (await stack.Get<SubmissionPipeline>().SubmitAsync(body, IntakeDoor.Webhook, stack.Durable, Ct)).ShouldBeOfType<IntakeOutcome.Accepted>();
        await WaitUntilDispatchedAsync(requestId);
        var blobName = (await stack.Get<RequestStore>().GetAsync(requestId, Ct)).ShouldNotBeNull().Request.Attachments.Single().BlobName;
        blobName.ShouldStartWith(requestId + "/");
        blobName.ShouldNotBe($"{requestId}/01-concept-note.pdf", "uploaded before the claim, under a name of its own body");
        (await BlobBytesAsync(blobName)).ShouldBe(large);

        var other = SamplePayloads.PdfBytes.Concat(Enumerable.Repeat((byte)7, 300 * 1024)).ToArray();
        var (_, conflicting) = NewSubmission("large", other, submissionId);
        (await stack.Get<SubmissionPipeline>().SubmitAsync(conflicting, IntakeDoor.Webhook, stack.Durable, Ct)).ShouldBeOfType<IntakeOutcome.Conflict>();

        (await BlobBytesAsync(blobName)).ShouldBe(large, "the accepted body's file is untouched");
        (await BlobNamesAsync(requestId)).ShouldBe([blobName], "the refused body's upload was removed");
    }

    private async Task WaitUntilDispatchedAsync(string requestId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await stack.Get<SubmissionInbox>().GetAsync(requestId, Ct))?.Pending is not null)
        {
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"{requestId} was not dispatched within 30 s.");
            await Task.Delay(50, Ct);
        }
    }

    private async Task<byte[]> BlobBytesAsync(string blobName) =>
        (await Container.GetBlobClient(blobName).DownloadContentAsync(Ct)).Value.Content.ToArray();

    private async Task<List<string>> BlobNamesAsync(string requestId)
    {
        var names = new List<string>();
        await foreach (var blob in Container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None, requestId + "/", Ct)) names.Add(blob.Name);
        return names;
    }

    private BlobContainerClient Container =>
        new BlobServiceClient(stack.Azurite.ConnectionString).GetBlobContainerClient(TableNames.AttachmentsContainer);

    /// <summary>A new submission's inbox row as a delivery that died before its hand-over leaves it: nothing else exists.</summary>
    private async Task<(string RequestId, JsonElement Body, PendingSubmission Pending)> LeftPendingAsync(string prefix, DateTimeOffset receivedAt)
    {
        var (submissionId, body) = NewSubmission(prefix);
        var pending = Pending(body, receivedAt);
        (await stack.Get<SubmissionInbox>().TryAddAsync(pending, Ct)).ShouldBeTrue();
        return (RequestIds.For(submissionId), body, pending);
    }

    private static PendingSubmission Pending(JsonElement body, DateTimeOffset receivedAt)
    {
        var submission = SubmissionValidator.Validate(body).Submission.ShouldNotBeNull();
        return PendingSubmission.From(submission, RequestIds.For(submission.SubmissionId), SubmissionFingerprint.Of(body), receivedAt);
    }

    private static JsonElement Changed(JsonElement body)
    {
        var node = JsonNode.Parse(body.GetRawText())!.AsObject();
        node["request"]!["title"] = "A different title under the same submission id";
        return node.ToElement();
    }

    private static (string SubmissionId, JsonElement Body) NewSubmission(string prefix, byte[]? attachment = null, string? submissionId = null)
    {
        submissionId ??= $"{prefix}-{Guid.NewGuid():N}";
        var payload = SamplePayloads.Valid(submissionId);
        if (attachment is not null) payload["attachments"] = new JsonArray(SamplePayloads.Attachment("concept-note.pdf", "application/pdf", attachment));
        return (submissionId, payload.ToElement());
    }
}
