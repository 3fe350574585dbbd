using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>What intake left behind for one submission, read straight from storage (not through the app): the proof that a
/// refused delivery stored nothing and that a deduplicated one stored one of everything.</summary>
public sealed class IntakeTrace(IHostStack stack)
{
    /// <summary>The Azure Storage backend names its tables after the task hub.</summary>
    private string TaskHub => stack.TaskHub;

    private TableServiceClient Tables => new(stack.Storage.ConnectionString);

    public async Task<int> RequestRowsAsync(string requestId) => await CountAsync(TableNames.Requests, $"PartitionKey eq '{requestId}'");

    public async Task<int> SubmissionRowsAsync(string submissionId) =>
        await CountAsync(TableNames.Submissions,
            $"PartitionKey eq '{SubmissionInbox.PartitionOf(RequestIds.For(submissionId))}' and RowKey eq '{RequestIds.For(submissionId)}'");

    /// <summary>Admin index rows of the request (their row keys end with the request id): in one listing, or anywhere in
    /// the admin index — every listing table and the index table with its counters and "since" rows.</summary>
    public async Task<int> AdminIndexRowsAsync(string requestId, AdminListing? listing = null)
    {
        if (listing is not null) return await RowsEndingWithAsync(listing.Table, $"PartitionKey eq '{listing.Partition}'", requestId);
        var rows = 0;
        foreach (var table in TableNames.AdminListings.Append(TableNames.AdminIndex)) rows += await RowsEndingWithAsync(table, null, requestId);
        return rows;
    }

    private async Task<int> RowsEndingWithAsync(string table, string? filter, string requestId)
    {
        var rows = 0;
        try
        {
            await foreach (var row in Tables.GetTableClient(table).QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"]))
                if (row.RowKey.EndsWith(requestId, StringComparison.Ordinal)) rows++;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return 0; // the table does not exist yet: nothing was ever stored in it
        }
        return rows;
    }

    public async Task<int> BlobsAsync(string requestId)
    {
        var container = new BlobServiceClient(stack.Storage.ConnectionString).GetBlobContainerClient(TableNames.AttachmentsContainer);
        if (!await container.ExistsAsync()) return 0;
        var blobs = 0;
        await foreach (var _ in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None, requestId + "/", TestContext.Current.CancellationToken)) blobs++;
        return blobs;
    }

    public async Task<int> OrchestrationsAsync(string requestId) => await CountAsync(TaskHub + "Instances", $"PartitionKey eq '{requestId}'");

    /// <summary>How many times an orchestration of this id was started: ExecutionStarted events in its history.</summary>
    public async Task<int> ExecutionsStartedAsync(string requestId) =>
        await CountAsync(TaskHub + "History", $"PartitionKey eq '{requestId}' and EventType eq 'ExecutionStarted'");

    public async Task ShouldHaveStoredNothingAsync(string submissionId)
    {
        var requestId = RequestIds.For(submissionId);
        var found = new StringBuilder();
        void Check(string what, int count)
        {
            if (count != 0) found.Append(CultureInfo.InvariantCulture, $"{count} {what}; ");
        }
        Check("request rows", await RequestRowsAsync(requestId));
        Check("submission claims", await SubmissionRowsAsync(submissionId));
        Check("admin index rows", await AdminIndexRowsAsync(requestId));
        Check("attachment blobs", await BlobsAsync(requestId));
        Check("orchestrations", await OrchestrationsAsync(requestId));
        Check("mails", (await stack.Client.MailsAboutAsync(requestId)).Count);
        using var detail = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/requests/{requestId}");
        detail.Headers.Add("X-Wgeo-Admin-Key", stack.Client.AdminKey);
        using var answer = await stack.Client.Http.SendAsync(detail);
        if ((int)answer.StatusCode != 404) found.Append(CultureInfo.InvariantCulture, $"admin detail answered {(int)answer.StatusCode}; ");
        found.ToString().ShouldBeEmpty($"submission {submissionId} (request {requestId}) left traces");
    }

    private async Task<int> CountAsync(string table, string filter)
    {
        var client = Tables.GetTableClient(table);
        var rows = 0;
        try
        {
            await foreach (var _ in client.QueryAsync<TableEntity>(filter, select: ["PartitionKey"])) rows++;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return 0; // the table does not exist yet: nothing was ever stored in it
        }
        return rows;
    }
}
