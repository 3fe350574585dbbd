using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Intake;

namespace WgeoFlows.Bench.Intake;

/// <summary>
/// A second baseline for the intake: only the storage writes of the webhook's path — each submission's claim, its
/// attachment and its request record, written by the product's own stores straight to Azurite from this process. No HTTP, no signature or
/// validation, no orchestration and so no workflow work. Whatever the host does around these two inserts, an intake that
/// stores these cannot go faster than this on the same Azurite, so the gap between it and the raw inserts is the
/// storage writes' share, and the gap between the intake and it is everything else (host, orchestration, workflows).
/// </summary>
public sealed class PathWrites(string connectionString)
{
    private readonly StorageClients _storage = new(Options.Create(new StorageOptions { ConnectionString = connectionString }));

    /// <summary>The rows of <paramref name="count"/> distinct sample submissions, prepared before the clock starts.</summary>
    public IReadOnlyList<Func<Task<bool>>> Prepare(int count, string prefix)
    {
        var submissions = new SubmissionStore(_storage);
        var requests = new RequestStore(_storage);
        var attachments = new AttachmentStore(_storage);
        return Enumerable.Range(0, count).Select(i =>
        {
            var element = SamplePayloads.Valid($"{prefix}-{Guid.NewGuid():N}-{i}").ToElement();
            var submission = SubmissionValidator.Validate(element).Submission
                ?? throw new InvalidOperationException("The sample payload no longer validates.");
            var fingerprint = SubmissionFingerprint.Of(element);
            var requestId = RequestIds.For(submission.SubmissionId);
            return (Func<Task<bool>>)(async () =>
            {
                var now = DateTimeOffset.UtcNow;
                var claim = await submissions.TryAddAsync(submission.SubmissionId, requestId, fingerprint, now);
                if (claim is null) return false;
                var stored = await attachments.SaveAsync(requestId, submission.Attachments);
                return await requests.TryAddAsync(submission.ToSupportRequest(requestId, now, stored));
            });
        }).ToList();
    }

    public Task EnsureCreatedAsync() => _storage.EnsureCreatedAsync();
}
