using WgeoFlows.Intake;
using WgeoFlows.Intake.Dispatch;
using WgeoFlows.Intake.Submissions;

namespace WgeoFlows.Tests.Intake;

/// <summary>The dispatch queue is bounded: a delivery reserves its place before it stores anything, and a worker taking an
/// item frees its place.</summary>
public sealed class DispatchQueueCapacityTests
{
    [Fact]
    public async Task Places_are_reserved_up_to_the_capacity_and_freed_as_workers_take_items_or_deliveries_give_them_back()
    {
        var queue = new DispatchQueue(capacity: 2);

        queue.TryReserve().ShouldBeTrue();
        queue.TryReserve().ShouldBeTrue();
        queue.TryReserve().ShouldBeFalse("full: the door answers 503 and stores nothing");

        queue.CancelReservation();
        queue.Waiting.ShouldBe(1);
        queue.TryReserve().ShouldBeTrue();
        var element = SamplePayloads.Valid("bounded").ToElement();
        var submission = SubmissionValidator.Validate(element).Submission.ShouldNotBeNull();
        var pending = PendingSubmission.From(submission, RequestIds.For(submission.SubmissionId), SubmissionFingerprint.Of(element), DateTimeOffset.UtcNow);
        queue.Enqueue(pending, durable: null!);

        await foreach (var item in queue.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            queue.Waiting.ShouldBe(1, "the worker took its item, one reservation remains");
            break;
        }
        queue.TryReserve().ShouldBeTrue();
        queue.TryReserve().ShouldBeFalse();
    }

    [Fact]
    public void The_default_capacity_is_a_thousand_and_a_capacity_below_one_is_refused()
    {
        new DispatchQueue().Capacity.ShouldBe(1000);
        Should.Throw<ArgumentOutOfRangeException>(() => new DispatchQueue(0));
    }
}
