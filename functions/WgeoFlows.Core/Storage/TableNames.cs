namespace WgeoFlows.Storage;

/// <summary>The tables and containers WgeoFlows owns. Each table's partition design is described where it is used.</summary>
public static class TableNames
{
    /// <summary>PK = request id: the request record, its timeline, its link stages, its emails and matches.</summary>
    public const string Requests = "WgeoRequests";
    /// <summary>PK = "sub|" + submission id: one row per accepted submission, for deduplication.</summary>
    public const string Submissions = "WgeoSubmissions";
    /// <summary>PK = listing key ("all", "status|X", "platform|Y"), RK = inverted submit time + id: newest first.</summary>
    public const string AdminIndex = "WgeoAdminIndex";
    /// <summary>PK = "partner", RK = partner id.</summary>
    public const string Partners = "WgeoPartners";
    /// <summary>PK = platform, RK = stage + email.</summary>
    public const string Reviewers = "WgeoReviewers";

    public const string AttachmentsContainer = "wgeo-attachments";

    public static readonly string[] AllTables = [Requests, Submissions, AdminIndex, Partners, Reviewers];
}
