using Microsoft.DurableTask.Client;
using WgeoFlows.Links;
using WgeoFlows.Localization;
using WgeoFlows.Matching;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Storage;
using WgeoFlows.Web.AdminAuth;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Admin.Actions;

/// <summary>
/// An admin's terminate: the orchestration is stopped, every open link stage is closed (its pages then say so), the
/// requester and everyone holding an open link are emailed through the outbox, and the request becomes
/// <see cref="RequestStatus.Cancelled"/> through the workflow's own status path. Each step can run again without
/// doing twice what it did: the status comes last, so a cancellation interrupted half-way can simply be repeated.
/// </summary>
public sealed class RequestCancellation(
    LinkStageStore stages,
    SendEmailActivity emails,
    RecordStatusActivity statuses,
    EngagementStore engagements,
    ReleaseCapacityActivity capacity,
    PartnerStore partners,
    TimeProvider clock)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    public async Task CancelAsync(StoredRequest stored, AdminIdentity admin, string reason, DurableTaskClient durable,
        CancellationToken cancellationToken = default)
    {
        var request = stored.Request;
        await StopOrchestrationAsync(request.RequestId, reason, durable, cancellationToken);

        var now = clock.GetUtcNow();
        var open = (await stages.ListAsync(request.RequestId, cancellationToken)).Where(s => s.IsOpen).ToList();
        foreach (var stage in open)
        {
            await stages.CloseAsync(request.RequestId, stage.StageKey, "the request was cancelled by the secretariat", now, cancellationToken);
        }

        var requester = new EmailRecipient(request.Contact.Email, request.Contact.Name);
        await emails.RunAsync(new EmailCommand(request.RequestId, "cancelled|requester", EmailTemplates.RequestCancelled, request.Contact.Language,
            [requester], new Dictionary<string, string> { [EmailValueKeys.Reason] = reason }), cancellationToken);
        var holders = open.Where(s => s.Kind != LinkKind.Update).SelectMany(s => s.Persons.Select(p => (Person: p, s.Kind)))
            .Where(h => !string.Equals(h.Person, request.Contact.Email, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(h => h.Person, StringComparer.OrdinalIgnoreCase).ToList();
        var partnerLanguages = await PartnerLanguagesAsync(holders.Any(h => h.Kind != LinkKind.Review), cancellationToken);
        foreach (var (person, kind) in holders)
        {
            // A reviewer is written to in the staff language; a partner (an offer, a follow-up) in its own.
            var language = kind == LinkKind.Review ? MailLanguage.Staff : partnerLanguages.GetValueOrDefault(person, Languages.Default);
            await emails.RunAsync(new EmailCommand(request.RequestId, $"cancelled|{person}", EmailTemplates.ActionWithdrawn, language,
                [new EmailRecipient(person, null)],
                new Dictionary<string, string> { [EmailValueKeys.Cause] = EmailValueKeys.CauseCancelled, [EmailValueKeys.Reason] = reason }), cancellationToken);
        }

        // Partners that had accepted get their unit of capacity back: the engagement will not happen.
        foreach (var partnerId in await engagements.ListPartnersAsync(request.RequestId, cancellationToken))
        {
            await capacity.RunAsync(new ReleaseCapacityCommand(request.RequestId, partnerId), cancellationToken);
        }

        await statuses.RunAsync(new RecordStatusCommand(request.RequestId, RequestStatus.Cancelled, request.Status,
            $"admin|{now.UtcTicks:D19}|{AdminActions.Terminate}", admin.Name, $"admin action: {AdminActions.Terminate}", reason, now),
            cancellationToken);
    }

    /// <summary>Each partner's mail language by its address (several partners may share one: the first listed wins).</summary>
    private async Task<Dictionary<string, string>> PartnerLanguagesAsync(bool needed, CancellationToken cancellationToken)
    {
        var languages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!needed) return languages;
        foreach (var partner in await partners.ListAllAsync(cancellationToken))
        {
            languages.TryAdd(partner.Email, MailLanguage.ForPartner(partner.Languages));
        }
        return languages;
    }

    /// <summary>Terminates the orchestration and waits until it has stopped, so that it writes nothing after the cancellation.</summary>
    private async Task StopOrchestrationAsync(string requestId, string reason, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var instance = await durable.GetInstanceAsync(requestId, cancellationToken);
        if (instance is null || instance.IsCompleted) return;
        await durable.TerminateInstanceAsync(requestId, (object)reason, cancellationToken);
        // The backend notices the end on its own polling (about every 2 s on Azure Storage): an admin's terminate can
        // wait that long, and nothing else waits behind it.
        using var timeout = new CancellationTokenSource(StopTimeout, clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await durable.WaitForInstanceCompletionAsync(requestId, wait.Token);
        }
        catch (Exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Still stopping (a busy backend): the status written next stays, because a cancelled request's status is
            // never overwritten by the workflow (RecordStatusActivity). Whether the client reports the deadline as a
            // cancellation or as the gRPC call's error, it is the deadline.
        }
    }
}
