using WgeoFlows.Matching.Offers;

namespace WgeoFlows.Admin.Attention;

/// <summary>The kinds of thing an admin must act on, as <c>GET /api/admin/attention</c> names them.</summary>
public static class AttentionKinds
{
    public const string Held = "held";
    public const string ReviewerMissing = "reviewer-missing";
    public const string Failed = "failed";
    public const string MailUndelivered = "mail-undelivered";
    public const string ManualMatch = "manual-match";

    /// <summary>Every kind, in the order the dashboard counts them.</summary>
    public static readonly IReadOnlyList<string> All = [Held, ReviewerMissing, Failed, MailUndelivered, ManualMatch];
}

/// <summary>What an admin can do about an item; each is a route that exists already (or the flag's clear route).</summary>
public static class AttentionActions
{
    public const string Release = "release";
    public const string Discard = "discard";
    public const string Reassign = "reassign";
    public const string Restart = "restart";
    public const string Resend = "resend";
    public const string ClearFlag = "clear-flag";
    public const string Match = "match";
}

/// <summary>The request an item is about, as the admin list shows it.</summary>
public sealed record AttentionRequest(string RequestId, string Title, string Organization, string Platform, string Status);

/// <summary>A held delivery: a signed delivery whose answers could not be mapped to a request.</summary>
public sealed record AttentionHeld(string Id, string Source, string? Organization, string? ContactEmail, IReadOnlyList<string> Fields);

/// <summary>Why a request failed: the activity that failed and its error (null when the orchestration is gone).</summary>
public sealed record AttentionFailure(string? Activity, string ErrorType, string Message);

/// <summary>
/// One thing an admin must act on. <paramref name="Since"/> is when it started needing attention (the flag was raised,
/// the request reached its status, the delivery was held). Exactly one of <paramref name="Request"/> and
/// <paramref name="Held"/> is set. <paramref name="Candidates"/> (manual match) and <paramref name="Failure"/> (failed)
/// carry what the action needs, so the dashboard does not read each request's detail.
/// </summary>
public sealed record AttentionItem(
    string Kind,
    DateTimeOffset Since,
    string Detail,
    IReadOnlyList<string> Actions,
    AttentionRequest? Request,
    AttentionHeld? Held,
    IReadOnlyList<StoredCandidate>? Candidates = null,
    AttentionFailure? Failure = null);

/// <summary>The whole list, newest first, with the count of each kind listed. <paramref name="More"/> names the kinds that
/// had more items than <see cref="AttentionReader.PerKind"/>: their newest are listed, the older ones show once these are dealt with.</summary>
public sealed record AttentionList(DateTimeOffset ReadAt, IReadOnlyList<AttentionItem> Items, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<string> More);
