using Azure;
using Azure.Data.Tables;
using WgeoFlows.Matching.Partners;
using WgeoFlows.Storage;

namespace WgeoFlows.Matching;

public sealed record PartnerPage(IReadOnlyList<Partner> Items, string? Continuation);

/// <summary>The partner registry in Table Storage (one partition, RK = id). A registry write that leaves a partner not
/// publishable, and a removal, is passed on to <paramref name="namingWithdrawals"/> (the impact page's stories).</summary>
public sealed class PartnerStore(StorageClients storage, TimeProvider time, IEnumerable<IPartnerNamingWithdrawal>? namingWithdrawals = null)
{
    /// <summary>How long <see cref="ListActiveAsync"/> serves the registry from memory: ranking reads it for every request.</summary>
    public static readonly TimeSpan ActiveCacheLifetime = TimeSpan.FromSeconds(30);

    private const int MaxConcurrencyRetries = 20;
    private const int MaxTransactionSize = 100;
    private static readonly string PartitionFilter = TableClient.CreateQueryFilter($"PartitionKey eq {PartnerEntity.PartitionKey}");

    private ActiveSnapshot? _active;
    private long _writes;

    private sealed record ActiveSnapshot(IReadOnlyList<Partner> Partners, DateTimeOffset LoadedAt);

    private async Task<TableClient> TableAsync()
    {
        await storage.EnsureCreatedAsync();
        return storage.Table(TableNames.Partners);
    }

