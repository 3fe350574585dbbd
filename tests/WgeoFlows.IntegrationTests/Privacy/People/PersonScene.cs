using Azure.Data.Tables;
using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Links;
using WgeoFlows.Matching;
using WgeoFlows.Notifications;
using WgeoFlows.RequestIndex;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Intake;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Privacy.People;

/// <summary>
/// One person's traces, stored through the app's own stores on a test's Azurite: a request they submitted (a non-ASCII
/// name, their address in mixed case, an answer, an attachment, a timeline), one they reviewed, one offered to them as a
/// partner, one stored before the record had its contact column, one whose contact was blanked, one whose contact
/// merely ends with their address, and a digest mail; a partner entry and a reviewer entry with the same address in other
/// cases. Every id and address carries a suffix of its own, so scenes of several tests share one Azurite.
/// </summary>
internal sealed class PersonScene
{
    public const string OtherReviewer = "lead.reviewer@example.org";
    public const string OtherPartner = "partner.contact@example.org";
    public static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private PersonScene(string suffix)
    {
        Suffix = suffix;
        Address = $"Zoë.Ñúñez.{suffix}@Exämple.ORG";
        OtherRequester = $"other.{suffix}@example.org";
    }

    public string Suffix { get; }
    /// <summary>The address as the person typed it in their request.</summary>
    public string Address { get; }
    public string Lower => Address.ToLowerInvariant();
    public string OtherRequester { get; }
    public string ContactName => "Zoë Ñúñez-Østergård";
    // Real reference numbers: the admin attachment route refuses anything else.
    public string Submitted => RequestIds.For("submitted-" + Suffix);
    public string Reviewed => RequestIds.For("reviewed-" + Suffix);
    public string Offered => RequestIds.For("offered-" + Suffix);
    public string Legacy => RequestIds.For("legacy-" + Suffix);
    public string Blanked => RequestIds.For("blanked-" + Suffix);
    public string Lookalike => RequestIds.For("lookalike-" + Suffix);
    public string Digest => "digest|" + Suffix;
    public string PartnerId => "partner-" + Suffix;
    public const string AttachmentName = "note conceptuelle é.pdf";
    public static readonly byte[] AttachmentBytes = "%PDF-1.4 a concept note"u8.ToArray();

    public static async Task<PersonScene> SeedAsync(DoorStack stack, CancellationToken ct)
    {
        var scene = new PersonScene(Guid.NewGuid().ToString("N")[..8]);
        await scene.SeedRequestsAsync(stack, ct);
        await scene.SeedRegistriesAsync(stack, ct);
        return scene;
    }

