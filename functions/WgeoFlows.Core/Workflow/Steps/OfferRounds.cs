using WgeoFlows.Links;
using WgeoFlows.Localization;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Workflow.Steps;

/// <summary>One side of a match (see <see cref="OfferSides"/>) while its offers run: its ranked candidates, how far down the
/// list it has gone, the offers of its current round and the partner who accepted. Orchestration state: changed only by
/// <see cref="OfferRounds"/>, from history, so a replay rebuilds it the same.</summary>
internal sealed class OfferSide(string name, IReadOnlyList<RankedPartner> candidates)
{
    public string Name => name;
    public IReadOnlyList<RankedPartner> Candidates => candidates;
    public int RoundsOpened { get; set; }
    public int NextCandidate { get; set; }
    public Dictionary<string, OpenedOffer> Open { get; } = new(StringComparer.Ordinal);
    public DateTimeOffset Deadline { get; set; }
    public RankedPartner? Accepted { get; set; }
}

/// <param name="Complete">Every side has a partner who accepted and holds a unit of its capacity.</param>
/// <param name="Accepted">The partners who accepted, side by side; on an incomplete triangle, the side that did.</param>
internal sealed record OfferRoundsOutcome(bool Complete, IReadOnlyList<RankedPartner> Accepted);

/// <summary>
/// Offer rounds for every side at once. A side offers its next <see cref="WorkflowSettings.CandidatesPerRound"/> candidates
/// (never a partner already asked for this request, on any side), waits for their answers until the round's timeout, and
/// takes the first acceptance that gets a unit of the partner's capacity. A round whose offers were all declined, timed out or
/// found no capacity is followed at once by the side's next round. A side that has used
/// <see cref="WorkflowSettings.MaxRounds"/> rounds, or has no candidate left, ends the offers: the match is incomplete.
/// </summary>
internal static class OfferRounds
{
    public static async Task<OfferRoundsOutcome> RunAsync(WorkflowRun run, IReadOnlyList<OfferSide> sides, bool triangular)
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var side in sides)
            {
                while (side.Accepted is null && side.Open.Count == 0)
                {
                    if (await OpenRoundAsync(run, side, asked, triangular)) continue;
                    await CloseOpenOffersAsync(run, sides, "the offers ended without a match");
                    return new OfferRoundsOutcome(false, AcceptedOf(sides));
                }
            }
            if (sides.All(s => s.Accepted is not null)) return new OfferRoundsOutcome(true, AcceptedOf(sides));

            var waiting = sides.Where(s => s.Open.Count > 0).ToList();
            var deadline = waiting.Min(s => s.Deadline);
            var answer = await run.WaitForEventAsync(WorkflowEvents.PartnerResponse,
                e => waiting.Any(s => s.Open.ContainsKey(e.StageKey)), deadline);
            if (answer is null)
            {
                // Compared with the deadline waited for, not the clock: timers may fire a little early.
                foreach (var side in waiting.Where(s => s.Deadline <= deadline))
                {
                    await run.RecordAsync("offer round timed out", string.Join(", ", side.Open.Values.Select(o => o.PartnerName)));
                    await CloseAsync(run, side, "round timed out");
                }
                continue;
            }
            await TakeAnswerAsync(run, waiting.First(s => s.Open.ContainsKey(answer.StageKey)), answer, triangular);
        }
    }

    private static async Task<bool> OpenRoundAsync(WorkflowRun run, OfferSide side, HashSet<string> asked, bool triangular)
    {
        if (side.RoundsOpened >= run.Settings.MaxRounds) return false;
        var batch = new List<string>();
        while (batch.Count < Math.Max(1, run.Settings.CandidatesPerRound) && side.NextCandidate < side.Candidates.Count)
        {
            var candidate = side.Candidates[side.NextCandidate++];
            if (asked.Add(candidate.PartnerId)) batch.Add(candidate.PartnerId);
        }
        if (batch.Count == 0) return false;

        var round = side.RoundsOpened++;
        var opened = await run.Context.CallOpenOffersAsync(new OpenOffersCommand(run.RequestId, round, batch, run.Now, triangular ? side.Name : null), run.Retry);
        side.Deadline = run.Now + run.Settings.OfferTimeout;
        foreach (var offer in opened.Offers) side.Open[offer.StageKey] = offer;
        if (opened.Offers.Count == 0) return true; // every partner of the batch was deleted meanwhile: the caller opens the next round

        await run.SetStatusAsync(RequestStatus.AwaitingPartner,
            triangular ? $"triangular offer, {side.Name} round {round + 1}" : $"offer round {round + 1}", "offers sent",
            string.Join(", ", opened.Offers.Select(o => o.PartnerName)));
        foreach (var offer in opened.Offers)
        {
            await run.EmailAsync($"offer|{offer.StageKey}", EmailTemplates.Offer, offer.Language ?? Languages.Default, new EmailRecipient(offer.Link.Email, offer.Link.Name),
                new Dictionary<string, string>
                {
                    [EmailValueKeys.OfferLink] = offer.Link.Url,
                    [EmailValueKeys.PartnerName] = offer.Link.Name,
                    [EmailValueKeys.PartnerOrganization] = offer.PartnerName,
                    [EmailValueKeys.Triangular] = triangular ? "true" : "false",
                });
        }
        return true;
    }

    private static async Task TakeAnswerAsync(WorkflowRun run, OfferSide side, LinkDecision answer, bool triangular)
    {
        var offer = side.Open[answer.StageKey];
        side.Open.Remove(answer.StageKey);
        // A decline is already in the timeline (the link page wrote it); the side's next round opens when this one is empty.
        if (OfferAnswers.Of(answer) != OfferAnswer.Accept) return;

        var reservation = await run.Context.CallReserveCapacityAsync(new ReserveCapacityCommand(run.RequestId, offer.PartnerId, Force: false), run.Retry);
        if (!reservation.Reserved || reservation.Partner is null)
        {
            await run.RecordAsync("acceptance without capacity", $"{offer.PartnerName} has no capacity left");
            return;
        }
        side.Accepted = reservation.Partner;
        await CloseAsync(run, side, "another partner accepted");
        if (triangular) await run.RecordAsync($"{side.Name} partner confirmed", reservation.Partner.Name);
    }

    private static async Task CloseOpenOffersAsync(WorkflowRun run, IReadOnlyList<OfferSide> sides, string reason)
    {
        foreach (var side in sides) await CloseAsync(run, side, reason);
    }

    private static async Task CloseAsync(WorkflowRun run, OfferSide side, string reason)
    {
        foreach (var stageKey in side.Open.Keys.Order(StringComparer.Ordinal))
        {
            await run.Context.CallCloseStageAsync(new CloseStageCommand(run.RequestId, stageKey, reason, run.Now), run.Retry);
        }
        side.Open.Clear();
    }

    private static List<RankedPartner> AcceptedOf(IReadOnlyList<OfferSide> sides) =>
        [.. sides.Select(s => s.Accepted).OfType<RankedPartner>()];
}
