using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using WgeoFlows.Storage;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Matching.Offers;

/// <summary>A ranked candidate as stored for admins: the side it was ranked for (<see cref="OfferSides"/>), its rank on that
/// side, its score and the explanation of every part of the score.</summary>
public sealed record StoredCandidate(int Rank, string PartnerId, string Name, string Country, double Score, JsonElement Breakdown,
    string Side = OfferSides.Partner);

/// <summary>The ranking of a request, rows "match|{side}|{rank}|{partnerId}" in the request's partition. Rewritten whole by
/// each ranking: a retried activity whose ranking came out differently leaves no row of the earlier one behind.</summary>
public sealed class MatchCandidateStore(StorageClients storage)
{
    public const string RowPrefix = "match|";

    private static readonly string[] SideOrder = [OfferSides.Partner, OfferSides.Technical, OfferSides.Funder];

    private TableClient Table => storage.Table(TableNames.Requests);

    public async Task SaveAsync(string requestId, IReadOnlyList<StoredCandidate> candidates, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var rows = candidates.Select(c => new TableEntity(requestId, $"{RowPrefix}{c.Side}|{c.Rank:D4}|{c.PartnerId}")
        {
            ["Side"] = c.Side,
            ["Rank"] = c.Rank,
            ["PartnerId"] = c.PartnerId,
            ["Name"] = c.Name,
            ["Country"] = c.Country,
            ["Score"] = c.Score,
            ["Breakdown"] = c.Breakdown.GetRawText(),
        }).ToList();
        var keep = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var stale = new List<TableTransactionAction>();
        await foreach (var e in Table.QueryAsync<TableEntity>(Filter(requestId), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (!keep.Contains(e.RowKey)) stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
        }
        // A table transaction takes at most 100 entities; one partition, so each chunk is atomic.
        var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)).Concat(stale);
        foreach (var chunk in actions.Chunk(100))
        {
            await Table.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    /// <summary>The ranking, side by side (one-to-one, technical, funder), best first on each side.</summary>
    public async Task<IReadOnlyList<StoredCandidate>> ListAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var result = new List<StoredCandidate>();
        await foreach (var e in Table.QueryAsync<TableEntity>(Filter(requestId), cancellationToken: cancellationToken))
        {
            using var doc = JsonDocument.Parse(e.GetString("Breakdown") ?? "[]");
            result.Add(new StoredCandidate(e.GetInt32("Rank") ?? 0, e.GetString("PartnerId") ?? "", e.GetString("Name") ?? "",
                e.GetString("Country") ?? "", e.GetDouble("Score") ?? 0, doc.RootElement.Clone(), e.GetString("Side") ?? OfferSides.Partner));
        }
        return [.. result.OrderBy(c => Array.IndexOf(SideOrder, c.Side)).ThenBy(c => c.Rank)];
    }

    private static string Filter(string requestId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {requestId} and RowKey ge {RowPrefix} and RowKey lt {"match}"}");
}
