using WgeoFlows.Localization;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Workflow.Steps;

/// <summary>
/// The matching stage of the orchestration: rank, then offer rounds (<see cref="OfferRounds"/>) to one partner side, or to
/// the two sides of a triangular cooperation (a Global South technical partner and a funder, both of whom must accept).
/// When the rounds end without a complete match, the request waits for an admin's manual match; partners who already
/// accepted keep their place and the admin's partner joins them. Ends with the introductions and <see cref="RequestStatus.Matched"/>.
/// </summary>
public static class MatchingStep
{
    public const string Accept = "accept";
    public const string Decline = "decline";

    /// <returns>The matched partners: one, or the two of a triangle (with a manual match, whoever accepted plus the admin's choice).</returns>
    public static async Task<IReadOnlyList<RankedPartner>> RunAsync(WorkflowRun run, RequestFacts facts, EmailRecipient requester)
    {
        await run.SetStatusAsync(RequestStatus.Matching, "matching", "matching started");
        var ranked = await run.Context.CallRankPartnersAsync(run.RequestId, run.Retry);

        IReadOnlyList<OfferSide> sides;
        if (ranked.Triangle is { } triangle)
        {
            await run.RecordAsync("triangular cooperation proposed",
                $"{triangle.Reason} {triangle.Technical.Count} technical partner(s), {triangle.Funders.Count} funder(s) ranked.");
            sides = [new OfferSide(OfferSides.Technical, triangle.Technical), new OfferSide(OfferSides.Funder, triangle.Funders)];
        }
        else
        {
            await run.RecordAsync("partners ranked", ranked.Note is null
                ? $"{ranked.Candidates.Count} candidates"
                : $"{ranked.Candidates.Count} candidates. {ranked.Note}");
            sides = [new OfferSide(OfferSides.Partner, ranked.Candidates)];
        }

        var offers = await OfferRounds.RunAsync(run, sides, triangular: ranked.Triangle is not null);
        var partners = offers.Complete ? offers.Accepted : await WaitForManualMatchAsync(run, offers.Accepted);
        await IntroduceAsync(run, facts, requester, partners);
        return partners;
    }

    private static async Task<IReadOnlyList<RankedPartner>> WaitForManualMatchAsync(WorkflowRun run, IReadOnlyList<RankedPartner> held)
    {
        var detail = held.Count == 0
            ? "waiting for an admin to match"
            : $"{string.Join(", ", held.Select(p => p.Name))} accepted; waiting for an admin to choose the other partner";
        await run.SetStatusAsync(RequestStatus.NeedsManualMatch, "manual match", "no partner accepted", detail);
        foreach (var admin in run.Settings.AdminEmails)
        {
            await run.EmailAsync($"manual-match|{admin}", EmailTemplates.NeedsManualMatch, MailLanguage.Staff, new EmailRecipient(admin, null),
                new Dictionary<string, string> { [EmailValueKeys.AdminUrl] = run.Settings.AdminUrl });
        }
        while (true)
        {
            var match = await run.Context.WaitForEventAsync(WorkflowEvents.AdminMatch);
            var reservation = await run.Context.CallReserveCapacityAsync(new ReserveCapacityCommand(run.RequestId, match.PartnerId, Force: true), run.Retry);
            if (reservation.Partner is not null)
            {
                await run.RecordAsync("matched by admin", reservation.Partner.Name, match.Admin);
                return [.. held.Where(p => p.PartnerId != reservation.Partner.PartnerId), reservation.Partner];
            }
            await run.RecordAsync("manual match refused", $"partner {match.PartnerId} not found", match.Admin);
        }
    }

    private static async Task IntroduceAsync(WorkflowRun run, RequestFacts facts, EmailRecipient requester, IReadOnlyList<RankedPartner> partners)
    {
        // One partner per line in each list, the same order in all four: the templates zip them into "partners".
        var introduced = new Dictionary<string, string>
        {
            [EmailValueKeys.PartnerNames] = string.Join('\n', partners.Select(p => p.Name)),
            [EmailValueKeys.PartnerOrganizations] = string.Join('\n', partners.Select(p => p.Name)),
            [EmailValueKeys.PartnerEmails] = string.Join('\n', partners.Select(p => p.Email)),
            [EmailValueKeys.PartnerCountries] = string.Join('\n', partners.Select(p => p.Country)),
        };
        await run.EmailAsync("intro|requester", EmailTemplates.IntroductionRequester, facts.Language, requester, introduced);
        foreach (var partner in partners)
        {
            // The partners of a triangle are introduced to each other too: the same lists, and the partner's own name.
            var values = new Dictionary<string, string>(introduced) { [EmailValueKeys.PartnerName] = partner.Name };
            await run.EmailAsync($"intro|{partner.PartnerId}", EmailTemplates.IntroductionPartner, partner.Language ?? Languages.Default,
                new EmailRecipient(partner.Email, partner.Name), values);
        }
        await run.SetStatusAsync(RequestStatus.Matched, "introduction", "matched", string.Join(", ", partners.Select(p => p.Name)));
    }
}
