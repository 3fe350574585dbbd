using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Intake;

namespace WgeoFlows.Bench.Intake;

/// <summary>
/// A second baseline for the intake: only the storage write of the webhook's path — each submission's inbox row (the
/// claim, the record and the small attachment inline), written by the product's own store straight to Azurite from this
/// process. No HTTP, no signature or validation, no dispatch and so no workflow work. An intake that stores this row
/// cannot go faster than this on the same Azurite, so the gap between it and the raw inserts is the row's own cost (its
/// size), and the gap between the intake and it is everything else (host, dispatch, workflows).
/// </summary>
public sealed class PathWrites(string connectionString)
{
    private readonly StorageClients _storage = new(Options.Create(new StorageOptions { ConnectionString = connectionString }));

    /// <summary>The rows of <paramref name="count"/> distinct sample submissions, prepared before the clock starts.</summary>
    public IReadOnlyList<Func<Task<bool>>> Prepare(int count, string prefix)
    {
        var inbox = new SubmissionInbox(_storage);
        return Enumerable.Range(0, count).Select(i =>
        {
            var element = SamplePayloads.Valid($"{prefix}-{Guid.NewGuid():N}-{i}").ToElement();
            var submission = SubmissionValidator.Validate(element).Submission
                ?? throw new InvalidOperationException("The sample payload no longer validates.");
            var pending = PendingSubmission.From(submission, RequestIds.For(submission.SubmissionId), SubmissionFingerprint.Of(element),
                DateTimeOffset.UtcNow);
            return (Func<Task<bool>>)(() => inbox.TryAddAsync(pending));
        }).ToList();
    }

    public Task EnsureCreatedAsync() => _storage.EnsureCreatedAsync();
}
