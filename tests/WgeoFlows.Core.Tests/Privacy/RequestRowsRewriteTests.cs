using Azure.Data.Tables;
using WgeoFlows.Privacy.Erasure;
using WgeoFlows.Privacy.Retention;

namespace WgeoFlows.Tests.Privacy;

/// <summary>How the rows of an erased request's partition are rewritten: addresses become roles, free text goes, what the
/// counts and the impact figures need stays; and how removed partners' addresses alone leave a request kept for longer.</summary>
public sealed class RequestRowsRewriteTests
{
    private const string RequestId = "WG-7K3QZ-M2X9A";
    private const string Requester = "Zoë.Quixbottom@Example.org";
    private const string Reviewer = "cities.lead@example.org";
    private const string Partner = "contact@solar-partner.example";
    private const string Stranger = "somebody@elsewhere.example";

    private static readonly SupportRequest Request = new()
    {
        RequestId = RequestId,
        SubmissionId = "form-1",
        SubmittedAt = new DateTimeOffset(2026, 4, 6, 9, 0, 0, TimeSpan.Zero),
        Organization = new Organization("Nairobi County Energy Office", "cities", "KE", "https://energy.nairobi.example"),
        Contact = new Contact("Zoë Quixbottom 泽菲琳", Requester, "en"),
        Title = "Solar mini-grids for informal settlements",
        Description = "Pilot mini-grids.",
        ThematicAreas = ["renewable-energy"],
        SupportTypes = ["technical-assistance"],
    };

    private static TableEntity Row(string rowKey, params (string Name, object Value)[] properties)
    {
        var row = new TableEntity(RequestId, rowKey);
        foreach (var (name, value) in properties) row[name] = value;
        return row;
    }

    private static readonly TableEntity ReviewStage = Row("stage|review-1-r0", ("Kind", "review"), ("Title", "Review"),
        ("Persons", Reviewer), ("DecidedBy", Reviewer), ("Decision", "request-info"), ("Comment", "Please send the budget, Zoë"));

    private static readonly TableEntity OfferStage = Row("stage|offer-r0-p1", ("Kind", "offer"), ("Title", "Offer round 1"),
        ("Persons", Partner), ("ClosedReason", "another partner accepted"));

    private static readonly TableEntity IntroductionMail = Row("mail|intro|p1", ("Template", "introduction-partner"), ("To", Partner),
        ("Subject", "Introduction: Solar mini-grids for informal settlements"), ("State", "Sent"));

    private static RequestErasureRewrite Erasure(params TableEntity[] rows) =>
        new(Request, RequestRoles.Of(Request.Contact.Email, rows, ["secretariat@wgeo.example"]));

    [Fact]
    public void A_timeline_entry_keeps_its_action_and_the_status_it_names_and_shows_a_role_for_the_person()
    {
        var row = Row("tl|0639000000000000000|0003|status", ("Actor", Reviewer), ("Action", "rejected by reviewer"),
            ("Detail", "status Rejected: not for Zoë Quixbottom 泽菲琳, sorry"), ("At", DateTimeOffset.UnixEpoch));

        var erased = RequestRowsRewriter.Rewritten(row, Erasure(ReviewStage))!;

        erased.RowKey.ShouldBe(row.RowKey);
        erased.GetString("Actor").ShouldBe("reviewer");
        erased.GetString("Action").ShouldBe("rejected by reviewer");
        erased.GetString("Detail").ShouldBe("status Rejected");
    }

    [Fact]
    public void Free_text_in_a_timeline_detail_goes_and_the_requester_is_a_role()
    {
        var row = Row("tl|decision|update-1-0", ("Actor", Requester.ToLowerInvariant()), ("Action", "update decision: answer"),
            ("Detail", "Our budget is 200,000 USD; call me on +254 700 000 000"));

        var erased = RequestRowsRewriter.Rewritten(row, Erasure())!;

        erased.GetString("Actor").ShouldBe("requester");
        erased.ContainsKey("Detail").ShouldBeFalse();
    }

    [Fact]
    public void An_admin_action_shows_admin_whatever_name_the_admin_signed_in_with()
    {
        var row = Row("tl|admin|0639000000000000000|terminate", ("Actor", "jane.admin@wgeo.example"), ("Action", "admin action: terminate"),
            ("Detail", "status Cancelled: the requester asked us by phone"));

        var erased = RequestRowsRewriter.Rewritten(row, Erasure())!;

        erased.GetString("Actor").ShouldBe("admin");
        erased.GetString("Detail").ShouldBe("status Cancelled");
    }

    [Fact]
    public void A_mail_that_names_its_recipient_in_its_key_moves_to_a_key_with_the_role_and_loses_its_subject()
    {
        var mail = Row($"mail|review|review-1-r0|{Reviewer}", ("Template", "review-request"), ("To", Reviewer),
            ("Subject", "Review: Solar mini-grids for informal settlements"), ("LastError", $"550 {Reviewer} mailbox full"), ("State", "Sent"),
            ("Attempts", 2));

        var erased = RequestRowsRewriter.Rewritten(mail, Erasure(mail))!;

        erased.RowKey.ShouldBe("mail|review|review-1-r0|reviewer");
        erased.GetString("To").ShouldBe("reviewer");
        erased.ContainsKey("Subject").ShouldBeFalse();
        erased.ContainsKey("LastError").ShouldBeFalse();
        (erased.GetString("Template"), erased.GetString("State"), erased.GetInt32("Attempts")).ShouldBe(("review-request", "Sent", 2));
    }

