using Azure.Data.Tables;
using Azure.Storage.Blobs;
using WgeoFlows.Storage;

namespace WgeoFlows.Tests.Support;

/// <summary>Which requests storage knows of, read straight from the tables and the attachment container (not through the
/// app): every request row partition, orchestration instance, admin index row (listing tables and index table) and attachment blob names its request id.</summary>
public sealed class StorageCensus(string connectionString)
{
    /// <summary>The local host's task hub (appsettings.json: Durable:TaskHub); the Azure Storage backend names its tables after it.</summary>
    private const string TaskHub = "WgeoFlows";
    private const int RequestIdLength = 14; // WG-XXXXX-XXXXX

    public async Task<IReadOnlySet<string>> RequestIdsAsync(CancellationToken cancellationToken)
    {
        var tables = new TableServiceClient(connectionString);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await AddAsync(tables.GetTableClient(TableNames.Requests), e => e.PartitionKey, ids, cancellationToken);
        await AddAsync(tables.GetTableClient(TaskHub + "Instances"), e => e.PartitionKey, ids, cancellationToken);
        foreach (var table in TableNames.AdminListings.Append(TableNames.AdminIndex))
        {
            await AddAsync(tables.GetTableClient(table),
                e => e.RowKey.Length >= RequestIdLength ? e.RowKey[^RequestIdLength..] : e.RowKey, ids, cancellationToken);
        }
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient(TableNames.AttachmentsContainer);
        if (await container.ExistsAsync(cancellationToken))
        {
            await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
                Azure.Storage.Blobs.Models.BlobStates.None, null, cancellationToken))
                ids.Add(blob.Name.Split('/')[0]);
        }
        return ids;
    }

    /// <summary>The request ids of every intake inbox row (the row key): one per accepted submission.</summary>
    public async Task<IReadOnlySet<string>> SubmissionRequestIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        // The claims' row keys; a pending claim's index row ("p|{ticks}|{request id}") names the same request last.
        await AddAsync(new TableServiceClient(connectionString).GetTableClient(TableNames.Submissions),
            e => e.RowKey.Length >= RequestIdLength ? e.RowKey[^RequestIdLength..] : e.RowKey, ids, cancellationToken);
        return ids;
    }

    /// <summary>The submission ids whose inbox row is still waiting for its dispatch, or whose request has no orchestration:
    /// an accepted submission that was never turned into a running request.</summary>
    public async Task<IReadOnlyList<string>> UnstartedSubmissionsAsync(CancellationToken cancellationToken)
    {
        var unstarted = new List<string>();
        try
        {
            await foreach (var row in new TableServiceClient(connectionString).GetTableClient(TableNames.Submissions)
                .QueryAsync<TableEntity>(select: ["RowKey", "SubmissionId", "RequestId", "Pending"], cancellationToken: cancellationToken))
            {
                if (row.RowKey.StartsWith(WgeoFlows.Intake.Submissions.SubmissionInbox.PendingIndexPrefix, StringComparison.Ordinal)) continue;
                if (row.GetBoolean("Pending") == true || await OrchestrationsAsync(row.GetString("RequestId") ?? "", cancellationToken) == 0)
                    unstarted.Add(row.GetString("SubmissionId") ?? row.RowKey);
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // No submission was ever accepted.
        }
        return unstarted;
    }

    /// <summary>How many times an orchestration of this id was started: ExecutionStarted events in its history.</summary>
    public Task<int> ExecutionsStartedAsync(string requestId, CancellationToken cancellationToken) =>
        CountAsync(TaskHub + "History", $"PartitionKey eq '{requestId}' and EventType eq 'ExecutionStarted'", cancellationToken);

    public Task<int> OrchestrationsAsync(string requestId, CancellationToken cancellationToken) =>
        CountAsync(TaskHub + "Instances", $"PartitionKey eq '{requestId}'", cancellationToken);

    public Task<int> RequestRecordsAsync(string requestId, CancellationToken cancellationToken) =>
        CountAsync(TableNames.Requests, $"PartitionKey eq '{requestId}' and RowKey eq 'request'", cancellationToken);

    private async Task<int> CountAsync(string table, string filter, CancellationToken cancellationToken)
    {
        var rows = 0;
        try
        {
            await foreach (var _ in new TableServiceClient(connectionString).GetTableClient(table)
                .QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken)) rows++;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
        return rows;
    }

    private static async Task AddAsync(TableClient table, Func<TableEntity, string> idOf, HashSet<string> ids, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
                ids.Add(idOf(row));
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The table does not exist yet: nothing was ever stored in it.
        }
    }
}
