using Azure;
using Azure.Data.Tables;
using WgeoFlows.Storage;

namespace WgeoFlows.Notifications;

/// <summary>
/// The email outbox: rows "mail|{messageKey}" in the request's partition of <see cref="TableNames.Requests"/>, so a
/// request's mails come back with one partition query and a retried send finds its row by key.
/// </summary>
public sealed class EmailOutboxStore(StorageClients storage)
{
    public const string RowPrefix = "mail|";
    /// <summary>A failure's description kept on the row (SendGrid's answer can be long).</summary>
    public const int MaxErrorChars = 4_000;

    private TableClient Table => storage.Table(TableNames.Requests);

    public async Task<OutboxEmail?> GetAsync(string requestId, string messageKey, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var row = await ReadAsync(requestId, messageKey, cancellationToken);
        return row is null ? null : ToEmail(row);
    }

    public async Task<IReadOnlyList<OutboxEmail>> ListForRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var emails = new List<OutboxEmail>();
        // "mail}" is the first key after every "mail|…" key ('}' follows '|' in ordinal order).
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {requestId} and RowKey ge {RowPrefix} and RowKey lt {"mail}"}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            emails.Add(ToEmail(row));
        }
        return emails.OrderBy(e => e.CreatedAt).ThenBy(e => e.MessageKey, StringComparer.Ordinal).ToList();
    }

    /// <summary>Records one more attempt to send: creates the row as Pending, or counts the attempt on the existing one
    /// (keeping its CreatedAt). Returns the row as it now is.</summary>
    public async Task<OutboxEmail> RecordAttemptAsync(string requestId, string messageKey, IReadOnlyList<string> to, string subject,
        string template, string language, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        for (var attempt = 0; ; attempt++)
        {
            var existing = await ReadAsync(requestId, messageKey, cancellationToken);
            var row = existing ?? new TableEntity(requestId, RowPrefix + messageKey)
            {
                ["State"] = nameof(EmailState.Pending),
                ["CreatedAt"] = at,
                ["Attempts"] = 0,
            };
            row["To"] = string.Join(';', to);
            row["Subject"] = subject;
            row["Template"] = template;
            row["Language"] = language;
            row["Attempts"] = (row.GetInt32("Attempts") ?? 0) + 1;
            try
            {
                if (existing is null) await Table.AddEntityAsync(row, cancellationToken);
                else await Table.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return ToEmail(row);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 10)
            {
                // Another run of the same activity wrote in between: read again so that no attempt is lost.
            }
        }
    }

    public Task RecordFailureAsync(string requestId, string messageKey, string error, CancellationToken cancellationToken = default) =>
        MergeAsync(requestId, messageKey, new() { ["LastError"] = SplitText.Bounded(error, MaxErrorChars) }, cancellationToken);

    /// <summary>Marks the mail Sent, unless a SendGrid event already moved it further (an event can overtake this write).</summary>
    public Task MarkSentAsync(string requestId, string messageKey, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ChangeAsync(requestId, messageKey, row =>
        {
            row["SentAt"] = at;
            if (StateOf(row) == EmailState.Pending)
            {
                row["State"] = nameof(EmailState.Sent);
                row["StateChangedAt"] = at;
            }
        }, cancellationToken);

    /// <summary>Records what SendGrid's event webhook reported. Returns false when the outbox has no such mail.</summary>
    public async Task<bool> SetDeliveryStateAsync(string requestId, string messageKey, EmailState state, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (state is EmailState.Pending or EmailState.Sent)
        {
            throw new ArgumentException($"{state} is set by sending, not by a delivery event.", nameof(state));
        }
        await storage.EnsureCreatedAsync();
        if (await ReadAsync(requestId, messageKey, cancellationToken) is null) return false;
        await ChangeAsync(requestId, messageKey, row =>
        {
            row["State"] = state.ToString();
            row["StateChangedAt"] = at;
        }, cancellationToken);
        return true;
    }

    private async Task MergeAsync(string requestId, string messageKey, TableEntity changes, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        changes.PartitionKey = requestId;
        changes.RowKey = RowPrefix + messageKey;
        await Table.UpdateEntityAsync(changes, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    private async Task ChangeAsync(string requestId, string messageKey, Action<TableEntity> change, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        for (var attempt = 0; ; attempt++)
        {
            var row = await ReadAsync(requestId, messageKey, cancellationToken)
                ?? throw new InvalidOperationException($"The outbox of request {requestId} has no mail '{messageKey}'.");
            change(row);
            try
            {
                await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
                // Changed in between (a delivery event and the send meeting): read again and reapply.
            }
        }
    }

    private async Task<TableEntity?> ReadAsync(string requestId, string messageKey, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(requestId, RowPrefix + messageKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static EmailState StateOf(TableEntity row) =>
        Enum.TryParse<EmailState>(row.GetString("State"), out var state) ? state : EmailState.Pending;

    private static OutboxEmail ToEmail(TableEntity row) => new(
        row.RowKey[RowPrefix.Length..],
        (row.GetString("To") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries),
        row.GetString("Subject") ?? "",
        row.GetString("Template") ?? "",
        row.GetString("Language") ?? "",
        StateOf(row),
        row.GetDateTimeOffset("CreatedAt") ?? default,
        row.GetDateTimeOffset("SentAt"),
        row.GetInt32("Attempts") ?? 0,
        row.GetString("LastError"),
        row.GetDateTimeOffset("StateChangedAt"));
}
