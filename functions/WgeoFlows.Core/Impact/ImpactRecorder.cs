using WgeoFlows.Intake;
using WgeoFlows.Matching;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Reference;
using WgeoFlows.Storage;

namespace WgeoFlows.Impact;

/// <summary>
/// Turns a status change into impact counters, from the status-change path beside the admin statistics:
/// a request is "received" the first time any status is recorded for it, "approved" when it enters Matching, "decided"
/// when review first ends (Matching, Rejected or a question to the requester, coming from InReview), "matched" when
/// it enters Matched. Each is counted once per request, whatever retries or loops happen.
/// </summary>
public sealed class ImpactRecorder(ImpactStatsStore store, EngagementStore engagements, PartnerStore partners, RequestStore requests,
    ImpactStoryWithdrawal withdrawal)
{
    public const string SouthSouth = "south-south";
    public const string Triangular = "triangular";
    public const string NorthSouth = "other";

    public async Task RecordAsync(SupportRequest request, RequestStatus status, RequestStatus? previous, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        var region = CountryCatalog.Default.Find(request.Organization.Country)?.Region ?? "unknown";
        List<(string, string, string, string)> Dimensions(string quarter, string metric) =>
        [
            (quarter, metric, "all", "all"),
            (quarter, metric, "platform", request.Organization.Platform),
            (quarter, metric, "region", region),
            .. request.ThematicAreas.Select(t => (quarter, metric, "theme", t)),
        ];

        await store.CountOnceAsync(request.RequestId, "received", Dimensions(ImpactQuarters.Of(request.SubmittedAt), "received"), null,
            request.SubmittedAt, cancellationToken);

        var quarter = ImpactQuarters.Of(at);
        if (previous == RequestStatus.InReview && status is RequestStatus.Matching or RequestStatus.Rejected or RequestStatus.AwaitingRequesterInfo)
        {
            var bucket = DurationBuckets.BucketOf(at - request.SubmittedAt).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await store.CountOnceAsync(request.RequestId, "decided", [(quarter, "daysToDecision", "bucket", bucket)], null, at, cancellationToken);
        }
        if (status == RequestStatus.Matching)
        {
            await store.CountOnceAsync(request.RequestId, "approved", Dimensions(quarter, "approved"), null, at, cancellationToken);
        }
        if (status == RequestStatus.Matched)
        {
            await RecordMatchAsync(request, quarter, at, Dimensions(quarter, "matched"), cancellationToken);
        }
    }

    private async Task RecordMatchAsync(SupportRequest request, string quarter, DateTimeOffset at,
        List<(string, string, string, string)> counters, CancellationToken cancellationToken)
    {
        var matched = new List<Partner>();
        foreach (var id in await engagements.ListPartnersAsync(request.RequestId, cancellationToken))
        {
            if (await partners.GetAsync(id, cancellationToken) is { } partner) matched.Add(partner);
        }
        var kind = KindOf(CountryCatalog.Default.Find(request.Organization.Country), matched);
        counters.Add((quarter, "matchKind", "kind", kind));
        counters.Add((quarter, "daysToMatch", "bucket",
            DurationBuckets.BucketOf(at - request.SubmittedAt).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // Named publicly only when the requester and every partner of the pair agreed.
        var story = request.ConsentToPublish && matched.Count > 0 && matched.All(p => p.Publishable)
            ? new StoryToPublish(new ImpactStory(quarter, request.Organization.Name, request.Organization.Country,
                matched.Select(p => new ImpactStoryPartner(p.Name, p.Country)).ToList(), request.ThematicAreas.FirstOrDefault() ?? "", kind),
                matched.Select(p => p.Id).ToList())
            : null;
        await store.CountOnceAsync(request.RequestId, "matched", counters, story, at, cancellationToken);
        if (story is not null) await TakeDownIfAgreementEndedAsync(request.RequestId, story.PartnerIds, cancellationToken);
    }

    /// <summary>
    /// Reads the consents again after the story was stored, and takes it down when one was withdrawn meanwhile. A withdrawal
    /// writes its flag, then takes down the stories it finds; this writes the story, then reads the flags: whichever comes
    /// second sees the other's write, so a story stored while its consent was being withdrawn does not stay published.
    /// One read of the request and of each partner, for matches with a story only.
    /// </summary>
    private async Task TakeDownIfAgreementEndedAsync(string requestId, IReadOnlyList<string> partnerIds, CancellationToken cancellationToken)
    {
        var consent = (await requests.GetAsync(requestId, cancellationToken))?.Request.ConsentToPublish == true;
        var publishable = true;
        foreach (var id in partnerIds)
        {
            publishable &= (await partners.GetAsync(id, cancellationToken))?.Publishable == true;
        }
        if (!consent || !publishable) await withdrawal.WithdrawRequestAsync(requestId, cancellationToken);
    }

    /// <summary>Triangular: a funder from outside the Global South joins Global South partners; South-South: the
    /// requester and every partner are in the Global South.</summary>
    public static string KindOf(Country? requesterCountry, IReadOnlyList<Partner> matched)
    {
        if (matched.Any(p => p.Funds && !p.GlobalSouth) && matched.Any(p => p.GlobalSouth)) return Triangular;
        return requesterCountry?.GlobalSouth == true && matched.Count > 0 && matched.All(p => p.GlobalSouth) ? SouthSouth : NorthSouth;
    }
}
