using Microsoft.AspNetCore.Http;
using WgeoFlows.Reference;

namespace WgeoFlows.Intake.Form;

/// <summary>One input of the form page as the template draws it: its label, hint and error (each with an id that the input
/// names in aria-describedby), its current value, and its options for choices.</summary>
public sealed record FormFieldView(
    string Name, string Id, string Kind, string InputType, string Label, string Hint, string HintId, string? Error, string ErrorId,
    string Value, IReadOnlyList<FormOptionView> Options, bool Required, string? Autocomplete, int? MaxLength)
{
    public string DescribedBy => string.Join(' ', new[] { Hint.Length > 0 ? HintId : null, Error is null ? null : ErrorId }.OfType<string>());

    /// <summary>Where the error summary's link for this field points: the field, or its first checkbox.</summary>
    public string Anchor => Kind == "checkboxes" && Options.Count > 0 ? Options[0].Id : Id;
}

public sealed record FormOptionView(string Value, string Label, bool Selected, string Id);

public sealed record FormSectionView(string Legend, IReadOnlyList<FormFieldView> Fields);

/// <summary>Builds the form page's sections from the taxonomies, the words of one language, the values posted (if any) and
/// the errors by field.</summary>
public static class FormView
{
    public static IReadOnlyList<FormSectionView> Sections(string language, IFormCollection? posted, IReadOnlyDictionary<string, string> errors)
    {
        var texts = FormTexts.For(language);
        string Value(string name) => posted?[name].FirstOrDefault() ?? "";
        bool IsChosen(string name, string value) => posted is not null && posted[name].Contains(value);

        FormFieldView Input(string name, string inputType, bool required, string? autocomplete, int? maxLength, string kind = "input") => new(
            name, FormFields.IdOf(name), kind, inputType, texts.Label(name), texts.Hint(name), "h-" + FormFields.IdOf(name),
            errors.GetValueOrDefault(name), "e-" + FormFields.IdOf(name), Value(name), [], required, autocomplete, maxLength);

        FormFieldView Select(string name, IEnumerable<(string Value, string Label)> options, string? autocomplete, string? chosen = null)
        {
            var current = posted is null ? chosen ?? "" : Value(name);
            return Input(name, "", true, autocomplete, null, "select") with
            {
                Options = [.. options.Select(o => new FormOptionView(o.Value, o.Label, o.Value == current, ""))],
            };
        }

        FormFieldView Checkboxes(string name, IReadOnlyList<TaxonomyTerm> terms, bool required) =>
            Input(name, "checkbox", required, null, null, "checkboxes") with
            {
                Options = [.. terms.Select(t => new FormOptionView(t.Id, t.Label(language), IsChosen(name, t.Id), $"{FormFields.IdOf(name)}-{t.Id}"))],
            };

        var countries = CountryCatalog.Default.All.OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true))
            .Select(c => (c.Code, c.Name));
        return
        [
            new(texts.Sections["organization"],
            [
                Input("organization.name", "text", true, "organization", SubmissionValidator.MaxOrganizationNameLength),
                Select("organization.platform", Terms(Taxonomy.Platforms, language), null),
                Select("organization.country", countries, "country"),
                Input("organization.website", "url", false, "url", SubmissionValidator.MaxWebsiteLength),
            ]),
            new(texts.Sections["contact"],
            [
                Input("contact.name", "text", true, "name", SubmissionValidator.MaxContactNameLength),
                Input("contact.email", "email", true, "email", SubmissionValidator.MaxEmailLength),
                Select("contact.language", Terms(Taxonomy.Languages, language), null, chosen: language),
            ]),
            new(texts.Sections["request"],
            [
                Input("request.title", "text", true, null, SubmissionValidator.MaxTitleLength),
                Input("request.description", "", true, null, SubmissionValidator.MaxDescriptionLength, "textarea"),
                Checkboxes("request.thematicAreas", Taxonomy.ThematicAreas, true),
                Checkboxes("request.supportTypes", Taxonomy.SupportTypes, true),
                Checkboxes("request.preferredRegions", Taxonomy.Regions, false),
                Input("request.budgetUsd", "text", false, null, 20),
                Input("request.neededBy", "date", false, null, null),
            ]),
            new(texts.Sections["attachments"],
            [
                Input(FormFields.Attachments, "file", false, null, null, "file") with { Hint = AttachmentHint(texts) },
            ]),
            new(texts.Label(FormFields.ConsentToPublish),
            [
                // The hint's words are the checkbox's own label, so they are not repeated as a hint.
                Input(FormFields.ConsentToPublish, "checkbox", false, null, null, "checkboxes") with
                {
                    Hint = "",
                    Options = [new FormOptionView("true", texts.Hint(FormFields.ConsentToPublish), IsChosen(FormFields.ConsentToPublish, "true"),
                        FormFields.IdOf(FormFields.ConsentToPublish) + "-true")],
                },
            ]),
        ];
    }

    /// <summary>The file input's accept list: every allowed extension.</summary>
    public static string AcceptedExtensions => string.Join(',', AttachmentPolicy.AllowedTypes.SelectMany(t => t.Extensions));

    private static string AttachmentHint(FormLanguage texts)
    {
        var limits = AttachmentLimits.Default;
        return texts.Hint(FormFields.Attachments)
            .Replace("{files}", limits.MaxFiles.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{perFile}", $"{limits.MaxFileBytes / AttachmentLimits.MiB} MiB", StringComparison.Ordinal)
            .Replace("{total}", $"{limits.MaxTotalBytes / AttachmentLimits.MiB} MiB", StringComparison.Ordinal);
    }

    private static IEnumerable<(string, string)> Terms(IReadOnlyList<TaxonomyTerm> terms, string language) =>
        terms.Select(t => (t.Id, t.Label(language)));
}
