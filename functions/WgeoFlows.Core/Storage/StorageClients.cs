using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;

namespace WgeoFlows.Storage;

/// <summary>
/// The table and blob clients of the app. A connection string is used when one is configured (Azurite);
/// otherwise the account name with <see cref="DefaultAzureCredential"/> (managed identity in Azure: the
/// user-assigned identity named by the AZURE_CLIENT_ID app setting; the account accepts no shared keys).
/// </summary>
public sealed class StorageClients
{
    /// <summary>The Functions host's storage connection (a connection string, or <c>AzureWebJobsStorage__accountName</c>
    /// for an identity-based one), accepted as the app's own storage when Storage:* is not set.</summary>
    public const string FunctionsConnectionName = "AzureWebJobsStorage";
    public const string FunctionsAccountNameKey = FunctionsConnectionName + ":accountName";

    private readonly Lock _gate = new();
    private Task? _created;

    public StorageClients(IOptions<StorageOptions> options) : this(options, tableOptions: null)
    {
    }

    /// <param name="tableOptions">Client options for every table client, e.g. with a pipeline policy that counts the
    /// storage requests an operation makes (tests); null for the defaults.</param>
    public StorageClients(IOptions<StorageOptions> options, TableClientOptions? tableOptions)
    {
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            Tables = new TableServiceClient(o.ConnectionString, tableOptions);
            Blobs = new BlobServiceClient(o.ConnectionString);
        }
        else if (!string.IsNullOrWhiteSpace(o.AccountName))
        {
            var credential = new DefaultAzureCredential();
            Tables = new TableServiceClient(new Uri($"https://{o.AccountName}.table.core.windows.net"), credential, tableOptions);
            Blobs = new BlobServiceClient(new Uri($"https://{o.AccountName}.blob.core.windows.net"), credential);
        }
        else
        {
            throw new InvalidOperationException(
                "Storage is not configured: set Storage:ConnectionString (or AzureWebJobsStorage), or Storage:AccountName for a managed identity.");
        }
    }

    public TableServiceClient Tables { get; }
    public BlobServiceClient Blobs { get; }

    public TableClient Table(string name) => Tables.GetTableClient(name);

    public BlobContainerClient Attachments => Blobs.GetBlobContainerClient(TableNames.AttachmentsContainer);

    /// <summary>Creates every table and container once per process; safe to call from anywhere. A failed attempt
    /// (storage unreachable) is not remembered, so the next call tries again.</summary>
    public Task EnsureCreatedAsync()
    {
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled) _created = CreateAllAsync();
            return _created;
        }
    }

    private async Task CreateAllAsync()
    {
        foreach (var name in TableNames.AllTables)
        {
            await Tables.GetTableClient(name).CreateIfNotExistsAsync();
        }
        await Attachments.CreateIfNotExistsAsync();
    }
}
