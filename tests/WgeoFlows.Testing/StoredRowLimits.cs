using Azure.Data.Tables;

namespace WgeoFlows.Testing;

/// <summary>
/// Azure Table Storage's limits on what a row may hold, checked on the rows a test left behind: Azurite enforces only
/// some of them (a string property's 64 KiB), so a row that Azure would refuse can pass a test on Azurite unless the test
/// reads it back and measures it. Limits: https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model
/// </summary>
public static class StoredRowLimits
{
    /// <summary>A string property holds at most 64 KiB of UTF-16: 32,768 characters.</summary>
    public const int MaxStringChars = 32 * 1024;
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    /// <summary>A key holds at most 1 KiB: 512 UTF-16 characters.</summary>
    public const int MaxKeyChars = 512;
    public const int MaxPropertyNameChars = 255;
    /// <summary>252 properties of one's own beside PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxProperties = 252;

    /// <summary>Every problem of every row of every table of the account except those whose name starts with one of
    /// <paramref name="skipTablePrefixes"/> (the Durable task hub's own tables, which are not the product's rows).</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(string connectionString, IEnumerable<string>? skipTablePrefixes = null,
        CancellationToken cancellationToken = default)
    {
        var skip = (skipTablePrefixes ?? []).ToList();
        var service = new TableServiceClient(connectionString);
        var problems = new List<string>();
        await foreach (var table in service.QueryAsync(cancellationToken: cancellationToken))
        {
            if (skip.Any(p => table.Name.StartsWith(p, StringComparison.Ordinal))) continue;
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                problems.AddRange(ProblemsOf(row).Select(p => $"{table.Name} ({row.PartitionKey} / {Short(row.RowKey)}): {p}"));
            }
        }
        return problems;
    }

    /// <summary>How a row breaks Azure's limits; empty when it fits.</summary>
    public static IEnumerable<string> ProblemsOf(TableEntity row)
    {
        foreach (var (name, key) in new[] { ("PartitionKey", row.PartitionKey), ("RowKey", row.RowKey) })
        {
            if (key.Length > MaxKeyChars) yield return $"{name} has {key.Length} characters (at most {MaxKeyChars})";
            if (key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c))) yield return $"{name} holds / \\ # ? or a control character";
        }
        var own = row.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).ToList();
        if (own.Count > MaxProperties) yield return $"{own.Count} properties (at most {MaxProperties})";
        foreach (var name in own)
        {
            if (name.Length > MaxPropertyNameChars || name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_')
                || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
                yield return $"property name '{Short(name)}' is not a C# identifier of at most {MaxPropertyNameChars} characters";
            switch (row[name])
            {
                case string s when s.Length > MaxStringChars:
                    yield return $"{name} holds {s.Length:N0} characters (at most {MaxStringChars:N0})";
                    break;
                case byte[] b when b.Length > MaxBinaryBytes:
                    yield return $"{name} holds {b.Length:N0} bytes (at most {MaxBinaryBytes:N0})";
                    break;
                case BinaryData d when d.ToMemory().Length > MaxBinaryBytes:
                    yield return $"{name} holds {d.ToMemory().Length:N0} bytes (at most {MaxBinaryBytes:N0})";
                    break;
            }
        }
        var size = EstimatedSize(row);
        if (size > MaxEntityBytes) yield return $"the entity's estimated size is {size:N0} bytes (at most {MaxEntityBytes:N0})";
    }

    /// <summary>Azure's published estimate of an entity's size: 4 bytes + the keys in UTF-16 + per property 8 bytes, its
    /// name in UTF-16 and its value (a string 4 bytes + UTF-16, binary 4 bytes + its length, the others their width).</summary>
    public static long EstimatedSize(TableEntity row)
    {
        long size = 4 + (row.PartitionKey.Length + row.RowKey.Length) * 2L;
        foreach (var (name, value) in row)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") continue;
            size += 8 + name.Length * 2L + value switch
            {
                string s => 4 + s.Length * 2L,
                byte[] b => 4 + b.Length,
                BinaryData d => 4 + d.ToMemory().Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8, // long, double, DateTime(Offset)
            };
        }
        return size;
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
