using System.Security.Cryptography;
using System.Text;

namespace WgeoFlows.Intake.Held;

public enum HeldState { Held, Released, Discarded }

/// <summary>
/// A correctly signed delivery whose answers could not be mapped to a valid request: kept whole (its raw body in Blob
/// Storage) for an admin, who releases it as a request (with the mapping or the fields corrected) or discards it.
/// <paramref name="Errors"/> are the field errors it was held for (contract path → messages, naming the form's field ref);
/// <paramref name="Organization"/>, <paramref name="ContactEmail"/> and <paramref name="Title"/> are what the mapping
/// found, so that an admin can tell held deliveries apart (cleared once it is released or discarded).
/// </summary>
public sealed record HeldDelivery(
    string Id,
    string Source,
    string SubmissionId,
    DateTimeOffset ReceivedAt,
    HeldState State,
    IReadOnlyDictionary<string, string[]> Errors,
    string? Organization,
    string? ContactEmail,
    string? Title,
    DateTimeOffset? NotifiedAt = null,
    string? RequestId = null,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null,
    string? Reason = null)
{
    public const string TypeformSource = "typeform";

    /// <summary>"held-" + 24 hex digits of a hash of the source and submission id: a redelivery of the same submission
    /// finds its held delivery, and the id says nothing about the submitter.</summary>
    public static string IdFor(string source, string submissionId) =>
        "held-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source + "|" + submissionId)))[..24];

    public static bool IsWellFormedId(string? id) =>
        id is { Length: 29 } && id.StartsWith("held-", StringComparison.Ordinal) && id[5..].All(char.IsAsciiHexDigitLower);

    public string BlobName => Id + ".json";
}