    [Fact]
    public void A_link_stage_keeps_its_kind_decision_and_title_with_roles_for_its_persons()
    {
        var reassigned = Row("stage|review-1-r1", ("Kind", "review"), ("Title", "Review"), ("Persons", $"{Reviewer};{Stranger}"),
            ("Question", "Who is the owner?"), ("ClosedReason", $"reassigned to {Stranger}"));

        var erased = RequestRowsRewriter.Rewritten(reassigned, Erasure(ReviewStage, reassigned))!;

        erased.GetString("Persons").ShouldBe("reviewer;reviewer");
        erased.GetString("ClosedReason").ShouldBe("reassigned to reviewer");
        erased.ContainsKey("Question").ShouldBeFalse();
        (erased.GetString("Kind"), erased.GetString("Title")).ShouldBe(("review", "Review"));
        RequestRowsRewriter.Rewritten(ReviewStage, Erasure(ReviewStage))!.ContainsKey("Comment").ShouldBeFalse();
    }

    [Fact]
    public void Partners_are_told_by_their_offer_stages_and_mails_and_an_unknown_address_is_a_person()
    {
        var roles = RequestRoles.Of(Request.Contact.Email, [OfferStage, IntroductionMail, ReviewStage], ["secretariat@wgeo.example"]);

        roles[Partner].ShouldBe("partner");
        roles[Reviewer].ShouldBe("reviewer");
        roles["secretariat@wgeo.example"].ShouldBe("admin");
        roles[Requester.ToLowerInvariant()].ShouldBe("requester");
        Erasure().Text($"forwarded to {Stranger}").ShouldBe("forwarded to person");
    }

    [Fact]
    public void The_requests_own_texts_are_erased_wherever_a_row_repeats_them()
    {
        var flag = Row("flag|mail-undelivered", ("Kind", "mail-undelivered"), ("Detail", $"acknowledgement to {Requester}: bounced"));
        var note = Row("tl|0639|0004|note", ("Actor", "system"), ("Action", "note"), ("Detail", "x"), ("Extra", "Zoë Quixbottom 泽菲琳 of Nairobi County Energy Office"));

        RequestRowsRewriter.Rewritten(flag, Erasure())!.ContainsKey("Detail").ShouldBeFalse();
        RequestRowsRewriter.Rewritten(note, Erasure())!.GetString("Extra").ShouldBe("(erased) of (erased)");
    }

    [Fact]
    public void Match_scores_and_engagements_stay_as_they_are()
    {
        var match = Row("match|partner|0001|p1", ("PartnerId", "p1"), ("Name", "Solar Partner"), ("Country", "BR"), ("Score", 0.82),
            ("Breakdown", "[{\"criterion\":\"thematic\",\"points\":40}]"));
        var engagement = Row("engagement|p1", ("PartnerId", "p1"), ("At", DateTimeOffset.UnixEpoch));

        RequestRowsRewriter.Rewritten(match, Erasure()).ShouldBeNull();
        RequestRowsRewriter.Rewritten(engagement, Erasure()).ShouldBeNull();
    }

    [Fact]
    public void The_erasures_own_entry_keeps_its_reason()
    {
        var entry = Row("tl|" + RequestEraser.ErasedEntryKey, ("Actor", "admin"), ("Action", RequestEraser.TimelineAction),
            ("Detail", "the requester asked for erasure"));

        RequestRowsRewriter.Rewritten(entry, Erasure()).ShouldBeNull();
    }

    [Fact]
    public void A_removed_partners_address_alone_becomes_its_role_and_the_rest_of_the_request_stays()
    {
        var removed = new RemovedContact("k-partner", "partner", DateTimeOffset.UnixEpoch, default);
        var rewrite = new RemovedContactsRewrite([removed], address => address == Partner ? "k-partner" : "k-" + address);
        var timeline = Row("tl|decision|offer-r0-p1", ("Actor", Partner), ("Action", "offer decision: accept"), ("Detail", "Happy to help Zoë"));

        var rewritten = RequestRowsRewriter.Rewritten(timeline, rewrite)!;
        rewritten.GetString("Actor").ShouldBe("partner");
        rewritten.GetString("Detail").ShouldBe("Happy to help Zoë");
        RequestRowsRewriter.Rewritten(IntroductionMail, rewrite)!.GetString("Subject").ShouldBe("Introduction: Solar mini-grids for informal settlements");
        RequestRowsRewriter.Rewritten(ReviewStage, rewrite).ShouldBeNull();
    }

    [Theory]
    [InlineData("status Rejected: a comment", "status Rejected")]
    [InlineData("status Matched", "status Matched")]
    [InlineData("acknowledgement to a@b.org", null)]
    public void Only_the_status_of_a_status_detail_stays(string detail, string? kept) => RequestRowsRewriter.StatusOnly(detail).ShouldBe(kept);
}
