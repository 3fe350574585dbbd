using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using WgeoFlows.Storage;

namespace WgeoFlows.Intake.Submissions;

/// <summary>Dedupe rows in <see cref="TableNames.Submissions"/>: PK = "sub|" + a hash of the submission id (form ids may hold
/// characters a key cannot), RK = "", so one point read answers "have we seen this submission?".</summary>
public sealed class SubmissionStore(StorageClients storage)
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private TableClient Table => storage.Table(TableNames.Submissions);

    public static string PartitionOf(string submissionId) =>
        "sub|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(submissionId)));

    /// <summary>Adds the claim; null when one exists already (then read it with <see cref="GetAsync"/>).</summary>
    public async Task<SubmissionClaim?> TryAddAsync(string submissionId, string requestId, string fingerprint, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var entity = new TableEntity(PartitionOf(submissionId), "")
        {
            ["SubmissionId"] = submissionId, ["RequestId"] = requestId, ["Fingerprint"] = fingerprint,
            ["ClaimedAt"] = now, ["LeaseUntil"] = now + Lease,
        };
        try
        {
            var response = await Table.AddEntityAsync(entity, cancellationToken);
            return new SubmissionClaim(submissionId, requestId, fingerprint, now, now + Lease,
                response.Headers.ETag ?? default);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    public async Task<SubmissionClaim?> GetAsync(string submissionId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(submissionId), "", cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is null) return null;
        var e = response.Value;
        return new SubmissionClaim(e.GetString("SubmissionId") ?? submissionId, e.GetString("RequestId") ?? "", e.GetString("Fingerprint") ?? "",
            e.GetDateTimeOffset("ClaimedAt") ?? default, e.GetDateTimeOffset("LeaseUntil") ?? default, e.ETag);
    }

    /// <summary>Takes over a claim whose lease ran out. False when another delivery took it first.</summary>
    public async Task<SubmissionClaim?> TryTakeOverAsync(SubmissionClaim claim, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(PartitionOf(claim.SubmissionId), "") { ["LeaseUntil"] = now + Lease };
        try
        {
            var response = await Table.UpdateEntityAsync(entity, claim.ETag, TableUpdateMode.Merge, cancellationToken);
            return claim with { LeaseUntil = now + Lease, ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>Gives the lease up at once after a failure, so that the sender's retry can take over without waiting.</summary>
    public async Task ReleaseLeaseAsync(SubmissionClaim claim, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(PartitionOf(claim.SubmissionId), "") { ["LeaseUntil"] = now };
        await Table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }
}
