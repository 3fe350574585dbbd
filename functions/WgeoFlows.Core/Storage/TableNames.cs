namespace WgeoFlows.Storage;

/// <summary>The tables and containers WgeoFlows owns. Each table's partition design is described where it is used.</summary>
public static class TableNames
{
    /// <summary>PK = request id: the request record, its timeline, its link stages, its emails and matches.</summary>
    public const string Requests = "WgeoRequests";
    /// <summary>PK = "sub|" + submission id: one row per accepted submission, for deduplication.</summary>
    public const string Submissions = "WgeoSubmissions";
    /// <summary>The admin index's bookkeeping beside the listings: stats shards and "since|" rows, flags, impact counters,
    /// purge watermarks. The listing rows themselves live in the four tables below.</summary>
    public const string AdminIndex = "WgeoAdminIndex";

    // The admin listings, one table per kind (PK = listing key, RK = inverted submit time + id: newest first); why:
    // see AdminListings.
    /// <summary>PK = "all".</summary>
    public const string AdminListAll = "WgeoListAll";
    /// <summary>PK = "status|{status}".</summary>
    public const string AdminListByStatus = "WgeoListByStatus";
    /// <summary>PK = "platform|{platform}".</summary>
    public const string AdminListByPlatform = "WgeoListByPlatform";
    /// <summary>PK = "sp|{status}|{platform}".</summary>
    public const string AdminListByStatusPlatform = "WgeoListByStatusPlatform";

    /// <summary>PK = "partner", RK = partner id.</summary>
    public const string Partners = "WgeoPartners";
    /// <summary>PK = platform, RK = stage + email.</summary>
    public const string Reviewers = "WgeoReviewers";

    /// <summary>Signed deliveries that could not be mapped, kept for an admin: PK = "held" (the record) or "open" (the
    /// "needs attention" list), RK = held id.</summary>
    public const string Held = "WgeoHeld";
    /// <summary>PK = HMAC of a recipient address, RK = UTC day: confirmation mails sent to that address that day.</summary>
    public const string ConfirmationQuota = "WgeoConfirmQuota";
    /// <summary>What was done with personal data, and what is still to do: PK = "audit" (one entry per erasure, RK = inverted
    /// time + entry id, newest first; no personal data of the erased person) and PK = "removed-contact" (a partner's or
    /// reviewer's removal, RK = a keyed hash of the address: no address in plain text).</summary>
    public const string Audit = "WgeoAudit";

    public const string AttachmentsContainer = "wgeo-attachments";
    /// <summary>The raw bodies of held deliveries, "{held id}.json", until an admin releases or discards them.</summary>
    public const string HeldContainer = "wgeo-held";

    /// <summary>
    /// The admin listing tables. Azurite evaluates a partition query against every row of the table, so while all four
    /// listings and the counters shared <see cref="AdminIndex"/>, a page's cost grew with 4 × the requests plus
    /// everything else; in a table of its own a listing's page scans that listing's rows only. On Azure a partition read
    /// does not grow with the table, and apart the listing rows also stay clear of the counters' frequent writes.
    /// </summary>
    public static readonly string[] AdminListings = [AdminListAll, AdminListByStatus, AdminListByPlatform, AdminListByStatusPlatform];

    public static readonly string[] AllTables = [Requests, Submissions, AdminIndex, .. AdminListings, Partners, Reviewers, Held, ConfirmationQuota, Audit];
}
