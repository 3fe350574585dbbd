using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Links;
using WgeoFlows.Shared;
using WgeoFlows.Storage;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Intake.Confirmation;

public sealed record OpenConfirmationCommand(string RequestId, string StageKey, DateTimeOffset At) : IHasRequestId;

/// <summary>The requester's confirmation link, and how long the request waits for it (<c>Intake:ConfirmWithin</c>, read here
/// so that the orchestrator never reads configuration).</summary>
public sealed record OpenedConfirmation(string Url, TimeSpan Within);

/// <summary>Opens the confirmation stage for the request's contact address and makes its link. Idempotent: a retry finds
/// the stage open and makes the same kind of link.</summary>
public sealed class OpenConfirmationActivity(RequestStore requests, LinkStageStore stages, LinkIssuer links, IOptions<IntakeOptions> intake)
    : IWorkflowActivity<OpenConfirmationCommand, OpenedConfirmation>
{
    public async Task<OpenedConfirmation> RunAsync(OpenConfirmationCommand c, CancellationToken cancellationToken = default)
    {
        var request = (await requests.GetAsync(c.RequestId, cancellationToken))?.Request
            ?? throw new InvalidOperationException($"Request {c.RequestId} has no record.");
        var email = request.Contact.Email.ToLowerInvariant();
        await stages.OpenAsync(c.RequestId, c.StageKey, LinkKind.Confirm, "Confirmation", [email], null, c.At, cancellationToken);
        return new OpenedConfirmation(links.DecisionUrl(LinkKind.Confirm, c.RequestId, email, c.StageKey, c.At), intake.Value.ConfirmWithin);
    }
}

/// <summary>
/// An unconfirmed request past <c>Intake:ConfirmWithin</c> keeps no personal data: its files are deleted, every row of its
/// partition but the record goes (timeline, link stages, the confirmation mail's outbox row, all of which name the
/// address), and the record keeps only what the aggregates need — platform, country, taxonomies, budget and dates,
/// language, status. The orchestrator then records it as Expired, which writes the admin index from the emptied record.
/// Idempotent: a second run finds nothing left to delete.
/// </summary>
public sealed class ExpireUnconfirmedActivity(RequestStore requests, StorageClients storage) : IWorkflowActivity<string, bool>
{
    public async Task<bool> RunAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        await requests.UpdateAsync(requestId, Stripped, cancellationToken);

        await foreach (var blob in storage.Attachments.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None, requestId + "/", cancellationToken))
        {
            await storage.Attachments.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
        }

        var table = storage.Table(TableNames.Requests);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {requestId}");
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (row.RowKey != RequestStore.RecordRowKey) rows.Add(row.RowKey);
        }
        foreach (var rowKey in rows)
        {
            try
            {
                await table.DeleteEntityAsync(requestId, rowKey, ETag.All, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Deleted by an earlier attempt.
            }
        }
        return true;
    }

    /// <summary>The record without anything that names or was written by a person (<see cref="PersonalData.Stripped"/>).</summary>
    public static SupportRequest Stripped(SupportRequest r) => r.Stripped();
}
