using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Admin;

/// <summary>
/// The admin list reads one page with one storage request, however many requests there are: counted on the wire with a
/// pipeline policy on the table client, at 100 and at 2,000 indexed requests, for every way of listing and for a
/// continuation page.
/// </summary>
public sealed class AdminIndexPageCostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int PageSize = 10;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Name, RequestStatus? Status, string? Platform)[] Listings =
    [
        ("all", null, null),
        ("by status", RequestStatus.InReview, null),
        ("by platform", null, "cities"),
        ("by status and platform", RequestStatus.Matching, "academia-youth"),
    ];

    [Fact]
    public async Task A_page_costs_one_storage_request_and_at_most_a_page_of_rows_at_100_and_at_2000_requests()
    {
        var counter = new StorageRequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var storage = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }), options);
        var index = new AdminIndexStore(storage, TestRetries.Pipelines);
        await storage.EnsureCreatedAsync();

        await SeedAsync(storage, from: 0, count: 100);
        var at100 = await MeasureAsync(index, counter);
        await SeedAsync(storage, from: 100, count: 1900);
        var at2000 = await MeasureAsync(index, counter);

        foreach (var (listing, requests, rows) in at100.Concat(at2000))
        {
            requests.ShouldBe(1, $"{listing}: storage requests for one page");
            rows.ShouldBe(PageSize, $"{listing}: rows returned");
        }
        at2000.ShouldBe(at100);
    }

    /// <summary>For each listing, the first page and the page after it: (what, storage requests, rows).</summary>
    private static async Task<List<(string, int, int)>> MeasureAsync(AdminIndexStore index, StorageRequestCounter counter)
    {
        var measured = new List<(string, int, int)>();
        foreach (var (name, status, platform) in Listings)
        {
            counter.Reset();
            var first = await index.ListAsync(status, platform, PageSize, null, Ct);
            measured.Add((name + ", first page", counter.Count, first.Items.Count));
            first.Continuation.ShouldNotBeNull();

            counter.Reset();
            var second = await index.ListAsync(status, platform, PageSize, first.Continuation, Ct);
            measured.Add((name + ", continuation page", counter.Count, second.Items.Count));
            second.Items.Select(i => i.RequestId).ShouldNotContain(first.Items[0].RequestId);
            second.Items[0].SubmittedAt.ShouldBeLessThanOrEqualTo(first.Items[^1].SubmittedAt);
        }
        return measured;
    }

    /// <summary>Writes the index rows of <paramref name="count"/> requests in 100-row transactions, one listing (table and
    /// partition) each.
    /// Statuses alternate InReview / Matching, platforms cities / academia-youth in pairs, so every listing is filled.</summary>
    private static async Task SeedAsync(StorageClients storage, int from, int count)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(from, count).SelectMany(i =>
        {
            var at = start.AddMinutes(i);
            var item = new AdminIndexItem($"req-seed-{i:D5}", $"Seeded request {i}", "Seed organisation", i % 4 < 2 ? "cities" : "academia-youth",
                "KE", i % 2 == 0 ? RequestStatus.InReview : RequestStatus.Matching, at, at);
            return AdminIndexStore.RowsOf(item);
        });
        foreach (var listing in rows.GroupBy(r => r.Listing))
        {
            foreach (var batch in listing.Chunk(100))
            {
                await storage.Table(listing.Key.Table).SubmitTransactionAsync(
                    batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r.Row)), Ct);
            }
        }
    }
}
