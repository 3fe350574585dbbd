using Azure.Data.Tables;
using WgeoFlows.Storage;

namespace WgeoFlows.Privacy.Erasure;

/// <summary>
/// The requests whose contact is one address, for the erasure of a person.
/// <para>
/// How: the request record carries the contact's address, lower case, as a column (<see cref="RequestStore.ContactEmailColumn"/>),
/// and one query filters on it: <c>RowKey eq 'request' and ContactEmail eq '{address}'</c>, selecting the partition key only.
/// Cost: the filter names no partition, so Table Storage evaluates it on the server over the whole requests table (every row
/// of every request, not just the records), in pages of at most 1,000 rows or 5 seconds, and sends back only the matching
/// records' keys, a few dozen bytes each; nothing is downloaded for the requests that do not match. The server's work grows
/// with the table, which is right for a rare admin action; an index keyed by address would make it one partition read, at
/// the price of a second write on every intake and one more place that holds the address.
/// </para>
/// <para>A record written before the column existed lacks it until its next write (each status change rewrites the record);
/// such a request is not found here and is erased by its id.</para>
/// </summary>
public sealed class RequestsByContactEmail(StorageClients storage)
{
    /// <param name="email">Any case; compared lower case, as the column is written.</param>
    public async Task<IReadOnlyList<string>> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var address = email.Trim().ToLowerInvariant();
        // The column's name is written out: CreateQueryFilter quotes every value put in its braces.
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RequestStore.RecordRowKey} and ContactEmail eq {address}");
        var ids = new List<string>();
        await foreach (var row in storage.Table(TableNames.Requests).QueryAsync<TableEntity>(filter, select: ["PartitionKey"],
            cancellationToken: cancellationToken))
        {
            ids.Add(row.PartitionKey);
        }
        return ids;
    }
}
