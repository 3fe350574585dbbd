using WgeoFlows.Matching.Partners;

namespace WgeoFlows.Privacy.People;

/// <summary>
/// Everything held about one person, as <c>GET /api/admin/people/export?email=</c> returns it (documented, field by field,
/// in docs/personal-data.md). Its shape is versioned by <see cref="Format"/>: fields may be added, never renamed or removed
/// under the same format. Another person's address that shares a line with theirs is replaced by
/// <see cref="EmailsInText.SomeoneElse"/>, and a request they only reviewed or partnered shows what concerns them, not
/// the requester's data.
/// </summary>
public sealed record PersonExport(
    string Format,
    string Email,
    DateTimeOffset ExportedAt,
    IReadOnlyList<ExportedRequest> Requests,
    IReadOnlyList<HeldMail> Mails,
    IReadOnlyList<PartnerView> Partners,
    IReadOnlyList<HeldReviewer> Reviewers,
    IReadOnlyList<HeldDeliveryEntry> HeldDeliveries,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ExportedChange> Changes)
{
    public const string CurrentFormat = "wgeo-person-export/1";
}

/// <summary>One request that holds the address. <paramref name="Request"/>, <paramref name="Answers"/> and
/// <paramref name="Attachments"/> are the requester's own, so filled only when the person is its requester.</summary>
public sealed record ExportedRequest(
    string RequestId,
    string Status,
    IReadOnlyList<string> Roles,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? UpdatedAt,
    ExportedRequestFields? Request,
    IReadOnlyList<ExportedAnswer> Answers,
    IReadOnlyList<ExportedAttachment> Attachments,
    IReadOnlyList<ExportedLink> Links,
    IReadOnlyList<ExportedTimelineEntry> Timeline,
    IReadOnlyList<ExportedFlag> Flags);

/// <summary>The request as its requester submitted it.</summary>
public sealed record ExportedRequestFields(
    string OrganizationName,
    string Platform,
    string Country,
    string? Website,
    string ContactName,
    string ContactEmail,
    string Language,
    string Title,
    string Description,
    IReadOnlyList<string> ThematicAreas,
    IReadOnlyList<string> SupportTypes,
    IReadOnlyList<string> PreferredRegions,
    decimal? BudgetUsd,
    DateOnly? NeededBy,
    bool ConsentToPublish);

/// <summary>A "more information" exchange: the reviewers' question and the requester's answer.</summary>
public sealed record ExportedAnswer(string Question, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt);

/// <summary>An attachment by name; <paramref name="DownloadUrl"/> is the admin download route (it needs the admin key).</summary>
public sealed record ExportedAttachment(string FileName, string ContentType, long Size, string DownloadUrl);

/// <summary>A link stage (review, offer, update, confirmation, follow-up) that was for the person, with their decision
/// and comment when they took it.</summary>
public sealed record ExportedLink(string Kind, string Title, DateTimeOffset OpenedAt, string? Question, string? Decision, string? Comment,
    DateTimeOffset? DecidedAt, string? ClosedReason, DateTimeOffset? ClosedAt);

/// <summary>A timeline entry whose actor or detail names the person.</summary>
public sealed record ExportedTimelineEntry(DateTimeOffset At, string Actor, string Action, string? Detail);

/// <summary>An admin flag whose detail names the person (a mail to them that bounced, say).</summary>
public sealed record ExportedFlag(string Kind, DateTimeOffset At, string Detail);

/// <summary>A change an admin made to a partner or to a platform's reviewers that names the person: in its values (JSON,
/// before and after; null before a creation and after a removal) or as the admin who made it (<paramref name="Actor"/>).
/// Other people's addresses in it are replaced by <see cref="EmailsInText.SomeoneElse"/>.</summary>
public sealed record ExportedChange(string Subject, string SubjectId, string Action, string Actor, DateTimeOffset At, string? Before, string? After);
