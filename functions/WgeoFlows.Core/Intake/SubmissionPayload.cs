using System.Text.Json.Serialization;

namespace WgeoFlows.Intake;

/// <summary>The intake webhook body, schema version 1 (CONTRACT.md). Every field is nullable so that
/// validation, not deserialisation, names each missing or bad field.</summary>
public sealed class SubmissionPayload
{
    [JsonPropertyName("submissionId")] public string? SubmissionId { get; set; }
    [JsonPropertyName("organization")] public OrganizationPayload? Organization { get; set; }
    [JsonPropertyName("contact")] public ContactPayload? Contact { get; set; }
    [JsonPropertyName("request")] public RequestDetailsPayload? Request { get; set; }
    [JsonPropertyName("attachments")] public List<AttachmentPayload?>? Attachments { get; set; }
}

public sealed class OrganizationPayload
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("platform")] public string? Platform { get; set; }
    [JsonPropertyName("country")] public string? Country { get; set; }
    [JsonPropertyName("website")] public string? Website { get; set; }
}

public sealed class ContactPayload
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("language")] public string? Language { get; set; }
}

public sealed class RequestDetailsPayload
{
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("thematicAreas")] public List<string?>? ThematicAreas { get; set; }
    [JsonPropertyName("supportTypes")] public List<string?>? SupportTypes { get; set; }
    [JsonPropertyName("preferredRegions")] public List<string?>? PreferredRegions { get; set; }
    [JsonPropertyName("budgetUsd")] public decimal? BudgetUsd { get; set; }
    [JsonPropertyName("neededBy")] public string? NeededBy { get; set; }
}

public sealed class AttachmentPayload
{
    [JsonPropertyName("fileName")] public string? FileName { get; set; }
    [JsonPropertyName("contentType")] public string? ContentType { get; set; }
    [JsonPropertyName("contentBase64")] public string? ContentBase64 { get; set; }
}
