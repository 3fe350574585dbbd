using System.Text.Json;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Admin;

namespace WgeoFlows.Tests.Intake;

/// <summary>
/// The intake's claims when a delivery stopped half-way: a later delivery finishes what a crashed one left once its lease
/// ran out, and waits for (never doubles) one still holding its lease. Real storage (Azurite), the real workflow on
/// Durable's in-memory backend.
/// </summary>
public sealed class SubmissionTakeoverTests(AdminStack stack) : IClassFixture<AdminStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_delivery_after_one_that_crashed_before_starting_the_workflow_takes_the_expired_claim_over_and_starts_it()
    {
        var (submissionId, body) = NewSubmission("takeover");
        var requestId = RequestIds.For(submissionId);
        // The crashed delivery: its claim, leased long ago; no record, no orchestration.
        var claimedAt = DateTimeOffset.UtcNow - 4 * SubmissionStore.Lease;
        (await stack.Get<SubmissionStore>().TryAddAsync(submissionId, requestId, SubmissionFingerprint.Of(body), claimedAt, Ct)).ShouldNotBeNull();

        var outcome = await stack.Get<SubmissionPipeline>().SubmitAsync(body, stack.Durable, Ct);

        outcome.ShouldBeOfType<IntakeOutcome.Accepted>().RequestId.ShouldBe(requestId);
        (await stack.Get<RequestStore>().GetAsync(requestId, Ct)).ShouldNotBeNull("the record the crashed delivery never wrote");
        (await stack.Durable.GetInstanceAsync(requestId, Ct)).ShouldNotBeNull("the orchestration the crashed delivery never started");

        // Delivered once more, it is a plain duplicate: the orchestration exists.
        var again = await stack.Get<SubmissionPipeline>().SubmitAsync(body, stack.Durable, Ct);
        again.ShouldBeOfType<IntakeOutcome.Accepted>().Duplicate.ShouldBeTrue();
    }

    [Fact]
    public async Task A_delivery_while_another_still_holds_the_claim_is_asked_to_come_back_and_starts_nothing()
    {
        var (submissionId, body) = NewSubmission("held");
        var requestId = RequestIds.For(submissionId);
        // A delivery still at work: its lease runs for another 30 s, its orchestration is not started yet.
        (await stack.Get<SubmissionStore>().TryAddAsync(submissionId, requestId, SubmissionFingerprint.Of(body), DateTimeOffset.UtcNow, Ct))
            .ShouldNotBeNull();

        var outcome = await stack.Get<SubmissionPipeline>().SubmitAsync(body, stack.Durable, Ct);

        outcome.ShouldBeOfType<IntakeOutcome.Unavailable>().RetryAfter.ShouldBeGreaterThan(TimeSpan.Zero);
        (await stack.Durable.GetInstanceAsync(requestId, Ct)).ShouldBeNull("only the delivery holding the claim starts the workflow");
        (await stack.Get<RequestStore>().GetAsync(requestId, Ct)).ShouldBeNull();
    }

    private static (string SubmissionId, JsonElement Body) NewSubmission(string prefix)
    {
        var submissionId = $"{prefix}-{Guid.NewGuid():N}";
        return (submissionId, JsonDocument.Parse(SamplePayloads.Valid(submissionId).ToJsonString()).RootElement.Clone());
    }
}
