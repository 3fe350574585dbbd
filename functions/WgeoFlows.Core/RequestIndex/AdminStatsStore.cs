using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WgeoFlows.Shared.Resilience;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;

namespace WgeoFlows.RequestIndex;

/// <summary>How many requests there are per status, per platform and per week of submission.</summary>
public sealed record AdminCounts(
    IReadOnlyDictionary<RequestStatus, long> PerStatus,
    IReadOnlyDictionary<string, long> PerPlatform,
    IReadOnlyList<WeekCount> PerWeek);

/// <summary>A week of submissions, by ISO week ("2026-W48") starting on <see cref="Monday"/>.</summary>
public sealed record WeekCount(string Week, DateOnly Monday, long Count);

/// <summary>A request as it waits in a status: since when, oldest first.</summary>
public sealed record WaitingRequest(string RequestId, string Title, string Platform, RequestStatus Status, DateTimeOffset Since);

/// <summary>
/// The aggregates of the admin dashboard, kept at write time so that reading them costs a few small queries whatever
/// the number of requests (the index table, beside the listings of <see cref="AdminIndexStore"/>):
/// <list type="bullet">
/// <item>partitions "stats|00" … "stats|15", one shard per request (a stable hash of its id): counters "count|status|{S}",
/// "count|platform|{P}", "count|week|{yyyy-Www}" of the shard's requests, and one marker "req|{id}" per request saying
/// which status it is counted under. Marker and counters change in one table transaction (one partition), so a retried
/// write counts nothing twice and a status change moves exactly one unit. The totals are the sums over the shards.</item>
/// <item>partitions "since|{S}": one row per request currently in status S, keyed by the time it entered S, oldest first
/// — the request waiting longest in a stage is the first row, and the purge reads the finished ones by age.</item>
/// </list>
/// Writes use optimistic concurrency. Requests move through the same statuses at the same time, so with one counter
/// per status for all of them, concurrent writers kept overwriting each other's counters and retrying: 60 requests
/// changing status together cost 3.3 times the storage requests of one alone (measured on Azurite). Spread over the
/// shards, a counter row sees a sixteenth of the writers, and reading the totals costs one small query per shard,
/// the same at any number of requests.
/// </summary>
public sealed class AdminStatsStore(StorageClients storage, RetryPipelines retries)
{
    public const int ShardCount = 16;
    private const string MarkerPrefix = "req|";
    private const string CounterPrefix = "count|";
    private const string StatusCounter = "count|status|";
    private const string PlatformCounter = "count|platform|";
    private const string WeekCounter = "count|week|";

    private TableClient Table => storage.Table(TableNames.AdminIndex);

    public static string SincePartition(RequestStatus status) => "since|" + status;

    /// <summary>The stats shard of a request.</summary>
    public static string StatsPartitionOf(string requestId) => StatsPartition(PartitionShards.Of(requestId, ShardCount));

    private static string StatsPartition(int shard) => PartitionShards.Name("stats", shard);

    /// <summary>Ascending time then id: the first row of a "since" partition is the one that entered it first.</summary>
    public static string SinceRowKey(DateTimeOffset at, string requestId) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + requestId;

    public static string WeekOf(DateTimeOffset at) =>
        $"{ISOWeek.GetYear(at.UtcDateTime):D4}-W{ISOWeek.GetWeekOfYear(at.UtcDateTime):D2}";

    /// <summary>Counts the request under <see cref="AdminIndexItem.Status"/> (once, however often it is called with the
    /// same item) and moves its "since" row. The marker remembers the status counted and the row it left, so an attempt
    /// that stopped half-way is completed by the next one.</summary>
    public async Task ApplyAsync(AdminIndexItem item, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var shard = StatsPartitionOf(item.RequestId);
        // Another request's write may change a counter in between: the pipeline runs it all again, reading afresh.
        await retries.TableContention.ExecuteAsync(async ct =>
        {
            var marker = await GetAsync(shard, MarkerPrefix + item.RequestId, ct);
            var countedStatus = marker?.GetString("Status");
            if (countedStatus == item.Status.ToString())
            {
                await DeleteSinceRowAsync(marker!.GetString("LeftPartition"), marker.GetString("LeftRowKey"), ct);
                return;
            }

            var sinceKey = SinceRowKey(item.UpdatedAt, item.RequestId);
            await Table.UpsertEntityAsync(new TableEntity(SincePartition(item.Status), sinceKey)
            {
                ["RequestId"] = item.RequestId,
                ["Title"] = item.Title,
                ["Platform"] = item.Platform,
                ["Since"] = item.UpdatedAt,
            }, TableUpdateMode.Replace, ct);

            var changes = new List<(string RowKey, long Delta)>();
            if (marker is null)
            {
                changes.Add((PlatformCounter + item.Platform, 1));
                changes.Add((WeekCounter + WeekOf(item.SubmittedAt), 1));
            }
            else if (countedStatus is not null)
            {
                changes.Add((StatusCounter + countedStatus, -1));
            }
            changes.Add((StatusCounter + item.Status, 1));

            var newMarker = new TableEntity(shard, MarkerPrefix + item.RequestId)
            {
                ["Status"] = item.Status.ToString(),
                ["SinceRowKey"] = sinceKey,
                ["LeftPartition"] = countedStatus is null ? null : "since|" + countedStatus,
                ["LeftRowKey"] = marker?.GetString("SinceRowKey"),
            };
            var actions = new List<TableTransactionAction>
            {
                marker is null
                    ? new(TableTransactionActionType.Add, newMarker)
                    : new(TableTransactionActionType.UpdateReplace, newMarker, marker.ETag),
            };
            foreach (var (rowKey, delta) in changes)
            {
                var counter = await GetAsync(shard, rowKey, ct);
                var next = new TableEntity(shard, rowKey) { ["Count"] = (counter?.GetInt64("Count") ?? 0) + delta };
                actions.Add(counter is null
                    ? new(TableTransactionActionType.Add, next)
                    : new(TableTransactionActionType.UpdateReplace, next, counter.ETag));
            }

            await Table.SubmitTransactionAsync(actions, ct);
            await DeleteSinceRowAsync(newMarker.GetString("LeftPartition"), newMarker.GetString("LeftRowKey"), ct);
        }, cancellationToken);
    }