    private async Task SeedRequestsAsync(DoorStack stack, CancellationToken ct)
    {
        var records = stack.Get<RequestStore>();
        var stages = stack.Get<LinkStageStore>();
        var outbox = stack.Get<EmailOutboxStore>();
        var timeline = stack.Get<TimelineStore>();

        // Submitted: their own request.
        var blob = AttachmentStore.BlobName(Submitted, 0, AttachmentName);
        await stack.Get<AttachmentStore>().UploadAsync(blob, "application/pdf", AttachmentBytes, ct);
        (await records.TryAddAsync(Request(Submitted, ContactName, Address) with
        {
            Attachments = [new StoredAttachment(AttachmentName, "application/pdf", AttachmentBytes.Length, blob)],
            AddedInformation = [new InformationExchange("Quel est le budget ?", OtherReviewer, At.AddDays(2), "Environ 200 000 USD, façon São Paulo.", At.AddDays(3))],
        }, ct)).ShouldBeTrue();
        await stages.OpenAsync(Submitted, "update-1-0", LinkKind.Update, "More information", [Lower], "Quel est le budget ?", At.AddDays(2), ct);
        await MailAsync(outbox, Submitted, "ack", Address, "Your request WG", "acknowledgement", At.AddMinutes(1), ct);
        await MailAsync(outbox, Submitted, "review-1", OtherReviewer, "Please review", "review-request", At.AddMinutes(2), ct);
        await timeline.AppendAsync(new TimelineEntry(Submitted, "received", Address, "request received", "submission form-1", At), ct);
        await timeline.AppendAsync(new TimelineEntry(Submitted, "mail|review-1", "system", "email sent", $"review-request to {OtherReviewer}", At.AddMinutes(2)), ct);
        await timeline.AppendAsync(new TimelineEntry(Submitted, "mail|intro", "system", "email sent",
            $"introduction to {Address}, {OtherPartner}.", At.AddDays(9)), ct);

        // Reviewed: another requester's request that they reviewed and approved.
        (await records.TryAddAsync(Request(Reviewed, "Kwame Mensah", OtherRequester), ct)).ShouldBeTrue();
        await stages.OpenAsync(Reviewed, "review-1-r0", LinkKind.Review, "Review", [Lower, OtherReviewer], null, At, ct);
        (await stages.TryDecideAsync(Reviewed, new LinkDecision("review-1-r0", Lower, "approve", "Très bien — 很好", At.AddDays(1)), ct))
            .Outcome.ShouldBe(DecideOutcome.Recorded);
        await MailAsync(outbox, Reviewed, "review-1", Lower, "Please review", "review-request", At.AddMinutes(3), ct);
        await MailAsync(outbox, Reviewed, "ack", OtherRequester, "Your request", "acknowledgement", At.AddMinutes(3), ct);
        await timeline.AppendAsync(new TimelineEntry(Reviewed, "decision|review-1-r0", Lower, "review decision: approve", "Très bien — 很好", At.AddDays(1)), ct);
        await timeline.AppendAsync(new TimelineEntry(Reviewed, "received", OtherRequester, "request received", "submission form-2", At), ct);

        // Offered: an offer to the partner whose contact they are, in yet another case.
        (await records.TryAddAsync(Request(Offered, "Kwame Mensah", OtherRequester), ct)).ShouldBeTrue();
        await stages.OpenAsync(Offered, "offer-1-" + PartnerId, LinkKind.Offer, "Offer", [Address.ToUpperInvariant()], null, At, ct);
        await MailAsync(outbox, Offered, "offer-" + PartnerId, Address.ToUpperInvariant(), "An offer", "offer", At.AddMinutes(4), ct);
        await stack.Get<AdminFlagStore>().RaiseAsync(new AdminFlag(Offered, AdminFlagStore.MailUndelivered,
            $"offer to {Address.ToUpperInvariant()}: mailbox full", At.AddMinutes(6)), ct);

        // Legacy: a record stored before the contact column existed (its JSON holds the address).
        await stack.Get<StorageClients>().Table(TableNames.Requests).AddEntityAsync(LegacyRow(Request(Legacy, ContactName, Address)), ct);

        // Blanked: their request whose contact was blanked (the expiry of an unconfirmed request does it the same way).
        (await records.TryAddAsync(Request(Blanked, ContactName, Address), ct)).ShouldBeTrue();
        await records.UpdateAsync(Blanked, ExpireUnconfirmedActivity.Stripped, ct);

        // Lookalike: another person whose address ends with theirs.
        (await records.TryAddAsync(Request(Lookalike, "Jim Lookalike", "jim" + Address), ct)).ShouldBeTrue();
        await timeline.AppendAsync(new TimelineEntry(Lookalike, "received", "jim" + Address, "request received", "submission form-3", At), ct);

        // A mail about no request: the admin digest.
        await MailAsync(outbox, Digest, "admin-digest", Lower, "WGEO daily digest", "admin-digest", At.AddMinutes(5), ct);
    }

    private async Task SeedRegistriesAsync(DoorStack stack, CancellationToken ct)
    {
        await stack.Get<PartnerStore>().UpsertAsync(new Partner
        {
            Id = PartnerId,
            Name = "Energía Solidaria Ñandú",
            Platform = "civil-society",
            Country = "BR",
            Region = "latin-america-caribbean",
            GlobalSouth = true,
            Role = PartnerRole.Provider,
            ThematicAreas = ["renewable-energy"],
            SupportTypes = ["technical-assistance"],
            Languages = ["pt", "es"],
            Capacity = 3,
            Email = Address.ToUpperInvariant(),
            Publishable = true,
        }, ct);
        await stack.Get<ReviewerStore>().ReplaceAllAsync(
        [
            new Reviewer("cities", 1, Address, ContactName, ReviewerRole.Primary),
            new Reviewer("cities", 1, OtherReviewer, "Lead Reviewer", ReviewerRole.Backup),
        ], ct);
    }

    public static SupportRequest Request(string requestId, string contactName, string email) => new()
    {
        RequestId = requestId,
        SubmissionId = "form-" + requestId,
        SubmittedAt = At,
        Organization = new Organization("Cooperativa São João do Ñandú", "cities", "BR", "https://coop.example"),
        Contact = new Contact(contactName, email, "pt"),
        Title = "Mini-réseaux solaires pour les quartiers",
        Description = "Un projet pilote — 试点项目.",
        ThematicAreas = ["renewable-energy"],
        SupportTypes = ["technical-assistance"],
        Status = RequestStatus.InReview,
        UpdatedAt = At,
    };

    private static async Task MailAsync(EmailOutboxStore outbox, string partition, string key, string to, string subject, string template,
        DateTimeOffset at, CancellationToken ct)
    {
        await outbox.RecordAttemptAsync(partition, key, [to], subject, template, "pt", at, ct);
        await outbox.MarkSentAsync(partition, key, at.AddSeconds(2), ct);
    }

    /// <summary>The record row as RequestStore wrote it before the ContactEmail column: status, platform, time and JSON.</summary>
    private static TableEntity LegacyRow(SupportRequest request) => new(request.RequestId, RequestStore.RecordRowKey)
    {
        ["Status"] = request.Status.ToString(),
        ["Platform"] = request.Organization.Platform,
        ["UpdatedAt"] = request.UpdatedAt,
        ["Json"] = StorageJson.Serialize(request),
    };
}
