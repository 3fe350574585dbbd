using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using WgeoFlows.Storage;

namespace WgeoFlows.Local.MailSink;

/// <summary>
/// The local sink's mailbox, kept in table storage so that it survives restarts of the host. One partition;
/// the row key is the inverted receive time, so a plain query returns the newest first.
/// </summary>
public sealed class DevMailStore
{
    public const string TableName = "WgeoDevMail";

    /// <summary>A table string property holds 64 KiB of UTF-16; a longer body is refused, not cut.</summary>
    public const int MaxBodyChars = 32_000;

    private const string Partition = "mail";
    private const int MaxBatch = 100;

    private readonly TableClient _table;
    private readonly Lazy<Task> _created;

    public DevMailStore(StorageClients storage)
    {
        _table = storage.Table(TableName);
        _created = new Lazy<Task>(() => _table.CreateIfNotExistsAsync());
    }

    public async Task AddAsync(IEnumerable<DevMail> mails, CancellationToken cancellationToken)
    {
        await _created.Value;
        foreach (var mail in mails)
        {
            await _table.AddEntityAsync(ToEntity(mail), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<DevMail>> ListNewestFirstAsync(CancellationToken cancellationToken)
    {
        await _created.Value;
        var mails = new List<DevMail>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            mails.Add(FromEntity(entity));
        }
        return mails;
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await _created.Value;
        var keys = new List<TableTransactionAction>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(
            e => e.PartitionKey == Partition, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity));
        }
        foreach (var batch in keys.Chunk(MaxBatch))
        {
            await _table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    private static TableEntity ToEntity(DevMail mail)
    {
        var invertedTicks = DateTimeOffset.MaxValue.UtcTicks - mail.ReceivedAt.UtcTicks;
        return new TableEntity(Partition, invertedTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + mail.Id)
        {
            ["Id"] = mail.Id,
            ["To"] = JsonSerializer.Serialize(mail.To),
            ["From"] = mail.From,
            ["Subject"] = mail.Subject,
            ["Text"] = mail.Text,
            ["Html"] = mail.Html,
            ["ReceivedAt"] = mail.ReceivedAt,
            ["CustomArgs"] = JsonSerializer.Serialize(mail.CustomArgs),
        };
    }

    private static DevMail FromEntity(TableEntity e) => new(
        e.GetString("Id"),
        JsonSerializer.Deserialize<string[]>(e.GetString("To")) ?? [],
        e.GetString("From"),
        e.GetString("Subject"),
        e.GetString("Text"),
        e.GetString("Html"),
        e.GetDateTimeOffset("ReceivedAt") ?? default,
        JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("CustomArgs")) ?? []);
}