    /// <summary>Blanks the title on the request's "since" row (the dashboard's oldest waiting request and the purge read it);
    /// its marker says which row that is. Returns 1 when a row changed, 0 when it was blank already or there is none.</summary>
    public async Task<int> EraseSinceTitleAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var marker = await GetAsync(StatsPartitionOf(requestId), MarkerPrefix + requestId, cancellationToken);
        if (marker?.GetString("Status") is not { } status || marker.GetString("SinceRowKey") is not { } sinceKey) return 0;
        var row = await Table.GetEntityIfExistsAsync<TableEntity>("since|" + status, sinceKey, ["Title"], cancellationToken);
        if (!row.HasValue || row.Value is null || row.Value.GetString("Title") == AdminIndexStore.ErasedTitle) return 0;
        await Table.UpdateEntityAsync(new TableEntity("since|" + status, sinceKey) { ["Title"] = AdminIndexStore.ErasedTitle }, ETag.All,
            TableUpdateMode.Merge, cancellationToken);
        return 1;
    }

    /// <summary>The counters: one small range read per shard (in parallel), summed; the weeks limited to the last
    /// <paramref name="weeks"/> up to <paramref name="now"/>.</summary>
    public async Task<AdminCounts> CountsAsync(DateTimeOffset now, int weeks, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var shards = await Task.WhenAll(Enumerable.Range(0, ShardCount).Select(shard => CountersOfAsync(StatsPartition(shard), cancellationToken)));
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, count) in shards.SelectMany(counters => counters))
        {
            totals[key] = totals.GetValueOrDefault(key) + count;
        }
        IEnumerable<(string Key, long Count)> WithPrefix(string prefix) =>
            totals.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(t => (t.Key[prefix.Length..], t.Value));

        var perStatus = Enum.GetValues<RequestStatus>().ToDictionary(s => s, _ => 0L);
        foreach (var (key, count) in WithPrefix(StatusCounter))
        {
            if (Enum.TryParse<RequestStatus>(key, out var status)) perStatus[status] = count;
        }
        var perPlatform = WithPrefix(PlatformCounter).ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);

        var firstMonday = DateOnly.FromDateTime(ISOWeek.ToDateTime(ISOWeek.GetYear(now.UtcDateTime), ISOWeek.GetWeekOfYear(now.UtcDateTime), DayOfWeek.Monday))
            .AddDays(-7 * (weeks - 1));
        var counted = WithPrefix(WeekCounter).ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);
        var perWeek = Enumerable.Range(0, weeks).Select(i =>
        {
            var monday = firstMonday.AddDays(7 * i);
            var week = WeekOf(new DateTimeOffset(monday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            return new WeekCount(week, monday, counted.GetValueOrDefault(week));
        }).ToList();
        return new AdminCounts(perStatus, perPlatform, perWeek);
    }

    /// <summary>The <paramref name="take"/> requests that have been in <paramref name="status"/> longest: one query that
    /// reads at most <paramref name="take"/> rows.</summary>
    public async Task<IReadOnlyList<WaitingRequest>> LongestWaitingAsync(RequestStatus status, int take, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SincePartition(status)}");
        await foreach (var page in Table.QueryAsync<TableEntity>(filter, maxPerPage: take, cancellationToken: cancellationToken).AsPages(pageSizeHint: take))
        {
            return page.Values.Take(take).Select(e => ToWaiting(status, e)).ToList();
        }
        return [];
    }

    /// <summary>Requests that entered <paramref name="status"/> after the row key <paramref name="afterRowKey"/> (exclusive,
    /// null for the beginning) and before <paramref name="before"/>, oldest first, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<(string RowKey, WaitingRequest Request)>> EnteredBetweenAsync(RequestStatus status, string? afterRowKey,
        DateTimeOffset before, int take, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var partition = SincePartition(status);
        var upper = before.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var filter = afterRowKey is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {upper}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {afterRowKey} and RowKey lt {upper}");
        var rows = new List<(string, WaitingRequest)>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken))
        {
            rows.Add((e.RowKey, ToWaiting(status, e)));
            if (rows.Count == take) break;
        }
        return rows;
    }

    private static WaitingRequest ToWaiting(RequestStatus status, TableEntity e) => new(
        e.GetString("RequestId") ?? "", e.GetString("Title") ?? "", e.GetString("Platform") ?? "", status,
        e.GetDateTimeOffset("Since") ?? default);

    /// <summary>Every counter row of one shard ("count|…"), never its markers.</summary>
    private async Task<List<(string Key, long Count)>> CountersOfAsync(string partition, CancellationToken cancellationToken)
    {
        // '~' sorts after every character of the counter keys (statuses, platform ids, week numbers).
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {CounterPrefix} and RowKey lt {CounterPrefix + "~"}");
        var result = new List<(string, long)>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add((e.RowKey, e.GetInt64("Count") ?? 0));
        }
        return result;
    }

    private async Task DeleteSinceRowAsync(string? partition, string? rowKey, CancellationToken cancellationToken)
    {
        if (partition is null || rowKey is null) return;
        try
        {
            await Table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: an earlier attempt got this far.
        }
    }

    private async Task<TableEntity?> GetAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
