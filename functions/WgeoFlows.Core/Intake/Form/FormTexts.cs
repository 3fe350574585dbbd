using WgeoFlows.Localization;

namespace WgeoFlows.Intake.Form;

/// <summary>
/// The catalog keys of the form's fields: each field has a label, an optional hint and the message shown next to it when
/// it is wrong. The keys are written out here, one line per field, so that the catalog tests see each of them read.
/// </summary>
public static class FormTexts
{
    private sealed record FieldKeys(string Label, string? Hint, string Error, int? MaxLength = null);

    private static readonly Dictionary<string, FieldKeys> Fields = new(StringComparer.Ordinal)
    {
        ["organization.name"] = new("form.organizationName.label", null, "form.organizationName.error", SubmissionValidator.MaxOrganizationNameLength),
        ["organization.platform"] = new("form.platform.label", "form.platform.hint", "form.platform.error"),
        ["organization.country"] = new("form.country.label", "form.country.hint", "form.country.error"),
        ["organization.website"] = new("form.website.label", "form.website.hint", "form.website.error"),
        ["contact.name"] = new("form.contactName.label", null, "form.contactName.error", SubmissionValidator.MaxContactNameLength),
        ["contact.email"] = new("form.email.label", "form.email.hint", "form.email.error"),
        ["contact.language"] = new("form.language.label", null, "form.language.error"),
        ["request.title"] = new("form.requestTitle.label", "form.requestTitle.hint", "form.requestTitle.error", SubmissionValidator.MaxTitleLength),
        ["request.description"] = new("form.description.label", "form.description.hint", "form.description.error", SubmissionValidator.MaxDescriptionLength),
        ["request.thematicAreas"] = new("form.thematicAreas.label", "form.thematicAreas.hint", "form.thematicAreas.error"),
        ["request.supportTypes"] = new("form.supportTypes.label", "form.supportTypes.hint", "form.supportTypes.error"),
        ["request.preferredRegions"] = new("form.regions.label", "form.optional", "form.regions.error"),
        ["request.budgetUsd"] = new("form.budget.label", "form.budget.hint", "form.budget.error"),
        ["request.neededBy"] = new("form.neededBy.label", "form.optional", "form.neededBy.error"),
        ["attachments"] = new("form.attachments.label", "form.attachments.hint", "form.attachments.error"),
        ["consentToPublish"] = new("form.consent.label", "form.consent.hint", "form.consent.error"),
    };

    /// <summary>Every field the form draws, so that a test can check each has its words.</summary>
    public static IReadOnlyCollection<string> FieldNames => Fields.Keys;

    public static string Label(Texts texts, string field) => texts[Fields[field].Label];

    public static string Hint(Texts texts, string field) => Fields[field].Hint is { } hint ? texts[hint] : "";

    /// <summary>The field's error; a text field's says how long it may be, counted in the page's language.</summary>
    public static string Error(Texts texts, string field)
    {
        var keys = Fields[field];
        return keys.MaxLength is { } max
            ? texts.Format(keys.Error, ("limit", texts.Plural("form.maxCharacters", max)))
            : texts[keys.Error];
    }

    /// <summary>"At most 5 files, 10 MiB each and 25 MiB in all", with the plural and the numbers of the language.</summary>
    public static string AttachmentLimitText(Texts texts)
    {
        var limits = AttachmentLimits.Default;
        string Size(long bytes) => texts.Format("form.size.mebibytes", ("size", bytes / AttachmentLimits.MiB));
        return texts.Plural("form.attachments.limit", limits.MaxFiles, ("perFile", Size(limits.MaxFileBytes)), ("total", Size(limits.MaxTotalBytes)));
    }
}
