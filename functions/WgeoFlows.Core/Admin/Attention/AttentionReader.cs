using Microsoft.DurableTask.Client;
using WgeoFlows.Admin.Requests;
using WgeoFlows.Domain;
using WgeoFlows.Intake.Held;
using WgeoFlows.Matching.Offers;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;

namespace WgeoFlows.Admin.Attention;

/// <summary>
/// Gathers everything an admin must act on from the places kept for it, never by scanning requests: one page of the
/// "flags" index partition (bounced mails, requests waiting for a reviewer that does not exist), one page each of the
/// Failed and NeedsManualMatch listings, and the held deliveries' "open" partition (which holds only the deliveries still
/// waiting). Then, per listed item, what its action needs: the request's record for a flag (its title, platform and
/// status), the orchestration's failure (or the timeline's) for a failed request, the ranked candidates for a manual match. At most
/// <see cref="PerKind"/> items of each kind, so the reads are bounded whatever the number of requests.
/// </summary>
public sealed class AttentionReader(
    AdminFlagStore flags,
    AdminIndexStore index,
    HeldDeliveryStore held,
    RequestStore requests,
    MatchCandidateStore candidates,
    TimelineStore timeline,
    TimeProvider clock)
{
    public const int PerKind = 25;

    /// <summary>The list, newest first. <paramref name="durable"/> brings a failed request's failure; without it (or for an
    /// instance that is gone) the item says only that the request failed.</summary>
    public async Task<AttentionList> ReadAsync(DurableTaskClient? durable, CancellationToken cancellationToken = default)
    {
        var items = new List<AttentionItem>();
        var more = new List<string>();

        var open = await held.ListOpenAsync(cancellationToken);
        if (open.Count > PerKind) more.Add(AttentionKinds.Held);
        items.AddRange(open.Take(PerKind).Select(FromHeld));

        // Both flag kinds share one partition: one page of twice the cap holds the newest of each unless one kind crowds it.
        var raised = await flags.NewestAsync(PerKind * 2, cancellationToken);
        foreach (var kind in new[] { AdminFlagStore.MailUndelivered, AdminFlagStore.ReviewerMissing })
        {
            var ofKind = raised.Where(f => f.Kind == kind).ToList();
            if (ofKind.Count > PerKind || raised.Count == PerKind * 2) more.Add(kind);
            foreach (var flag in ofKind.Take(PerKind)) items.Add(await FromFlagAsync(flag, cancellationToken));
        }

        var failed = await index.ListAsync(RequestStatus.Failed, null, PerKind, null, cancellationToken);
        if (failed.Continuation is not null) more.Add(AttentionKinds.Failed);
        foreach (var request in failed.Items) items.Add(await FromFailedAsync(request, durable, cancellationToken));

        var waiting = await index.ListAsync(RequestStatus.NeedsManualMatch, null, PerKind, null, cancellationToken);
        if (waiting.Continuation is not null) more.Add(AttentionKinds.ManualMatch);
        foreach (var request in waiting.Items)
        {
            var ranked = await candidates.ListAsync(request.RequestId, cancellationToken);
            items.Add(new AttentionItem(AttentionKinds.ManualMatch, request.UpdatedAt,
                ranked.Count == 0
                    ? "No partner accepted an offer and no candidate is ranked: add partners who fit, then match by hand."
                    : $"No partner accepted an offer: choose one of the {ranked.Count} ranked candidates.",
                [AttentionActions.Match], Of(request), null, Candidates: ranked));
        }

        var counts = AttentionKinds.All.ToDictionary(k => k, k => items.Count(i => i.Kind == k), StringComparer.Ordinal);
        var ordered = items.OrderByDescending(i => i.Since).ThenBy(i => i.Kind, StringComparer.Ordinal)
            .ThenBy(i => i.Request?.RequestId ?? i.Held?.Id, StringComparer.Ordinal).ToList();
        return new AttentionList(clock.GetUtcNow(), ordered, counts, more.Distinct(StringComparer.Ordinal).ToList());
    }

    private static AttentionItem FromHeld(HeldDelivery h) => new(AttentionKinds.Held, h.ReceivedAt,
        h.Errors.Count == 0 ? "Held for an admin." : "Fields to fix: " + string.Join(", ", h.Errors.Keys),
        [AttentionActions.Release, AttentionActions.Discard], null,
        new AttentionHeld(h.Id, h.Source, h.Organization, h.ContactEmail, [.. h.Errors.Keys]));

    private async Task<AttentionItem> FromFlagAsync(AdminFlag flag, CancellationToken cancellationToken)
    {
        var stored = (await requests.GetAsync(flag.RequestId, cancellationToken))?.Request;
        var request = stored is null
            ? new AttentionRequest(flag.RequestId, "", "", "", "")
            : new AttentionRequest(stored.RequestId, stored.Title, stored.Organization.Name, stored.Organization.Platform, stored.Status.ToString());
        string[] actions = flag.Kind switch
        {
            AdminFlagStore.ReviewerMissing => [AttentionActions.Reassign],
            // A bounced link can be sent again only while its stage waits on it; otherwise the admin notes it was dealt with.
            _ when stored?.Status is RequestStatus.InReview or RequestStatus.AwaitingRequesterInfo => [AttentionActions.Resend, AttentionActions.ClearFlag],
            _ => [AttentionActions.ClearFlag],
        };
        return new AttentionItem(flag.Kind, flag.At, flag.Detail, actions, request, null);
    }

    private async Task<AttentionItem> FromFailedAsync(AdminIndexItem request, DurableTaskClient? durable, CancellationToken cancellationToken)
    {
        AttentionFailure? failure = null;
        if (durable is not null)
        {
            // With inputs and outputs: the gRPC client brings the failure details only then.
            var instance = await durable.GetInstanceAsync(request.RequestId, getInputsAndOutputs: true, cancellationToken);
            if (instance?.FailureDetails is { } details)
            {
                var why = OrchestrationFailure.From(details);
                failure = new AttentionFailure(why.Activity, why.ErrorType, why.Message);
            }
        }
        // The workflow records the failed activity in the timeline just before its orchestration fails: between the two (or
        // once the instance is purged) the timeline is what says why.
        failure ??= await FailureInTimelineAsync(request.RequestId, cancellationToken);
        var detail = failure is null
            ? "The request failed; its orchestration gives no error."
            : (failure.Activity is null ? "The orchestration failed: " : $"The activity {failure.Activity} failed: ") + failure.Message;
        return new AttentionItem(AttentionKinds.Failed, request.UpdatedAt, detail, [AttentionActions.Restart], Of(request), null, Failure: failure);
    }

    private async Task<AttentionFailure?> FailureInTimelineAsync(string requestId, CancellationToken cancellationToken)
    {
        const string Prefix = "activity ", Suffix = " failed";
        var entry = (await timeline.ListAsync(requestId, cancellationToken))
            .LastOrDefault(t => t.Action.StartsWith(Prefix, StringComparison.Ordinal) && t.Action.EndsWith(Suffix, StringComparison.Ordinal));
        return entry is null ? null : new AttentionFailure(entry.Action[Prefix.Length..^Suffix.Length], "", entry.Detail ?? "");
    }

    private static AttentionRequest Of(AdminIndexItem i) => new(i.RequestId, i.Title, i.Organization, i.Platform, i.Status.ToString());
}
