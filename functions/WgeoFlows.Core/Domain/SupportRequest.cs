namespace WgeoFlows.Domain;

/// <summary>A request as stored once intake has accepted it: validated, normalised, immutable apart
/// from its status and the information the requester adds when a reviewer asks for it.</summary>
public sealed record SupportRequest
{
    public required string RequestId { get; init; }
    public required string SubmissionId { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required Organization Organization { get; init; }
    public required Contact Contact { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required IReadOnlyList<string> ThematicAreas { get; init; }
    public required IReadOnlyList<string> SupportTypes { get; init; }
    public IReadOnlyList<string> PreferredRegions { get; init; } = [];
    public decimal? BudgetUsd { get; init; }
    public DateOnly? NeededBy { get; init; }
    public IReadOnlyList<StoredAttachment> Attachments { get; init; } = [];
    public IReadOnlyList<InformationExchange> AddedInformation { get; init; } = [];
    /// <summary>The requester agrees that the impact page may name its organisation once matched (contract extension).</summary>
    public bool ConsentToPublish { get; init; }
    public RequestStatus Status { get; init; } = RequestStatus.Received;
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>When the request's personal data was erased (on request, or after <c>Privacy:RetainFor</c>); null while it
    /// is kept. Optional in stored JSON: records written before erasure existed read as not erased.</summary>
    public DateTimeOffset? ErasedAt { get; init; }
}

public sealed record Organization(string Name, string Platform, string Country, string? Website);

public sealed record Contact(string Name, string Email, string Language);

public sealed record StoredAttachment(string FileName, string ContentType, long Size, string BlobName);

/// <summary>A reviewer's question and the requester's answer (the "more information" loop).</summary>
public sealed record InformationExchange(string Question, string AskedBy, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt);
