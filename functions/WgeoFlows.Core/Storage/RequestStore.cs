using Azure;
using Azure.Data.Tables;
using WgeoFlows.Intake;
using WgeoFlows.Workflow;

namespace WgeoFlows.Storage;

/// <summary>
/// The request record: one row (RK "request") in the request's own partition of <see cref="TableNames.Requests"/>,
/// beside its timeline, emails and link stages, so that everything about a request is one partition query away.
/// The record is kept as JSON (<see cref="StorageJson"/>, split by <see cref="SplitText"/> when long); Status and UpdatedAt
/// are also columns for quick reads, and the contact's address, lower case, is a column (<see cref="ContactEmailColumn"/>) so
/// that "the requests of this person" is a server-side filter that returns only their records' keys.
/// </summary>
public sealed class RequestStore(StorageClients storage)
{
    public const string RecordRowKey = "request";
    /// <summary>The contact's address, trimmed and lower case; absent once the record's personal data is erased.</summary>
    public const string ContactEmailColumn = "ContactEmail";

    private TableClient Table => storage.Table(TableNames.Requests);

    public async Task<StoredRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(requestId, RecordRowKey, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is null) return null;
        var entity = response.Value;
        var request = StorageJson.Deserialize<SupportRequest>(SplitText.Read(entity, "Json"))
            ?? throw new InvalidOperationException($"Request {requestId} has an empty record.");
        return new StoredRequest(request, entity.ETag);
    }

    /// <summary>Adds the record; returns false when a record with this id already exists (a duplicate delivery).</summary>
    public async Task<bool> TryAddAsync(SupportRequest request, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        try
        {
            await Table.AddEntityAsync(ToEntity(request), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the record if nobody changed it since <paramref name="etag"/>; throws a 412 otherwise.</summary>
    public async Task<ETag> ReplaceAsync(SupportRequest request, ETag etag, CancellationToken cancellationToken = default)
    {
        var response = await Table.UpdateEntityAsync(ToEntity(request), etag, TableUpdateMode.Replace, cancellationToken);
        return response.Headers.ETag ?? default;
    }

    /// <summary>Applies <paramref name="change"/> to the current record, retrying when another writer got there first.</summary>
    public async Task<SupportRequest> UpdateAsync(string requestId, Func<SupportRequest, SupportRequest> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(requestId, cancellationToken)
                ?? throw new InvalidOperationException($"Request {requestId} does not exist.");
            var changed = change(current.Request);
            try
            {
                await ReplaceAsync(changed, current.ETag, cancellationToken);
                return changed;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
                // Someone else wrote in between: read again and reapply.
            }
        }
    }

    private static TableEntity ToEntity(SupportRequest request)
    {
        var entity = new TableEntity(request.RequestId, RecordRowKey)
        {
            ["Status"] = request.Status.ToString(),
            ["Platform"] = request.Organization.Platform,
            ["UpdatedAt"] = request.UpdatedAt,
        };
        if (!string.IsNullOrWhiteSpace(request.Contact.Email)) entity[ContactEmailColumn] = request.Contact.Email.Trim().ToLowerInvariant();
        // Split over properties of at most 32,000 characters (SplitText); the whole row stays under 1 MiB because every
        // text in the record is bounded (the intake's limits, and ReviewLimits for the "more information" rounds).
        SplitText.Write(entity, "Json", StorageJson.Serialize(request));
        return entity;
    }
}

public sealed record StoredRequest(SupportRequest Request, ETag ETag);
