using System.Globalization;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Admin.Purge;

public sealed record PurgeReport(int Purged, int Kept);

/// <summary>
/// Purges the orchestration history (Durable's instance, history and payloads) of requests that finished more than
/// <see cref="PurgeOptions.PurgeAfter"/> ago. The request record, its timeline, emails and matches stay; the timeline
/// says when the history went.
/// <para>
/// Which requests finished when is read from the admin index's "since|{final status}" rows (oldest first), not from
/// Durable: its created-time filter would purge a request that ran for months (follow-up waits 90 days) the day it
/// finished, and gives no list to write in each timeline. A watermark per final status ("purge" partition) remembers
/// the last row handled, so each run reads only the rows that became due since the last one.
/// </para>
/// </summary>
public sealed class HistoryPurgeJob(
    AdminStatsStore stats,
    TimelineStore timeline,
    StorageClients storage,
    IOptions<PurgeOptions> options,
    TimeProvider time,
    ILogger<HistoryPurgeJob> logger)
{
    public const string WatermarkPartition = "purge";
    public const string TimelineAction = "orchestration history purged";

    private static readonly RequestStatus[] FinalStatuses = Enum.GetValues<RequestStatus>().Where(s => s.IsFinal()).ToArray();

    private TableClient Table => storage.Table(TableNames.AdminIndex);

    public async Task<PurgeReport> RunAsync(DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var now = time.GetUtcNow();
        var due = now - options.Value.PurgeAfter;
        var budget = options.Value.PurgeBatch;
        int purged = 0, kept = 0;
        foreach (var status in FinalStatuses)
        {
            var after = await WatermarkAsync(status, cancellationToken);
            while (budget > 0)
            {
                var rows = await stats.EnteredBetweenAsync(status, after, due, Math.Min(budget, 100), cancellationToken);
                if (rows.Count == 0) break;
                foreach (var (rowKey, request) in rows)
                {
                    if (await PurgeOneAsync(durable, request, rowKey, now, cancellationToken)) purged++;
                    else kept++;
                    after = rowKey;
                    await SaveWatermarkAsync(status, after, cancellationToken);
                    budget--;
                }
            }
        }
        if (purged + kept > 0) logger.LogInformation("Purged the orchestration history of {Purged} finished request(s); kept {Kept}", purged, kept);
        return new PurgeReport(purged, kept);
    }

    private async Task<bool> PurgeOneAsync(DurableTaskClient durable, WaitingRequest request, string rowKey, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var instance = await durable.GetInstanceAsync(request.RequestId, getInputsAndOutputs: false, cancellationToken);
        if (instance is { IsCompleted: false })
        {
            // The record says finished but the orchestration still runs: never purge a live orchestration.
            logger.LogWarning("Request {RequestId} is {Status} but its orchestration is {Runtime}: its history is kept",
                request.RequestId, request.Status, instance.RuntimeStatus);
            await timeline.AppendAsync(new TimelineEntry(request.RequestId, "purge|" + rowKey, "system", "orchestration history kept",
                $"the request is {request.Status} but its orchestration is still {instance.RuntimeStatus}", now), cancellationToken);
            return false;
        }
        var result = instance is null ? null : await durable.PurgeInstanceAsync(request.RequestId, cancellation: cancellationToken);
        var detail = result is { PurgedInstanceCount: > 0 }
            ? $"{request.Status} since {request.Since.ToString("u", CultureInfo.InvariantCulture)}, more than {options.Value.PurgeAfter} ago"
            : "no history was left to purge";
        await timeline.AppendAsync(new TimelineEntry(request.RequestId, "purge|" + rowKey, "system", TimelineAction, detail, now), cancellationToken);
        return true;
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
