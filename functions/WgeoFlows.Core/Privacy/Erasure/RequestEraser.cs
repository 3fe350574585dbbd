using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Impact;
using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Links;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Privacy.Audit;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Privacy.Erasure;

/// <summary>Who erases and why. <paramref name="Actor"/> is the admin's sign-in name or "retention"; <paramref name="Role"/>
/// what the request's timeline shows ("admin" or "system"); <paramref name="Audit"/> whether this erasure writes its own
/// audit entry (an erasure of a person writes one entry for all their requests instead).</summary>
public sealed record ErasureCause(string Actor, string Role, string AuditAction, string Reason, bool Audit = true);

/// <summary>What one request's erasure did. <paramref name="AlreadyErased"/>: the request had been erased before, and this run
/// found nothing more (or, after an earlier run stopped half-way, finished it).</summary>
public sealed record RequestErasure(string RequestId, RequestStatus Status, DateTimeOffset ErasedAt, bool AlreadyErased, ErasureCounts Erased);

/// <summary>The orchestration did not stop within the time an erasure waits for it; nothing was erased yet, and running the
/// erasure again goes on from there.</summary>
public sealed class ErasureIncompleteException(string message) : Exception(message);

/// <summary>
/// Erases one request's personal data everywhere it lives, keeping what the admin counts and the impact figures are made of
/// (id, platform, country, taxonomies, dates, statuses, match scores):
/// <list type="number">
/// <item>a running orchestration is terminated and waited for, so that it writes nothing afterwards; a request that was not
/// finished gives its open links up (their stages close), its partners' reserved capacity back, and becomes Cancelled through
/// the workflow's own status path (nobody is mailed: a mail would store the address again);</item>
/// <item>the rows of its partition (timeline, outbox, link stages, flags, SendGrid's delivery events) keep roles instead of
/// addresses and lose the free text people wrote (<see cref="RequestRowsRewriter"/>, <see cref="RequestErasureRewrite"/>);</item>
/// <item>its admin listing rows and "since" row show "(erased)" and a blank organisation, its flags' index rows lose their
/// detail; the rows stay, so every listing and count holds;</item>
/// <item>its submission inbox row keeps only the claim; its contact's confirmation quota rows go; its attachments go; its
/// impact story goes (the counters stay);</item>
/// <item>its Durable instance is purged (the history holds activity inputs with addresses and texts);</item>
/// <item>one role-only timeline entry "personal data erased" with the reason, the audit entry, and last the record itself:
/// stripped (<see cref="PersonalData.Stripped"/>) and marked <see cref="SupportRequest.ErasedAt"/>.</item>
/// </list>
/// Every step can run again and then finds nothing more to do, and the record, which tells who the requester was, is
/// written last: an erasure that stopped half-way (a crash, storage gone) is finished by running it again, and an erased
/// request erased again answers with counts of zero. The audit entry goes just before the record, so an erasure is never
/// done without its entry (at worst, interrupted in between and run again, it has two).
/// </summary>
public sealed class RequestEraser(
    RequestStore requests,
    RequestRowsRewriter rows,
    TimelineStore timeline,
    AdminIndexStore index,
    AdminFlagStore flags,
    SubmissionInbox inbox,
    AttachmentStore attachments,
    ConfirmationQuota quota,
    ImpactStatsStore impact,
    LinkStageStore stages,
    EngagementStore engagements,
    ReleaseCapacityActivity capacity,
    RecordStatusActivity statuses,
    AuditStore audit,
    IOptions<AdminOptions> admin,
    TimeProvider clock,
    ILogger<RequestEraser> logger)
{
    public const string TimelineAction = "personal data erased";

    /// <summary>The key of the erased request's one timeline entry about its erasure (its detail, the reason, stays).</summary>
    public const string ErasedEntryKey = "erased";

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    /// <returns>Null when no request has the id.</returns>
    /// <exception cref="ErasureIncompleteException">The workflow did not stop in time; run the erasure again.</exception>
    public async Task<RequestErasure?> EraseAsync(string requestId, ErasureCause cause, DurableTaskClient durable,
        CancellationToken cancellationToken = default)
    {
        var stored = await requests.GetAsync(requestId, cancellationToken);
        if (stored is null) return null;
        var request = stored.Request;
        var now = clock.GetUtcNow();
        var erased = ErasureCounts.None;

        await StopOrchestrationAsync(requestId, durable, cancellationToken);
        var status = request.Status;
        if (!status.IsFinal() && request.ErasedAt is null)
        {
            await CancelAsync(request, now, cancellationToken);
            status = RequestStatus.Cancelled;
        }
        erased += await ReleaseCapacityAsync(requestId, cancellationToken);

        var roles = (IReadOnlyDictionary<string, string>?)null;
        erased += ErasureCounts.Changed(await rows.RewriteAsync(requestId, partition =>
            new RequestErasureRewrite(request, roles = RequestRoles.Of(request.Contact.Email, partition, admin.Value.NotifyEmails)),
            cancellationToken));
        erased += ErasureCounts.Changed(await index.EraseTextsAsync(requestId, status, request.Organization.Platform, request.SubmittedAt,
            cancellationToken));
        erased += ErasureCounts.Changed(await flags.EraseIndexDetailsAsync(requestId, cancellationToken));
        var (inboxChanged, inboxDeleted) = await inbox.EraseAsync(requestId, cancellationToken);
        erased += new ErasureCounts(inboxChanged, inboxDeleted, 0, 0);
        if (!string.IsNullOrWhiteSpace(request.Contact.Email))
        {
            erased += ErasureCounts.Deleted(await quota.ForgetAsync(request.Contact.Email, cancellationToken));
        }
        erased += ErasureCounts.None with { BlobsDeleted = await attachments.DeleteAllAsync(requestId, cancellationToken) };
        if (await impact.RemoveStoryAsync(requestId, cancellationToken)) erased += ErasureCounts.Deleted(1);
        var purged = await durable.PurgeInstanceAsync(requestId, cancellation: cancellationToken);
        erased += ErasureCounts.None with { InstancesPurged = purged.PurgedInstanceCount };

        if (request.ErasedAt is { } erasedBefore)
        {
            if (erased.Any) logger.LogWarning("Request {RequestId}, erased before, still held personal data: {Erased}", requestId, erased);
            return new RequestErasure(requestId, status, erasedBefore, AlreadyErased: true, erased);
        }

        var reason = ErasureReason.Clean(cause.Reason, [request.Contact.Email, request.Contact.Name, request.Title, request.Organization.Name]);
        await timeline.AppendAsync(new TimelineEntry(requestId, ErasedEntryKey, cause.Role, TimelineAction, reason, now), cancellationToken);
        erased += ErasureCounts.Changed(1); // the record, written last
        if (cause.Audit)
        {
            await audit.AddAsync(new AuditEntry($"{requestId}|{now.UtcTicks}", now, cause.Actor, cause.AuditAction, reason, [requestId], erased),
                cancellationToken);
        }
        await requests.UpdateAsync(requestId, r => r.ErasedAt is null ? r.Stripped() with { ErasedAt = now } : r, cancellationToken);
        logger.LogInformation("Erased the personal data of request {RequestId} ({Action}): {Erased}; {Roles} address(es) replaced by roles",
            requestId, cause.AuditAction, erased, roles?.Count ?? 0);
        return new RequestErasure(requestId, status, now, AlreadyErased: false, erased);
    }

    /// <summary>Terminates the orchestration and waits until it has stopped, so that it writes nothing after the erasure. The
    /// backend notices a termination on its own polling (about every 2 s on Azure Storage).</summary>
    private async Task StopOrchestrationAsync(string requestId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var instance = await durable.GetInstanceAsync(requestId, cancellationToken);
        if (instance is null || instance.IsCompleted) return;
        // The termination's output is kept in the history until the purge below: a fixed text, nothing of the request.
        await durable.TerminateInstanceAsync(requestId, (object)TimelineAction, cancellationToken);
        using var timeout = new CancellationTokenSource(StopTimeout, clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await durable.WaitForInstanceCompletionAsync(requestId, wait.Token);
        }
        catch (Exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Whether the client reports the deadline as a cancellation or as the gRPC call's error, it is the deadline.
            throw new ErasureIncompleteException(
                $"The workflow of request {requestId} is still stopping; nothing was erased yet. Erase it again in a minute.");
        }
    }

    /// <summary>A request erased before it finished: its open links close (their pages then say so), and it becomes Cancelled
    /// the way an admin's terminate makes it, counted once in the admin figures.</summary>
    private async Task CancelAsync(SupportRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var stage in (await stages.ListAsync(request.RequestId, cancellationToken)).Where(s => s.IsOpen))
        {
            await stages.CloseAsync(request.RequestId, stage.StageKey, "the request's personal data was erased", now, cancellationToken);
        }
        await statuses.RunAsync(new RecordStatusCommand(request.RequestId, RequestStatus.Cancelled, request.Status,
            $"admin|{now.UtcTicks:D19}|{AdminActions.Erase}", PersonRoles.Admin, $"admin action: {AdminActions.Erase}", null, now),
            cancellationToken);
    }

    /// <summary>Partners that hold a unit of capacity for the request get it back: the engagement will not happen. Nothing to
    /// give back for a request that closed (the follow-up gave it back) or never matched.</summary>
    private async Task<ErasureCounts> ReleaseCapacityAsync(string requestId, CancellationToken cancellationToken)
    {
        var released = 0;
        foreach (var partnerId in await engagements.ListPartnersAsync(requestId, cancellationToken))
        {
            await capacity.RunAsync(new ReleaseCapacityCommand(requestId, partnerId), cancellationToken);
            released++;
        }
        return ErasureCounts.Deleted(released);
    }
}