    public async Task<Partner?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var entity = await GetEntityAsync(await TableAsync(), id, cancellationToken);
        return entity is null ? null : PartnerEntity.ToPartner(entity);
    }

    /// <summary>The engagement keys (request ids) holding a unit of the partner's capacity; empty when there is no such partner.</summary>
    public async Task<IReadOnlyList<string>> GetEngagementKeysAsync(string id, CancellationToken cancellationToken = default)
    {
        var entity = await GetEntityAsync(await TableAsync(), id, cancellationToken);
        return entity is null ? [] : PartnerEntity.Keys(entity);
    }

    /// <summary>One page in id order; pass the returned continuation to get the next.</summary>
    public async Task<PartnerPage> ListAsync(int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync();
        var pages = table.QueryAsync<TableEntity>(PartitionFilter, maxPerPage: Math.Clamp(pageSize, 1, 1000), cancellationToken: cancellationToken)
            .AsPages(string.IsNullOrEmpty(continuation) ? null : continuation);
        await foreach (var page in pages)
        {
            return new PartnerPage([.. page.Values.Select(PartnerEntity.ToPartner)], page.ContinuationToken);
        }
        return new PartnerPage([], null);
    }

    /// <summary>Rows a <see cref="SearchAsync"/> call reads at most before it answers with what it found and a continuation:
    /// a search that matches few partners must not read the whole registry in one request.</summary>
    public const int MaxScannedPerSearch = 5000;

    /// <summary>One page of the partners that <paramref name="filter"/> matches, in id order, after the id
    /// <paramref name="afterId"/> (the continuation of the previous page). The equality filters are applied by storage,
    /// the others here, page by page; the continuation is the id of the last row read, so the next page resumes exactly
    /// where this one stopped. A page holds fewer than <paramref name="pageSize"/> partners only at the end of the registry
    /// or when <see cref="MaxScannedPerSearch"/> rows were read (its continuation is then not null).</summary>
    public async Task<PartnerPage> SearchAsync(PartnerListFilter filter, int pageSize, string? afterId, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync();
        var query = PartitionFilter;
        if (!string.IsNullOrEmpty(afterId)) query += " and " + TableClient.CreateQueryFilter($"RowKey gt {afterId}");
        if (filter.ServerFilter() is { } server) query += " and " + server;
        // One more row than the page when storage does all the filtering: it tells whether there is a next page.
        var perRequest = filter.FiltersInProcess ? 1000 : Math.Clamp(pageSize + 1, 1, 1000);
        var items = new List<Partner>();
        string? last = null;
        var scanned = 0;
        await foreach (var page in table.QueryAsync<TableEntity>(query, maxPerPage: perRequest, cancellationToken: cancellationToken).AsPages())
        {
            foreach (var entity in page.Values)
            {
                if (items.Count == pageSize) return new PartnerPage(items, last);
                scanned++;
                last = entity.RowKey;
                var partner = PartnerEntity.ToPartner(entity);
                if (filter.Matches(partner)) items.Add(partner);
            }
            if (page.ContinuationToken is null) break;
            if (scanned >= MaxScannedPerSearch) return new PartnerPage(items, last);
        }
        return new PartnerPage(items, null);
    }

    /// <summary>Every partner, active or not (imports compare against it).</summary>
    public async Task<IReadOnlyList<Partner>> ListAllAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync(PartitionFilter, cancellationToken);

    /// <summary>Every active partner, cached for <see cref="ActiveCacheLifetime"/>; a write through this store clears the cache.
    /// The capacity seen here can be that old: <see cref="TryReserveCapacityAsync"/> is the authority.</summary>
    public async Task<IReadOnlyList<Partner>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _active;
        var now = time.GetUtcNow();
        if (snapshot is not null && now - snapshot.LoadedAt < ActiveCacheLifetime)
        {
            return snapshot.Partners;
        }
        var writesBefore = Interlocked.Read(ref _writes);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartnerEntity.PartitionKey} and Active eq {true}");
        var partners = await QueryAsync(filter, cancellationToken);
        // A write that landed while we read may be missing from what we read: then don't keep it.
        if (Interlocked.Read(ref _writes) == writesBefore) _active = new ActiveSnapshot(partners, now);
        return partners;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        var table = await TableAsync();
        await foreach (var page in table.QueryAsync<TableEntity>(PartitionFilter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            if (page.Values.Count > 0) return true;
            if (page.ContinuationToken is null) break;
        }
        return false;
    }

    /// <summary>Creates or updates the registry fields; the engagement fields of a stored partner are kept.</summary>
    public async Task UpsertAsync(Partner partner, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync();
        await table.UpsertEntityAsync(PartnerEntity.RegistryFields(partner), TableUpdateMode.Merge, cancellationToken);
        InvalidateActiveCache();
        await WithdrawNamingAsync([partner], cancellationToken);
    }

    /// <summary>Like <see cref="UpsertAsync"/> for many partners, in table transactions of 100.</summary>
    public async Task UpsertManyAsync(IEnumerable<Partner> partners, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync();
        var written = partners.ToList();
        foreach (var chunk in written.Chunk(MaxTransactionSize))
        {
            var actions = chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertMerge, PartnerEntity.RegistryFields(p)));
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        InvalidateActiveCache();
        await WithdrawNamingAsync(written, cancellationToken);
    }

    /// <returns>False when there was no such partner.</returns>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync();
        // Read first: what names the partner in public is found by its id, and by its name on stories older than the ids.
        var removed = await GetEntityAsync(table, id, cancellationToken);
        var response = await table.DeleteEntityAsync(PartnerEntity.PartitionKey, id, ETag.All, cancellationToken);
        InvalidateActiveCache();
        if (removed is not null) await WithdrawNamingAsync([PartnerEntity.ToPartner(removed) with { Publishable = false }], cancellationToken);
        return response.Status != 404;
    }

    /// <summary>Takes one capacity unit of the partner for <paramref name="engagementKey"/> (e.g. request id), with
    /// optimistic concurrency: of two callers racing for the last unit, exactly one gets it. Idempotent per key.</summary>
    public Task<CapacityReservation> TryReserveCapacityAsync(string partnerId, string engagementKey, CancellationToken cancellationToken = default) =>
        UpdateWithRetryAsync(partnerId, CapacityReservation.NotFound, entity =>
        {
            var keys = PartnerEntity.Keys(entity);
            if (keys.Contains(engagementKey)) return (CapacityReservation.AlreadyReserved, false);
            var partner = PartnerEntity.ToPartner(entity);
            if (!partner.Active || partner.RemainingCapacity == 0) return (CapacityReservation.NoCapacity, false);
            keys.Add(engagementKey);
            SetEngagements(entity, keys);
            return (CapacityReservation.Reserved, true);
        }, cancellationToken);

    /// <summary>Gives back the unit held for <paramref name="engagementKey"/>. Idempotent: false when the key held none.</summary>
    public Task<bool> ReleaseCapacityAsync(string partnerId, string engagementKey, CancellationToken cancellationToken = default) =>
        UpdateWithRetryAsync(partnerId, false, entity =>
        {
            var keys = PartnerEntity.Keys(entity);
            var released = keys.Remove(engagementKey);
            if (released) SetEngagements(entity, keys);
            return (released, released);
        }, cancellationToken);

    /// <summary>Counts an offer made to the partner, for the recent-load part of ranking: the count restarts when the
    /// previous offer is older than <paramref name="window"/>.</summary>
    public Task<bool> RecordOfferAsync(string partnerId, DateTimeOffset offeredAt, TimeSpan window, CancellationToken cancellationToken = default) =>
        UpdateWithRetryAsync(partnerId, false, entity =>
        {
            var last = entity.GetDateTimeOffset(PartnerEntity.LastOfferedAt);
            var recent = last is { } l && offeredAt - l < window ? (entity.GetInt32(PartnerEntity.RecentOffers) ?? 0) : 0;
            entity[PartnerEntity.LastOfferedAt] = offeredAt;
            entity[PartnerEntity.RecentOffers] = recent + 1;
            return (true, true);
        }, cancellationToken);

    private static void SetEngagements(TableEntity entity, List<string> keys)
    {
        entity[PartnerEntity.EngagementKeys] = PartnerEntity.Join(keys);
        entity[PartnerEntity.OpenEngagements] = keys.Count;
    }

    // Reads the row, lets `change` decide, and writes it back only if nobody wrote in between (ETag); otherwise again.
    private async Task<T> UpdateWithRetryAsync<T>(string partnerId, T whenMissing, Func<TableEntity, (T Result, bool Write)> change, CancellationToken cancellationToken)
    {
        var table = await TableAsync();
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var entity = await GetEntityAsync(table, partnerId, cancellationToken);
            if (entity is null) return whenMissing;
            var (result, write) = change(entity);
            if (!write) return result;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                InvalidateActiveCache();
                return result;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Someone else changed the partner since we read it: read again and decide again.
            }
        }
        throw new InvalidOperationException($"Partner '{partnerId}' kept changing under {MaxConcurrencyRetries} attempts to update it.");
    }

    private static async Task<TableEntity?> GetEntityAsync(TableClient table, string id, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(PartnerEntity.PartitionKey, id, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private async Task<IReadOnlyList<Partner>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await TableAsync();
        var partners = new List<Partner>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            partners.Add(PartnerEntity.ToPartner(entity));
        }
        return partners;
    }

    // Every write that leaves a partner not publishable is passed on, whether or not it was publishable before: the store
    // merges registry fields without reading them, and taking down stories that name no one is a query of a few rows.
    private async Task WithdrawNamingAsync(IEnumerable<Partner> written, CancellationToken cancellationToken)
    {
        var withdrawn = written.Where(p => !p.Publishable).ToList();
        if (withdrawn.Count == 0 || namingWithdrawals is null) return;
        foreach (var withdrawal in namingWithdrawals) await withdrawal.WithdrawAsync(withdrawn, cancellationToken);
    }

    private void InvalidateActiveCache()
    {
        Interlocked.Increment(ref _writes);
        _active = null;
    }
}
