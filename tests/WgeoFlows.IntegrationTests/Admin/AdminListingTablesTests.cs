using Azure.Data.Tables;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Admin;

/// <summary>
/// Each kind of admin listing keeps its rows in a table of its own, so that on Azurite, which reads a whole table to
/// answer a partition query, a page scans one listing's rows only: a request's rows land in the four listing tables,
/// a status change moves them within those tables, and the index table keeps none of them.
/// </summary>
public sealed class AdminListingTablesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_is_listed_once_in_each_listing_table_and_a_status_change_moves_it_there()
    {
        var storage = azurite.NewStorageClients();
        var index = new AdminIndexStore(storage, TestRetries.Pipelines);
        var request = AdminTestData.Request(AdminTestData.NewId(), platform: "cities");

        await index.RecordAsync(AdminTestData.Item(request, RequestStatus.Received, request.SubmittedAt), null, Ct);
        await index.RecordAsync(AdminTestData.Item(request, RequestStatus.InReview, request.SubmittedAt.AddHours(1)), RequestStatus.Received, Ct);

        var rows = await ListingRowsAsync(storage, AdminIndexStore.RowKeyFor(request.SubmittedAt, request.RequestId));
        rows.ShouldBe([
            (TableNames.AdminListAll, "all"),
            (TableNames.AdminListByStatus, "status|InReview"),
            (TableNames.AdminListByPlatform, "platform|cities"),
            (TableNames.AdminListByStatusPlatform, "sp|InReview|cities"),
        ], ignoreOrder: true);
        (await index.ListAsync(RequestStatus.InReview, "cities", 10, null, Ct)).Items
            .ShouldContain(i => i.RequestId == request.RequestId && i.Status == RequestStatus.InReview);
        (await index.ListAsync(RequestStatus.Received, null, 10, null, Ct)).Items.ShouldNotContain(i => i.RequestId == request.RequestId);
    }

    /// <summary>(table, partition) of every row keyed as the request's listing rows, in the listing tables and in the
    /// index table.</summary>
    private static async Task<List<(string Table, string Partition)>> ListingRowsAsync(StorageClients storage, string rowKey)
    {
        var found = new List<(string, string)>();
        foreach (var table in TableNames.AdminListings.Append(TableNames.AdminIndex))
        {
            var filter = TableClient.CreateQueryFilter($"RowKey eq {rowKey}");
            await foreach (var row in storage.Table(table).QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: Ct))
                found.Add((table, row.PartitionKey));
        }
        return found;
    }
}
