using WgeoFlows.Links;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;

namespace WgeoFlows.Matching.Offers;

/// <summary>
/// The matching stage of the orchestration: offer rounds to the best-ranked partners, each round waiting for
/// their answers until its timeout; the first acceptance that gets capacity wins. With no one left, the request
/// waits for an admin's manual match. Ends with the introduction emails and <see cref="RequestStatus.Matched"/>.
/// </summary>
public static class MatchingStep
{
    public const string Accept = "accept";
    public const string Decline = "decline";

    public static async Task<RankedPartner> RunAsync(WorkflowRun run, RequestFacts facts, EmailRecipient requester)
    {
        await run.SetStatusAsync(RequestStatus.Matching, "matching", "matching started");
        var ranked = await run.CallAsync<RankedPartners>(WorkflowNames.Activities.RankPartners, run.RequestId);
        await run.RecordAsync("partners ranked", $"{ranked.Candidates.Count} candidates");

        var partner = await OfferRoundsAsync(run, ranked) ?? await WaitForManualMatchAsync(run);
        await IntroduceAsync(run, facts, requester, partner);
        return partner;
    }

    private static async Task<RankedPartner?> OfferRoundsAsync(WorkflowRun run, RankedPartners ranked)
    {
        var perRound = Math.Max(1, run.Settings.CandidatesPerRound);
        for (var round = 0; round < run.Settings.MaxRounds; round++)
        {
            var batch = ranked.Candidates.Skip(round * perRound).Take(perRound).Select(c => c.PartnerId).ToList();
            if (batch.Count == 0) break;
            var opened = await run.CallAsync<OpenedOffers>(WorkflowNames.Activities.OpenOffers,
                new OpenOffersCommand(run.RequestId, round, batch, run.Now));
            await run.SetStatusAsync(RequestStatus.AwaitingPartner, $"offer round {round + 1}", "offers sent",
                string.Join(", ", opened.Offers.Select(o => o.PartnerName)));
            foreach (var offer in opened.Offers)
            {
                await run.EmailAsync($"offer|{offer.StageKey}", "offer", "en", new EmailRecipient(offer.Link.Email, offer.Link.Name),
                    new Dictionary<string, string>
                    {
                        ["offerLink"] = offer.Link.Url, ["partnerName"] = offer.Link.Name, ["partnerOrganization"] = offer.PartnerName,
                        ["triangular"] = "false",
                    });
            }

            var accepted = await CollectAnswersAsync(run, opened);
            if (accepted is not null) return accepted;
        }
        return null;
    }

    /// <summary>Waits for this round's answers until one acceptance gets capacity, all have answered, or the round times out.</summary>
    private static async Task<RankedPartner?> CollectAnswersAsync(WorkflowRun run, OpenedOffers opened)
    {
        var pending = opened.Offers.ToDictionary(o => o.StageKey, StringComparer.Ordinal);
        var deadline = run.Now + run.Settings.OfferTimeout;
        RankedPartner? accepted = null;
        while (pending.Count > 0 && accepted is null)
        {
            var answer = await run.WaitForEventAsync<LinkDecision>(WorkflowNames.Events.PartnerResponse,
                e => pending.ContainsKey(e.StageKey), deadline);
            if (answer is null)
            {
                await run.RecordAsync("offer round timed out", string.Join(", ", pending.Values.Select(o => o.PartnerName)));
                break;
            }
            var offer = pending[answer.StageKey];
            pending.Remove(answer.StageKey);
            if (answer.Decision != Accept) continue;
            var reservation = await run.CallAsync<Reservation>(WorkflowNames.Activities.ReserveCapacity,
                new ReserveCapacityCommand(run.RequestId, offer.PartnerId, Force: false));
            if (reservation.Reserved && reservation.Partner is not null)
            {
                accepted = reservation.Partner;
            }
            else
            {
                await run.RecordAsync("acceptance without capacity", $"{offer.PartnerName} has no capacity left");
            }
        }
        foreach (var stageKey in pending.Keys.Order(StringComparer.Ordinal))
        {
            await run.CallAsync<bool>(WorkflowNames.Activities.CloseStage,
                new CloseStageCommand(run.RequestId, stageKey, accepted is null ? "round timed out" : "another partner accepted", run.Now));
        }
        return accepted;
    }

    private static async Task<RankedPartner> WaitForManualMatchAsync(WorkflowRun run)
    {
        await run.SetStatusAsync(RequestStatus.NeedsManualMatch, "manual match", "no partner accepted", "waiting for an admin to match");
        foreach (var admin in run.Settings.AdminEmails)
        {
            await run.EmailAsync($"manual-match|{admin}", "needs-manual-match", "en", new EmailRecipient(admin, null),
                new Dictionary<string, string> { ["adminUrl"] = run.Settings.AdminUrl });
        }
        while (true)
        {
            var match = await run.Context.WaitForExternalEvent<AdminMatchEvent>(WorkflowNames.Events.AdminMatch);
            var reservation = await run.CallAsync<Reservation>(WorkflowNames.Activities.ReserveCapacity,
                new ReserveCapacityCommand(run.RequestId, match.PartnerId, Force: true));
            if (reservation.Partner is not null)
            {
                await run.RecordAsync("matched by admin", reservation.Partner.Name, match.Admin);
                return reservation.Partner;
            }
            await run.RecordAsync("manual match refused", $"partner {match.PartnerId} not found", match.Admin);
        }
    }

    private static async Task IntroduceAsync(WorkflowRun run, RequestFacts facts, EmailRecipient requester, RankedPartner partner)
    {
        await run.EmailAsync("intro|requester", "introduction-requester", facts.Language, requester, new Dictionary<string, string>
        {
            ["partnerNames"] = partner.Name, ["partnerOrganizations"] = partner.Name, ["partnerEmails"] = partner.Email,
            ["partnerCountries"] = partner.Country,
        });
        await run.EmailAsync($"intro|{partner.PartnerId}", "introduction-partner", "en", new EmailRecipient(partner.Email, partner.Name),
            new Dictionary<string, string> { ["partnerName"] = partner.Name });
        await run.SetStatusAsync(RequestStatus.Matched, "introduction", "matched", partner.Name);
    }
}
