using System.Globalization;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Privacy.Audit;
using WgeoFlows.Privacy.ChangeLog;
using WgeoFlows.Privacy.Erasure;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;

namespace WgeoFlows.Privacy.Retention;

/// <summary>What one run of the retention job did.</summary>
public sealed record RetentionReport(int Erased, int AlreadyErased, int Failed, int RequestsCleared, int RemovedContactsHandled);

/// <summary>
/// The scheduled job (<c>Privacy:RetentionSchedule</c>) that keeps personal data only as long as its purpose needs:
/// <list type="number">
/// <item>a request whose final status (Closed, Rejected, Expired, Cancelled) was reached more than <c>Privacy:RetainFor</c>
/// ago is erased (<see cref="RequestEraser"/>), one audit entry each;</item>
/// <item>the addresses of partners and reviewers removed more than <c>Privacy:RetainFor</c> ago (<see cref="RemovedContacts"/>)
/// are replaced by their role in the finished requests still kept and in the admins' change log of partners and reviewers,
/// one audit entry for the batch.</item>
/// </list>
/// Which requests finished when is read from the admin index's "since|{status}" rows, kept at write time in the order they
/// entered the status (<see cref="AdminStatsStore.EnteredBetweenAsync"/>): a range read of the due rows, never a scan. A
/// watermark per status remembers the last row handled, so each run reads only what became due since the one before; a
/// request already erased (by an admin) is passed over. A request whose erasure fails stops its status's pass there (the
/// watermark stays before it) and the next run tries it again. A failed request (status Failed) is not finished in this sense:
/// an admin may still restart it.
/// </summary>
public sealed class RetentionJob(
    AdminStatsStore stats,
    RequestStore requests,
    RequestEraser eraser,
    RequestRowsRewriter rows,
    RemovedContacts removed,
    AuditStore audit,
    StorageClients storage,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<RetentionJob> logger,
    ChangeLogRows changeLog)
{
    public const string WatermarkPartition = "retention";
    public const string Actor = "retention";

    /// <summary>The final statuses after which the retention period runs.</summary>
    public static readonly IReadOnlyList<RequestStatus> FinalStatuses =
        [RequestStatus.Closed, RequestStatus.Rejected, RequestStatus.Expired, RequestStatus.Cancelled];

    private const int Page = 100;

    private TableClient Table => storage.Table(TableNames.Audit);

    public async Task<RetentionReport> RunAsync(DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var now = time.GetUtcNow();
        var retainFor = options.Value.RetainFor;
        var due = now - retainFor;
        var budget = options.Value.RetentionBatch;
        int erased = 0, alreadyErased = 0, failed = 0;
        foreach (var status in FinalStatuses)
        {
            var after = await WatermarkAsync(status, cancellationToken);
            var stopped = false;
            while (budget > 0 && !stopped)
            {
                var entered = await stats.EnteredBetweenAsync(status, after, due, Math.Min(budget, Page), cancellationToken);
                if (entered.Count == 0) break;
                foreach (var (rowKey, request) in entered)
                {
                    try
                    {
                        var cause = new ErasureCause(Actor, PersonRoles.System, AuditActions.Retention,
                            $"{status} since {request.Since.ToString("u", CultureInfo.InvariantCulture)}, kept for Privacy:RetainFor = {retainFor}");
                        var result = await eraser.EraseAsync(request.RequestId, cause, durable, cancellationToken);
                        if (result is { AlreadyErased: false }) erased++;
                        else alreadyErased++;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogError(e, "Retention could not erase request {RequestId}; the next run tries again", request.RequestId);
                        failed++;
                        stopped = true;
                        break;
                    }
                    after = rowKey;
                    await SaveWatermarkAsync(status, after, cancellationToken);
                    budget--;
                }
            }
        }
        var (cleared, handled) = await RemoveDepartedContactsAsync(now, retainFor, cancellationToken);
        if (erased + failed + handled > 0)
        {
            logger.LogInformation("Retention erased {Erased} request(s) ({Failed} failed, {Already} erased before); {Handled} removed contact(s) " +
                "cleared from {Cleared} request(s)", erased, failed, alreadyErased, handled, cleared);
        }
        return new RetentionReport(erased, alreadyErased, failed, cleared, handled);
    }

    /// <summary>
    /// Replaces the addresses of partners and reviewers removed at least <paramref name="retainFor"/> ago by their role, in
    /// every finished request still kept: those that reached a final status within the last <paramref name="retainFor"/>
    /// (the older ones are erased whole by the pass above). Cost: one partition read per such request, in runs where a
    /// removal has come due; none otherwise.
    /// </summary>
    private async Task<(int Cleared, int Handled)> RemoveDepartedContactsAsync(DateTimeOffset now, TimeSpan retainFor,
        CancellationToken cancellationToken)
    {
        var departed = await removed.DueAsync(now - retainFor, cancellationToken);
        if (departed.Count == 0) return (0, 0);
        var rewrite = new RemovedContactsRewrite(departed, removed.KeyOf);
        var changedRequests = new List<string>();
        var counts = ErasureCounts.None;
        var from = $"{(now - retainFor).UtcTicks - 1:D19}|~"; // after every row of the tick before: from (now - retainFor) on
        foreach (var status in FinalStatuses)
        {
            var after = from;
            while (true)
            {
                var entered = await stats.EnteredBetweenAsync(status, after, now, Page, cancellationToken);
                foreach (var (rowKey, request) in entered)
                {
                    after = rowKey;
                    var changed = await ClearAsync(request.RequestId, rewrite, cancellationToken);
                    if (changed == 0) continue;
                    counts += ErasureCounts.Changed(changed);
                    changedRequests.Add(request.RequestId);
                }
                if (entered.Count < Page) break;
            }
        }
        // The admins' change log of partners and reviewers names them too, in the values of the changes that added or removed them.
        counts += ErasureCounts.Changed(await changeLog.RewriteAsync(_ => rewrite, rewrite, cancellationToken));
        await audit.AddAsync(new AuditEntry($"contacts|{now.UtcTicks}", now, Actor, AuditActions.RemovedContacts,
            $"{departed.Count} partner(s) or reviewer(s) removed more than Privacy:RetainFor = {retainFor} ago", changedRequests, counts),
            cancellationToken);
        foreach (var contact in departed) await removed.ForgetAsync(contact, cancellationToken);
        return (changedRequests.Count, departed.Count);
    }

    /// <summary>The rows of one finished, not yet erased request, and its record (a reviewer's question names them).</summary>
    private async Task<int> ClearAsync(string requestId, RemovedContactsRewrite rewrite, CancellationToken cancellationToken)
    {
        var stored = await requests.GetAsync(requestId, cancellationToken);
        if (stored is null || stored.Request.ErasedAt is not null) return 0;
        var changed = await rows.RewriteAsync(requestId, _ => rewrite, cancellationToken);
        var json = StorageJson.Serialize(stored.Request);
        if (rewrite.Text(json) != json)
        {
            await requests.UpdateAsync(requestId, r => StorageJson.Deserialize<SupportRequest>(rewrite.Text(StorageJson.Serialize(r))) ?? r,
                cancellationToken);
            changed++;
        }
        return changed;
    }

    private async Task<string?> WatermarkAsync(RequestStatus status, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(WatermarkPartition, status.ToString(), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("After") : null;
    }

    private Task SaveWatermarkAsync(RequestStatus status, string after, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(WatermarkPartition, status.ToString()) { ["After"] = after }, TableUpdateMode.Replace,
            cancellationToken);
}
