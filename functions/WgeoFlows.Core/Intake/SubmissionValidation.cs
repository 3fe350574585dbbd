using System.Diagnostics.CodeAnalysis;
using WgeoFlows.Workflow;

namespace WgeoFlows.Intake;

/// <summary>The outcome of <see cref="SubmissionValidator.Validate"/>: a normalised submission, or the errors of
/// every bad field keyed by its JSON path (the <c>errors</c> object of the 400 problem details).</summary>
public sealed class SubmissionValidation
{
    private SubmissionValidation(ValidSubmission? submission, IReadOnlyDictionary<string, string[]> errors)
    {
        Submission = submission;
        Errors = errors;
    }

    public ValidSubmission? Submission { get; }

    /// <summary>Empty when valid. Keys are JSON paths such as <c>organization.platform</c> or
    /// <c>request.thematicAreas[1]</c>; <c>$</c> is the body itself.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    [MemberNotNullWhen(true, nameof(Submission))]
    public bool IsValid => Submission is not null;

    internal static SubmissionValidation Valid(ValidSubmission submission) => new(submission, new Dictionary<string, string[]>());

    internal static SubmissionValidation Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);
}

/// <summary>A submission that passed validation: strings trimmed, ids lower case, the country upper case, lists
/// without duplicates (first occurrence kept), the language "en" when none was given, attachments decoded.</summary>
public sealed record ValidSubmission(
    string SubmissionId,
    Organization Organization,
    Contact Contact,
    string Title,
    string Description,
    IReadOnlyList<string> ThematicAreas,
    IReadOnlyList<string> SupportTypes,
    IReadOnlyList<string> PreferredRegions,
    decimal? BudgetUsd,
    DateOnly? NeededBy,
    IReadOnlyList<ValidAttachment> Attachments,
    bool ConsentToPublish = false)
{
    /// <summary>The request to store once its attachments are in blob storage.</summary>
    public SupportRequest ToSupportRequest(string requestId, DateTimeOffset submittedAt, IReadOnlyList<StoredAttachment> storedAttachments) => new()
    {
        RequestId = requestId,
        SubmissionId = SubmissionId,
        SubmittedAt = submittedAt,
        UpdatedAt = submittedAt,
        Organization = Organization,
        Contact = Contact,
        Title = Title,
        Description = Description,
        ThematicAreas = ThematicAreas,
        SupportTypes = SupportTypes,
        PreferredRegions = PreferredRegions,
        BudgetUsd = BudgetUsd,
        NeededBy = NeededBy,
        Attachments = storedAttachments,
        ConsentToPublish = ConsentToPublish,
        Status = RequestStatus.Received,
    };
}

/// <summary>A decoded attachment whose bytes match its content type.</summary>
/// <param name="FileName">The safe name (<see cref="AttachmentPolicy.SafeFileName"/>), unique within its request (case-insensitively).</param>
/// <param name="ContentType">The canonical media type, without parameters.</param>
public sealed record ValidAttachment(string FileName, string ContentType, byte[] Content)
{
    public long Size => Content.LongLength;
}
