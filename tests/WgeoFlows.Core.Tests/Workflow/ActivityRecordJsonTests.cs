using Microsoft.DurableTask.Converters;
using WgeoFlows.Intake;
using WgeoFlows.Links;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Review.Activities;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Workflow;

/// <summary>
/// The activity inputs and outputs and the admins' event payloads as running orchestrations' histories hold them: JSON by
/// property name, written by Durable's data converter (the local host's; the Functions worker's serializer names no types
/// either). The expected texts were written by these records before they moved beside their activities, so a rename, a removed
/// member or a changed enum form fails here rather than in the replay of a request in flight.
/// </summary>
public sealed class ActivityRecordJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 12, 0, 0, TimeSpan.FromHours(1));
    private static readonly PersonLink Link = new("lead@example.org", "Amina Diallo", "https://wgeo.example.org/api/review/t0k.en");
    private static readonly RankedPartner Partner = new("p-1", "Green Works", "gw@example.org", "KE", 0.75, "pt");

    /// <summary>Each record with the JSON a history holds for it, wrapped between members for reading (see <see cref="OneLine"/>).</summary>
    private static readonly Dictionary<string, (object Record, string Json)> Histories = new()
    {
        [nameof(RecordStatusCommand)] = (
            new RecordStatusCommand("WG-1", RequestStatus.InReview, RequestStatus.Received, "status|InReview", "system", "review opened", "Review", At), """
            {"RequestId":"WG-1","Status":2,"Previous":0,"EventKey":"status|InReview","Actor":"system","Action":"review opened",
            "Detail":"Review","At":"2026-11-27T12:00:00+01:00"}
            """),
        [nameof(RecordTimelineCommand)] = (new RecordTimelineCommand("WG-1", "review reminder", "system", "review reminder timer fired", null, At), """
            {"RequestId":"WG-1","EventKey":"review reminder","Actor":"system","Action":"review reminder timer fired","Detail":null,
            "At":"2026-11-27T12:00:00+01:00"}
            """),
        [nameof(ScreeningOutcome)] = (new ScreeningOutcome(false, ["The platform is unknown."]), """
            {"Eligible":false,"Reasons":["The platform is unknown."]}
            """),
        [nameof(PersonLink)] = (Link, """
            {"Email":"lead@example.org","Name":"Amina Diallo","Url":"https://wgeo.example.org/api/review/t0k.en"}
            """),
        [nameof(OpenReviewCommand)] = (new OpenReviewCommand("WG-1", 2, 1, true, At, 3, "new@example.org"), """
            {"RequestId":"WG-1","StageNumber":2,"Round":1,"Backup":true,"At":"2026-11-27T12:00:00+01:00","Attempt":3,
            "Reviewer":"new@example.org"}
            """),
        [nameof(OpenedReview)] = (new OpenedReview("review-2-r1-a3", "Review stage 2 of 2", 2, [Link], "Amina Diallo"), """
            {"StageKey":"review-2-r1-a3","StageTitle":"Review stage 2 of 2","StageCount":2,"Links":[{"Email":"lead@example.org",
            "Name":"Amina Diallo","Url":"https://wgeo.example.org/api/review/t0k.en"}],"PrimaryNames":"Amina Diallo"}
            """),
        [nameof(OpenUpdateCommand)] = (new OpenUpdateCommand("WG-1", "update-1-0", "Which districts?", "lead@example.org", At), """
            {"RequestId":"WG-1","StageKey":"update-1-0","Question":"Which districts?","AskedBy":"lead@example.org",
            "At":"2026-11-27T12:00:00+01:00"}
            """),
        [nameof(AppendAnswerCommand)] = (new AppendAnswerCommand("WG-1", "update-1-0", "Which districts?", "lead@example.org", At, "Mathare.", At.AddHours(2)), """
            {"RequestId":"WG-1","StageKey":"update-1-0","Question":"Which districts?","AskedBy":"lead@example.org",
            "AskedAt":"2026-11-27T12:00:00+01:00","Answer":"Mathare.","AnsweredAt":"2026-11-27T14:00:00+01:00"}
            """),
        [nameof(CloseStageCommand)] = (new CloseStageCommand("WG-1", "review-1-r0", "expired", At, true), """
            {"RequestId":"WG-1","StageKey":"review-1-r0","Reason":"expired","At":"2026-11-27T12:00:00+01:00","EvenIfDecided":true}
            """),
        [nameof(RankedPartner)] = (Partner, """
            {"PartnerId":"p-1","Name":"Green Works","Email":"gw@example.org","Country":"KE","Score":0.75,"Language":"pt"}
            """),
        [nameof(RankedPartners)] = (new RankedPartners([Partner], new TriangularCandidates("Financing is asked for.", [Partner], [Partner]), "No funder."), """
            {"Candidates":[{"PartnerId":"p-1","Name":"Green Works","Email":"gw@example.org","Country":"KE","Score":0.75,"Language":"pt"}],
            "Triangle":{"Reason":"Financing is asked for.","Technical":[{"PartnerId":"p-1","Name":"Green Works",
            "Email":"gw@example.org","Country":"KE","Score":0.75,"Language":"pt"}],"Funders":[{"PartnerId":"p-1","Name":"Green Works",
            "Email":"gw@example.org","Country":"KE","Score":0.75,"Language":"pt"}]},"Note":"No funder."}
            """),
        [nameof(OpenOffersCommand)] = (new OpenOffersCommand("WG-1", 1, ["p-1", "p-2"], At, OfferSides.Technical), """
            {"RequestId":"WG-1","Round":1,"PartnerIds":["p-1","p-2"],"At":"2026-11-27T12:00:00+01:00","Side":"technical"}
            """),
        [nameof(OpenedOffers)] = (new OpenedOffers([new OpenedOffer("p-1", "offer-technical-r1-p-1", Link, "Green Works", "pt")]), """
            {"Offers":[{"PartnerId":"p-1","StageKey":"offer-technical-r1-p-1","Link":{"Email":"lead@example.org",
            "Name":"Amina Diallo","Url":"https://wgeo.example.org/api/review/t0k.en"},"PartnerName":"Green Works","Language":"pt"}]}
            """),
        [nameof(ReserveCapacityCommand)] = (new ReserveCapacityCommand("WG-1", "p-1", true), """
            {"RequestId":"WG-1","PartnerId":"p-1","Force":true}
            """),
        [nameof(Reservation)] = (new Reservation(true, Partner), """
            {"Reserved":true,"Partner":{"PartnerId":"p-1","Name":"Green Works","Email":"gw@example.org","Country":"KE",
            "Score":0.75,"Language":"pt"}}
            """),
        [nameof(ReleaseCapacityCommand)] = (new ReleaseCapacityCommand("WG-1", "p-1"), """
            {"RequestId":"WG-1","PartnerId":"p-1"}
            """),
        [nameof(AdminActionEvent)] = (new AdminActionEvent(AdminAction.Reassign, "review-1-r0", "admin@example.org", At, "new@example.org"), """
            {"Action":"reassign","StageKey":"review-1-r0","Admin":"admin@example.org","At":"2026-11-27T12:00:00+01:00",
            "Reviewer":"new@example.org"}
            """),
        [nameof(AdminMatchEvent)] = (new AdminMatchEvent("p-1", "admin@example.org", At), """
            {"PartnerId":"p-1","Admin":"admin@example.org","At":"2026-11-27T12:00:00+01:00"}
            """),
    };

    public static TheoryData<string> Records => new(Histories.Keys);

    [Theory]
    [MemberData(nameof(Records))]
    public void A_record_is_written_as_histories_hold_it(string record)
    {
        var (value, json) = Histories[record];

        JsonDataConverter.Default.Serialize(value).ShouldBe(OneLine(json));
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void A_record_in_a_history_reads_back_whole(string record)
    {
        var (value, json) = Histories[record];

        var read = JsonDataConverter.Default.Deserialize(OneLine(json), value.GetType());

        read.ShouldBeOfType(value.GetType());
        JsonDataConverter.Default.Serialize(read).ShouldBe(OneLine(json));
    }

    [Fact]
    public void A_partner_recorded_before_mails_followed_its_languages_reads_back_with_no_language_which_means_english()
    {
        var partner = JsonDataConverter.Default.Deserialize<RankedPartner>(
            """{"PartnerId":"p-1","Name":"Green Works","Email":"gw@example.org","Country":"KE","Score":0.75}""");
        var offers = JsonDataConverter.Default.Deserialize<OpenedOffers>(
            """{"Offers":[{"PartnerId":"p-1","StageKey":"offer-r1-p-1","Link":{"Email":"a@example.org","Name":"A","Url":"https://x.example/o"},"PartnerName":"G"}]}""");

        partner.ShouldNotBeNull().Language.ShouldBeNull();
        offers.ShouldNotBeNull().Offers[0].Language.ShouldBeNull();
    }

    /// <summary>The JSON as written: the lines joined without their indentation (no value starts or ends a line with a space).</summary>
    private static string OneLine(string wrapped) => string.Concat(wrapped.Split('\n').Select(line => line.Trim()));
}
