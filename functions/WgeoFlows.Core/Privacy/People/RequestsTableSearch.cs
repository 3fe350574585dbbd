using Azure.Data.Tables;
using WgeoFlows.Links;
using WgeoFlows.Notifications;
using WgeoFlows.Storage;

namespace WgeoFlows.Privacy.People;

/// <summary>What the requests table holds of one address: the requests whose record, link stages or outbox rows name it,
/// with the person's roles, and the outbox rows addressed to it.</summary>
public sealed record RequestsTableFindings(IReadOnlyList<HeldRequest> Requests, IReadOnlyList<HeldMail> Mails);

/// <summary>
/// Searches <see cref="TableNames.Requests"/> for one address with one query, by design a scan: a person's rows are spread
/// over the partitions of their requests, and no key names a person. Its storage cost, stated because it grows with the
/// table: the service evaluates the filter on every row, but returns only the record rows (RowKey "request"), the outbox
/// rows ("mail|…") and the link stages ("stage|…"), and of those only the columns that can hold an address plus a few to
/// describe them: a few hundred bytes a row, never the record's JSON, the timeline, the matches or the engagements. About
/// ten such rows per request, in pages of up to 1,000 rows (one storage transaction each) read one after another: 10,000
/// requests are about 100 pages and a few tens of MB. Records written before the <c>ContactEmail</c> column existed are
/// then read one by one (a point read each). An admin-only, rare action; nothing else scans this table.
/// </summary>
public sealed class RequestsTableSearch(StorageClients storage, RequestStore requests)
{
    // The columns EmailOutboxStore and LinkStageStore write, and the record's columns (RequestStore).
    private static readonly string[] Columns =
    [
        "PartitionKey", "RowKey",
        "Status", "UpdatedAt", RequestStore.ContactEmailColumn,
        "To", "Subject", "Template", "Language", "State", "CreatedAt", "SentAt",
        "Kind", "Persons", "DecidedBy",
    ];

    /// <summary>Whom a link stage of this kind is for; null for the follow-up form, which goes to the requester and to the
    /// partners alike.</summary>
    private static string? RoleOf(string? kindWord) => LinkKinds.TryParse(kindWord, out var kind)
        ? kind switch
        {
            LinkKind.Review => PersonRoles.Reviewer,
            LinkKind.Offer => PersonRoles.Partner,
            LinkKind.Update or LinkKind.Confirm => PersonRoles.Requester,
            _ => null,
        }
        : PersonRoles.Recipient;

    public async Task<RequestsTableFindings> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        // '}' follows '|' in ordinal order: "mail}" is the first key after every "mail|…" key, "stage}" after "stage|…".
        var filter = string.Join(" or ",
            TableClient.CreateQueryFilter($"RowKey eq {RequestStore.RecordRowKey}"),
            TableClient.CreateQueryFilter($"(RowKey ge {EmailOutboxStore.RowPrefix} and RowKey lt {"mail}"})"),
            TableClient.CreateQueryFilter($"(RowKey ge {LinkStageStore.RowPrefix} and RowKey lt {"stage}"})"));
        var records = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var roles = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var followUps = new HashSet<string>(StringComparer.Ordinal);
        var unknownContact = new List<string>();
        var mails = new List<TableEntity>();
        await foreach (var row in storage.Table(TableNames.Requests).QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: Columns,
            cancellationToken: cancellationToken))
        {
            var requestId = row.PartitionKey;
            if (row.RowKey == RequestStore.RecordRowKey)
            {
                records[requestId] = row;
                var contact = row.GetString(RequestStore.ContactEmailColumn);
                if (contact is null) unknownContact.Add(requestId);
                else if (PersonEmail.Is(contact, email)) Add(roles, requestId, PersonRoles.Requester);
            }
            else if (row.RowKey.StartsWith(EmailOutboxStore.RowPrefix, StringComparison.Ordinal))
            {
                if (PersonEmail.InList(row.GetString("To"), email)) mails.Add(row);
            }
            else if (PersonEmail.InList(row.GetString("Persons"), email) || PersonEmail.Is(row.GetString("DecidedBy"), email))
            {
                if (RoleOf(row.GetString("Kind")) is { } role) Add(roles, requestId, role);
                else followUps.Add(requestId);
            }
        }

        foreach (var requestId in unknownContact)
        {
            if (await requests.GetAsync(requestId, cancellationToken) is { } stored && PersonEmail.Is(stored.Request.Contact.Email, email))
            {
                Add(roles, requestId, PersonRoles.Requester);
            }
        }
        // Follow-up links go to the requester and to the partners: a person who is not the requester answered as a partner.
        foreach (var requestId in followUps)
        {
            if (!roles.TryGetValue(requestId, out var held) || !held.Contains(PersonRoles.Requester)) Add(roles, requestId, PersonRoles.Partner);
        }
        foreach (var mail in mails)
        {
            if (records.ContainsKey(mail.PartitionKey) && !roles.ContainsKey(mail.PartitionKey)) Add(roles, mail.PartitionKey, PersonRoles.Recipient);
        }

        var found = roles
            .Where(r => records.ContainsKey(r.Key))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new HeldRequest(r.Key, records[r.Key].GetString("Status") ?? "", [.. r.Value], records[r.Key].GetDateTimeOffset("UpdatedAt")))
            .ToList();
        var heldMails = mails
            .Select(m => new HeldMail(records.ContainsKey(m.PartitionKey) ? m.PartitionKey : null, m.PartitionKey,
                m.RowKey[EmailOutboxStore.RowPrefix.Length..], m.GetString("Subject") ?? "", m.GetString("Template") ?? "",
                m.GetString("Language") ?? "", m.GetString("State") ?? "", m.GetDateTimeOffset("CreatedAt"), m.GetDateTimeOffset("SentAt")))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Partition, StringComparer.Ordinal).ThenBy(m => m.MessageKey, StringComparer.Ordinal)
            .ToList();
        return new RequestsTableFindings(found, heldMails);
    }

    private static void Add(Dictionary<string, SortedSet<string>> roles, string requestId, string role)
    {
        if (!roles.TryGetValue(requestId, out var held)) roles[requestId] = held = new SortedSet<string>(StringComparer.Ordinal);
        held.Add(role);
    }
}
