using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace WgeoFlows.Tests.Privacy;

/// <summary>What a scan of the storage account read, and where it found each kind of personal data.</summary>
public sealed record ScanResult(int Tables, int Rows, int Containers, int Blobs, IReadOnlyDictionary<string, int> Matches, IReadOnlyList<string> Where)
{
    public int TotalMatches => Matches.Values.Sum();

    public override string ToString() =>
        $"{Tables} tables, {Rows} rows, {Containers} containers, {Blobs} blobs; matches: "
        + string.Join(", ", Matches.Select(m => $"{m.Key} {m.Value}"));
}

/// <summary>
/// Reads EVERY row of EVERY table of the storage account (every property, as text: strings, numbers, dates, and binary
/// properties decoded as UTF-8) and EVERY blob of every container (its name, its metadata, its container's metadata and its
/// content, gunzipped when compressed, as Durable's large messages are), Durable Task's own tables and containers
/// included, and counts the rows and blobs that hold any fragment of each needle: as written, JSON-escaped (\uXXXX, either
/// case of hex), and HTML-encoded, compared without regard to case.
/// <para>The local host's mail sink keeps every mail it received in its own table, WgeoDevMail: it stands in for
/// SendGrid (mail that has left the product), so it is not the product's storage, and the scan leaves it out by name.</para>
/// </summary>
public sealed class PersonalDataScan(string connectionString, IReadOnlyDictionary<string, string[]> needles)
{
    public const string MailSinkTable = "WgeoDevMail";

    private readonly (string Label, string[] Forms)[] _needles = needles.Select(n => (n.Key, n.Value.SelectMany(Forms).Distinct().ToArray())).ToArray();

    public async Task<ScanResult> RunAsync(CancellationToken cancellationToken)
    {
        var matches = _needles.ToDictionary(n => n.Label, _ => 0);
        var where = new List<string>();
        void Check(string text, string place)
        {
            foreach (var (label, forms) in _needles)
            {
                if (!forms.Any(f => text.Contains(f, StringComparison.OrdinalIgnoreCase))) continue;
                matches[label]++;
                where.Add($"{label} in {place}");
            }
        }

        int tables = 0, rows = 0, containers = 0, blobs = 0;
        var tableService = new TableServiceClient(connectionString);
        await foreach (var table in tableService.QueryAsync(cancellationToken: cancellationToken))
        {
            if (table.Name == MailSinkTable) continue;
            tables++;
            await foreach (var row in tableService.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                rows++;
                Check(Text(row), $"table {table.Name} row {row.PartitionKey} / {row.RowKey}");
            }
        }

        var blobService = new BlobServiceClient(connectionString);
        await foreach (var container in blobService.GetBlobContainersAsync(BlobContainerTraits.Metadata, cancellationToken: cancellationToken))
        {
            containers++;
            Check(container.Name + "\n" + string.Join("\n", container.Properties.Metadata ?? new Dictionary<string, string>()),
                $"container {container.Name}");
            var client = blobService.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(BlobTraits.Metadata | BlobTraits.Tags, BlobStates.None, null, cancellationToken))
            {
                blobs++;
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
                Check($"{blob.Name}\n{string.Join("\n", blob.Metadata)}\n{string.Join("\n", blob.Tags ?? new Dictionary<string, string>())}\n{Decoded(content)}",
                    $"blob {container.Name}/{blob.Name}");
            }
        }
        return new ScanResult(tables, rows, containers, blobs, matches, where);
    }

    private static string Text(TableEntity row)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in row)
        {
            text.Append(name).Append('=').Append(value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                BinaryData data => Encoding.UTF8.GetString(data.ToArray()),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value?.ToString(),
            }).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The blob as text: gunzipped first when it starts with gzip's magic bytes.</summary>
    private static string Decoded(byte[] content)
    {
        if (content is [0x1F, 0x8B, ..])
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gzip.CopyTo(plain);
                return Encoding.UTF8.GetString(plain.ToArray());
            }
            catch (InvalidDataException)
            {
                // Not gzip after all: read it as it is.
            }
        }
        return Encoding.UTF8.GetString(content);
    }

    /// <summary>A fragment as storage may hold it: as written, JSON-escaped (System.Text.Json writes every non-ASCII character
    /// as a \u escape; the comparison ignores the case of its hex digits), and HTML-encoded.</summary>
    private static IEnumerable<string> Forms(string fragment)
    {
        yield return fragment;
        yield return JsonSerializer.Serialize(fragment)[1..^1];
        yield return HtmlEncoder.Default.Encode(fragment);
    }
}
