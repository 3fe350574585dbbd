using Azure.Storage.Blobs.Models;
using WgeoFlows.Storage;

namespace WgeoFlows.Intake.Submissions;

/// <summary>Attachments as blobs "{requestId}/{index}-{safe name}". Writing the same attachment again overwrites it with
/// the same bytes, so a retried intake stores it once.</summary>
public sealed class AttachmentStore(StorageClients storage)
{
    public async Task<IReadOnlyList<StoredAttachment>> SaveAsync(string requestId, IReadOnlyList<ValidAttachment> attachments,
        CancellationToken cancellationToken = default)
    {
        if (attachments.Count == 0) return [];
        await storage.EnsureCreatedAsync();
        var stored = new List<StoredAttachment>(attachments.Count);
        for (var i = 0; i < attachments.Count; i++)
        {
            var a = attachments[i];
            var blobName = $"{requestId}/{i + 1:D2}-{a.FileName}";
            var blob = storage.Attachments.GetBlobClient(blobName);
            await blob.UploadAsync(new BinaryData(a.Content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = a.ContentType, ContentDisposition = "attachment" },
            }, cancellationToken);
            stored.Add(new StoredAttachment(a.FileName, a.ContentType, a.Size, blobName));
        }
        return stored;
    }

    public async Task<(Stream Content, string ContentType)?> OpenAsync(StoredAttachment attachment, CancellationToken cancellationToken = default)
    {
        var blob = storage.Attachments.GetBlobClient(attachment.BlobName);
        if (!await blob.ExistsAsync(cancellationToken)) return null;
        return (await blob.OpenReadAsync(cancellationToken: cancellationToken), attachment.ContentType);
    }
}
