using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Dispatch;
using WgeoFlows.Intake.Submissions;

namespace WgeoFlows.Tests.Intake;

/// <summary>What the webhook's one write carries (ADR 0006), and the in-process hand-over's bookkeeping.</summary>
public sealed class PendingSubmissionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Small_attachments_travel_inline_under_the_names_the_dispatcher_uploads_them_to()
    {
        var (submission, fingerprint) = Valid(SamplePayloads.Valid("inline"));
        var requestId = RequestIds.For(submission.SubmissionId);

        var pending = PendingSubmission.From(submission, requestId, fingerprint, Now);

        pending.UploadsBeforeClaim.ShouldBeFalse();
        var inline = pending.Inline.ShouldHaveSingleItem();
        inline.BlobName.ShouldBe($"{requestId}/01-concept-note.pdf");
        inline.Content.ShouldBe(SamplePayloads.PdfBytes);
        pending.Request.Attachments.ShouldHaveSingleItem().BlobName.ShouldBe(inline.BlobName);
        pending.Request.RequestId.ShouldBe(requestId);
        pending.Request.SubmittedAt.ShouldBe(Now);
        pending.ReceivedAt.ShouldBe(Now);
    }

    [Fact]
    public void Attachments_over_the_inline_budget_are_uploaded_first_under_names_of_their_own_body()
    {
        var large = SamplePayloads.PdfBytes.Concat(new byte[SubmissionInbox.InlineBudgetBytes]).ToArray();
        var payload = SamplePayloads.Valid("large");
        payload["attachments"] = new JsonArray(SamplePayloads.Attachment("concept-note.pdf", "application/pdf", large));
        var (submission, fingerprint) = Valid(payload);
        var requestId = RequestIds.For(submission.SubmissionId);
        payload["request"]!["title"] = "Another body under the same submission id";
        var (other, otherFingerprint) = Valid(payload);

        var pending = PendingSubmission.From(submission, requestId, fingerprint, Now);
        var conflicting = PendingSubmission.From(other, requestId, otherFingerprint, Now);

        pending.UploadsBeforeClaim.ShouldBeTrue();
        pending.Inline.ShouldBeEmpty();
        var name = pending.Request.Attachments.ShouldHaveSingleItem().BlobName;
        name.ShouldStartWith(requestId + "/");
        name.ShouldNotBe(conflicting.Request.Attachments.Single().BlobName, "a different body must never overwrite the accepted one's files");
    }

    [Fact]
    public void A_submission_without_attachments_has_nothing_to_upload()
    {
        var (submission, fingerprint) = Valid(SamplePayloads.Minimal("none"));

        var pending = PendingSubmission.From(submission, RequestIds.For(submission.SubmissionId), fingerprint, Now);

        pending.UploadsBeforeClaim.ShouldBeFalse();
        pending.Inline.ShouldBeEmpty();
        pending.Request.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public void A_request_handed_over_is_held_so_that_the_sweep_skips_it_until_it_is_released()
    {
        var queue = new DispatchQueue();
        var (submission, fingerprint) = Valid(SamplePayloads.Valid("held"));
        var pending = PendingSubmission.From(submission, RequestIds.For(submission.SubmissionId), fingerprint, Now);

        queue.Enqueue(pending, durable: null!);

        queue.TryHold(pending.RequestId).ShouldBeFalse();
        queue.Reader.TryRead(out var item).ShouldBeTrue();
        item!.RequestId.ShouldBe(pending.RequestId);
        queue.TryHold(pending.RequestId).ShouldBeFalse("a worker holds it while it dispatches, retries included");
        queue.Release(pending.RequestId);
        queue.TryHold(pending.RequestId).ShouldBeTrue();
    }

    [Fact]
    public void Deliveries_count_as_arriving_while_one_is_answered_and_for_a_moment_after()
    {
        var clock = new FakeTimeProvider();
        var queue = new DispatchQueue(clock: clock);
        queue.DeliveriesArriving.ShouldBeFalse();

        queue.DeliveryStarted();
        queue.DeliveriesArriving.ShouldBeTrue();
        clock.Advance(TimeSpan.FromSeconds(5));
        queue.DeliveriesArriving.ShouldBeTrue("a delivery still being answered keeps the burst on");
        queue.DeliveryEnded();
        queue.DeliveriesArriving.ShouldBeTrue("a burst is still on right after an answer");

        clock.Advance(DispatchQueue.BurstQuiet - TimeSpan.FromMilliseconds(1));
        queue.DeliveriesArriving.ShouldBeTrue();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        queue.DeliveriesArriving.ShouldBeFalse();
    }

    private static (ValidSubmission Submission, string Fingerprint) Valid(JsonObject payload)
    {
        var element = payload.ToElement();
        return (SubmissionValidator.Validate(element).Submission.ShouldNotBeNull(), SubmissionFingerprint.Of(element));
    }
}
