namespace WgeoFlows.Tests.Privacy;

/// <summary>The requests of one person, each ended in a different final status.</summary>
public sealed record FinalStateRequests(string Closed, string Rejected, string Expired, string Cancelled)
{
    public IReadOnlyList<string> All => [Closed, Rejected, Expired, Cancelled];
}

/// <summary>
/// Runs four requests of one person through the real workflow to the four final statuses the retention period follows,
/// the way the people concerned do it, through their emailed links and the admin API, so that every store holds their data:
/// <list type="bullet">
/// <item>Closed: the reviewer asks a question, the requester answers (the answer joins the record), the reviewer approves
/// with a comment, the partner accepts with one, both sides answer the follow-up with comments; the acknowledgement is
/// reported bounced by SendGrid (a delivery event in the timeline and a flag); the requester agreed to be named
/// (an impact story);</item>
/// <item>Rejected: the reviewer rejects with a comment;</item>
/// <item>Expired: the reviewer asks a question nobody answers;</item>
/// <item>Cancelled: an admin terminates it during review, with a reason.</item>
/// </list>
/// Every request carries the person's name, address and phrase in its texts and in an attachment.
/// </summary>
public static class FinalStates
{
    public static async Task<FinalStateRequests> RunAsync(ProofHost host, ProofPerson person)
    {
        var run = $"{person.Tag}-{Guid.NewGuid():N}";
        var ids = new FinalStateRequests(
            await host.SubmitAsync(person, $"proof-closed-{run}", consent: true),
            await host.SubmitAsync(person, $"proof-rejected-{run}"),
            await host.SubmitAsync(person, $"proof-expired-{run}"),
            await host.SubmitAsync(person, $"proof-cancelled-{run}"));
        await Task.WhenAll(
            CloseAsync(host, person, ids.Closed),
            RejectAsync(host, person, ids.Rejected),
            ExpireAsync(host, person, ids.Expired),
            CancelAsync(host, person, ids.Cancelled));
        return ids;
    }

    private static bool ToRequester(SinkMail mail, ProofPerson person) =>
        mail.To.Contains(person.Email, StringComparer.OrdinalIgnoreCase);

    private static async Task CloseAsync(ProofHost host, ProofPerson person, string requestId)
    {
        var used = new HashSet<string>();
        var review = await host.WaitForLinkAsync(requestId, "review", used);
        // The acknowledgement went before the review mail: SendGrid now reports it bounced.
        await host.PostBounceAsync(person, requestId);
        await host.PostFormAsync(review, ("decision", "request-info"), ("comment", $"Please say more about {person.Phrase}"));
        await host.PostFormAsync(await host.WaitForLinkAsync(requestId, "update", used),
            ("answer", $"{person.Name} answers: {person.Phrase}; write to {person.Email}"));
        await host.PostFormAsync(await host.WaitForLinkAsync(requestId, "review", used), ("decision", "approve"),
            ("comment", $"A good fit: {person.Phrase}"));
        await host.PostFormAsync(await host.WaitForLinkAsync(requestId, "offer", used), ("response", "accept"),
            ("comment", $"Glad to help {person.Name}"));
        var requesterFollowUp = await host.WaitForLinkAsync(requestId, "followup", used, m => ToRequester(m, person));
        var partnerFollowUp = await host.WaitForLinkAsync(requestId, "followup", used, m => !ToRequester(m, person));
        await host.PostFormAsync(requesterFollowUp, ("progress", "on-track"), ("comment", $"{person.Phrase} is going well"));
        await host.PostFormAsync(partnerFollowUp, ("progress", "completed"), ("comment", $"Done with {person.Name}"));
        await host.WaitForFinalAsync(requestId, "Closed");
    }

    private static async Task RejectAsync(ProofHost host, ProofPerson person, string requestId)
    {
        await host.PostFormAsync(await host.WaitForLinkAsync(requestId, "review", new HashSet<string>()), ("decision", "reject"),
            ("comment", $"{person.Phrase} is out of scope"));
        await host.WaitForFinalAsync(requestId, "Rejected");
    }

    private static async Task ExpireAsync(ProofHost host, ProofPerson person, string requestId)
    {
        await host.PostFormAsync(await host.WaitForLinkAsync(requestId, "review", new HashSet<string>()), ("decision", "request-info"),
            ("comment", $"Who else works on {person.Phrase}?"));
        await host.WaitForFinalAsync(requestId, "Expired");
    }

    private static async Task CancelAsync(ProofHost host, ProofPerson person, string requestId)
    {
        await host.WaitForLinkAsync(requestId, "review", new HashSet<string>());
        var (status, body) = await host.AdminPostAsync($"/api/admin/requests/{requestId}/terminate",
            new { reason = $"{person.Name} withdrew: {person.Phrase}" });
        status.ShouldBe(System.Net.HttpStatusCode.OK, body.ToString());
        await host.WaitForFinalAsync(requestId, "Cancelled");
    }
}
