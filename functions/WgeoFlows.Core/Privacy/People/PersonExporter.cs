using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Links;
using WgeoFlows.Matching;
using WgeoFlows.Matching.Partners;
using WgeoFlows.Privacy.ChangeLog;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;

namespace WgeoFlows.Privacy.People;

/// <summary>
/// Builds <see cref="PersonExport"/>: what <see cref="PersonFinder"/> found, then, for each request found, its record, its
/// link stages, its timeline and its flags (a point read and three queries of the request's own partition), and each
/// partner entry whole (a point read), and the admins' changes of partners and reviewers that name the person. Reads only.
/// </summary>
public sealed class PersonExporter(
    PersonFinder finder,
    RequestStore requests,
    LinkStageStore stages,
    TimelineStore timeline,
    AdminFlagStore flags,
    PartnerStore partners,
    ChangeLogRows changeLog,
    IOptions<PublicUrlOptions> publicUrl,
    TimeProvider clock)
{
    /// <summary>What is held but not in the document, said in it so that the person knows.</summary>
    public static readonly IReadOnlyList<string> Notes =
    [
        "Mail bodies are not kept: each mail is listed with its subject, template, language and dates.",
        "Attachments are listed by name; each downloadUrl is the administrators' download route and needs their key.",
        "While a request's workflow runs, and until its history is purged, the orchestration's history also holds copies of "
            + "the addresses and texts above, as inputs of its steps.",
    ];

    /// <param name="email">The address, normalised by <see cref="PersonEmail.TryNormalize"/>.</param>
    public async Task<PersonExport> ExportAsync(string email, CancellationToken cancellationToken = default)
    {
        var found = await finder.FindAsync(email, cancellationToken);
        var exported = new List<ExportedRequest>();
        foreach (var held in found.Requests) exported.Add(await RequestAsync(held, email, cancellationToken));
        var partnerEntries = new List<PartnerView>();
        foreach (var entry in found.Partners)
        {
            if (await partners.GetAsync(entry.Id, cancellationToken) is { } partner) partnerEntries.Add(PartnerView.Of(partner));
        }
        // The change log is read a second time here (the finder keeps only what its list shows): it is small.
        var changes = (await changeLog.NamingAsync(email, cancellationToken))
            .Select(c => new ExportedChange(c.Subject, c.SubjectId, c.Action, EmailsInText.KeepOnly(c.Actor, email)!, c.At,
                c.Before is null ? null : ChangeValues.Map(c.Before, text => EmailsInText.KeepOnly(text, email)!),
                c.After is null ? null : ChangeValues.Map(c.After, text => EmailsInText.KeepOnly(text, email)!)))
            .ToList();
        return new PersonExport(PersonExport.CurrentFormat, email, clock.GetUtcNow(), exported, found.Mails, partnerEntries,
            found.Reviewers, found.HeldDeliveries, Notes, changes);
    }

    private async Task<ExportedRequest> RequestAsync(HeldRequest held, string email, CancellationToken cancellationToken)
    {
        var record = (await requests.GetAsync(held.RequestId, cancellationToken))?.Request;
        var requester = held.Roles.Contains(PersonRoles.Requester) && record is not null;
        var links = (await stages.ListAsync(held.RequestId, cancellationToken))
            .Where(s => s.Persons.Any(p => PersonEmail.Is(p, email)) || PersonEmail.Is(s.Decision?.Person, email))
            .Select(s =>
            {
                var theirs = s.Decision is { } d && PersonEmail.Is(d.Person, email) ? d : null;
                return new ExportedLink(s.Kind.ToWord(), s.Title, s.OpenedAt, s.Question, theirs?.Decision, theirs?.Comment, theirs?.At, s.ClosedReason, s.ClosedAt);
            })
            .ToList();
        var entries = (await timeline.ListAsync(held.RequestId, cancellationToken))
            .Where(t => EmailsInText.Names(t.Actor, email) || EmailsInText.Names(t.Detail, email))
            .Select(t => new ExportedTimelineEntry(t.At, EmailsInText.KeepOnly(t.Actor, email)!, t.Action, EmailsInText.KeepOnly(t.Detail, email)))
            .ToList();
        var flagged = (await flags.ListForRequestAsync(held.RequestId, cancellationToken))
            .Where(f => EmailsInText.Names(f.Detail, email))
            .Select(f => new ExportedFlag(f.Kind, f.At, EmailsInText.KeepOnly(f.Detail, email)!))
            .ToList();
        return new ExportedRequest(
            held.RequestId,
            record?.Status.ToString() ?? held.Status,
            held.Roles,
            record?.SubmittedAt,
            record?.UpdatedAt ?? held.UpdatedAt,
            requester ? Fields(record!) : null,
            requester ? [.. record!.AddedInformation.Select(a => new ExportedAnswer(a.Question, a.AskedAt, a.Answer, a.AnsweredAt))] : [],
            requester ? [.. record!.Attachments.Select(a => new ExportedAttachment(a.FileName, a.ContentType, a.Size, DownloadUrl(held.RequestId, a.FileName)))] : [],
            links,
            entries,
            flagged);
    }

    private static ExportedRequestFields Fields(SupportRequest r) => new(
        r.Organization.Name, r.Organization.Platform, r.Organization.Country, r.Organization.Website,
        r.Contact.Name, r.Contact.Email, r.Contact.Language,
        r.Title, r.Description, r.ThematicAreas, r.SupportTypes, r.PreferredRegions, r.BudgetUsd, r.NeededBy, r.ConsentToPublish);

    /// <summary>The admin attachment route (<see cref="IntakeRoutes.AdminAttachment"/>) for this request and file.</summary>
    private string DownloadUrl(string requestId, string fileName) =>
        $"{publicUrl.Value.BaseUrl}/api/" + IntakeRoutes.AdminAttachment
            .Replace("{id}", Uri.EscapeDataString(requestId), StringComparison.Ordinal)
            .Replace("{fileName}", Uri.EscapeDataString(fileName), StringComparison.Ordinal);
}
