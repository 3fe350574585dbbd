using Azure.Storage.Blobs.Models;
using WgeoFlows.Storage;

namespace WgeoFlows.Intake.Submissions;

/// <summary>Attachments as blobs under "{requestId}/". Writing the same attachment again overwrites it with the same
/// bytes, so a retried intake or dispatch stores it once.</summary>
public sealed class AttachmentStore(StorageClients storage)
{
    /// <summary>"{requestId}/{index}-{safe name}": the name of an attachment the dispatcher uploads. Only the delivery
    /// that won the claim gets that far, so nothing else writes there.</summary>
    public static string BlobName(string requestId, int index, string fileName) => $"{requestId}/{index + 1:D2}-{fileName}";

    /// <summary>"{requestId}/{body hash}/{index}-{safe name}": the name of an attachment uploaded before the claim (too large
    /// to travel inline). A delivery of a different body under the same submission id uploads to other names, so it
    /// can never overwrite the accepted one's files before it is refused.</summary>
    public static string PreClaimBlobName(string requestId, string fingerprint, int index, string fileName) =>
        $"{requestId}/{fingerprint[^12..]}/{index + 1:D2}-{fileName}";

    public async Task UploadAsync(string blobName, string contentType, byte[] content, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        await storage.Attachments.GetBlobClient(blobName).UploadAsync(new BinaryData(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentDisposition = "attachment" },
        }, cancellationToken);
    }

    /// <summary>Best effort: removes the files a refused delivery uploaded before it learnt it was refused.</summary>
    public async Task TryDeleteAsync(IEnumerable<string> blobNames, CancellationToken cancellationToken = default)
    {
        foreach (var name in blobNames)
        {
            try
            {
                await storage.Attachments.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is Azure.RequestFailedException || Shared.TransientFaults.IsTransient(e))
            {
                // Harmless: an orphan file under the request's prefix, never listed in its record.
            }
        }
    }

    /// <summary>Deletes every file stored under the request's prefix "{requestId}/" (those its record lists, and any a refused
    /// or interrupted delivery left there). Returns how many went; a second call finds none.</summary>
    public async Task<int> DeleteAllAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var deleted = 0;
        await foreach (var blob in storage.Attachments.GetBlobsAsync(BlobTraits.None, BlobStates.None, requestId + "/", cancellationToken))
        {
            if ((await storage.Attachments.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken)).Value) deleted++;
        }
        return deleted;
    }

    public async Task<(Stream Content, string ContentType)?> OpenAsync(StoredAttachment attachment, CancellationToken cancellationToken = default)
    {
        var blob = storage.Attachments.GetBlobClient(attachment.BlobName);
        if (!await blob.ExistsAsync(cancellationToken)) return null;
        return (await blob.OpenReadAsync(cancellationToken: cancellationToken), attachment.ContentType);
    }
}
