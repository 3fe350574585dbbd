using System.Globalization;
using Microsoft.AspNetCore.Http;
using WgeoFlows.Localization;
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

    /// <summary>Addresses, links and amounts are written left to right in every language: in an Arabic page their inputs
    /// keep that direction, so that what is typed reads as it will be used.</summary>
    public bool LeftToRight => InputType is "email" or "url" || Name == FormFields.Budget;
}

/// <param name="Lang">The language the label is written in when it is not the page's (the language list names each
/// language in itself), so that screen readers pronounce it.</param>
public sealed record FormOptionView(string Value, string Label, bool Selected, string Id, string? Lang = null);

public sealed record FormSectionView(string Legend, IReadOnlyList<FormFieldView> Fields);

/// <summary>Builds the form page's sections from the taxonomies, the words of one language, the values posted (if any) and
/// the errors by field.</summary>
public static class FormView
{
    public static IReadOnlyList<FormSectionView> Sections(Texts texts, IFormCollection? posted, IReadOnlyDictionary<string, string> errors)
    {
        var language = texts.Language.Code;
        string Value(string name) => posted?[name].FirstOrDefault() ?? "";
        bool IsChosen(string name, string value) => posted is not null && posted[name].Contains(value);

        FormFieldView Input(string name, string inputType, bool required, string? autocomplete, int? maxLength, string kind = "input") => new(
            name, FormFields.IdOf(name), kind, inputType, FormTexts.Label(texts, name), FormTexts.Hint(texts, name), "h-" + FormFields.IdOf(name),
            errors.GetValueOrDefault(name), "e-" + FormFields.IdOf(name), Value(name), [], required, autocomplete, maxLength);

        FormFieldView Select(string name, IEnumerable<FormOptionView> options, string? autocomplete, string? chosen = null)
        {
            var current = posted is null ? chosen ?? "" : Value(name);
            return Input(name, "", true, autocomplete, null, "select") with
            {
                Options = [.. options.Select(o => o with { Selected = o.Value == current })],
            };
        }

        FormFieldView Checkboxes(string name, IReadOnlyList<TaxonomyTerm> terms, bool required) =>
            Input(name, "checkbox", required, null, null, "checkboxes") with
            {
                Options = [.. terms.Select(t => new FormOptionView(t.Id, t.Label(language), IsChosen(name, t.Id), $"{FormFields.IdOf(name)}-{t.Id}"))],
            };

        // Country names in the page's language, in the order its readers look for them (its collation, not code points).
        var collation = StringComparer.Create(texts.Culture, CompareOptions.IgnoreCase);
        var countries = CountryCatalog.Default.All
            .Select(c => new FormOptionView(c.Code, CountryCatalog.Default.NameIn(c.Code, language), false, ""))
            .OrderBy(o => o.Label, collation);
        // Each language is named in itself, as people look for their own; the page's language is the default.
        var languages = Languages.All.Select(l => new FormOptionView(l.Code, l.NativeName, false, "", l.Code == language ? null : l.Code));
        return
        [
            new(texts["form.section.organization"],
            [
                Input("organization.name", "text", true, "organization", SubmissionValidator.MaxOrganizationNameLength),
                Select("organization.platform", Terms(Taxonomy.Platforms, language), null),
                Select("organization.country", countries, "country"),
                Input("organization.website", "url", false, "url", SubmissionValidator.MaxWebsiteLength),
            ]),
            new(texts["form.section.contact"],
            [
                Input("contact.name", "text", true, "name", SubmissionValidator.MaxContactNameLength),
                Input("contact.email", "email", true, "email", SubmissionValidator.MaxEmailLength),
                Select("contact.language", languages, null, chosen: language),
            ]),
            new(texts["form.section.request"],
            [
                Input("request.title", "text", true, null, SubmissionValidator.MaxTitleLength),
                Input("request.description", "", true, null, SubmissionValidator.MaxDescriptionLength, "textarea"),
                Checkboxes("request.thematicAreas", Taxonomy.ThematicAreas, true),
                Checkboxes("request.supportTypes", Taxonomy.SupportTypes, true),
                Checkboxes("request.preferredRegions", Taxonomy.Regions, false),
                Input("request.budgetUsd", "text", false, null, 20),
                Input("request.neededBy", "date", false, null, null),
            ]),
            new(texts["form.section.attachments"],
            [
                Input(FormFields.Attachments, "file", false, null, null, "file") with { Hint = AttachmentHint(texts) },
            ]),
            new(FormTexts.Label(texts, FormFields.ConsentToPublish),
            [
                // The hint's words are the checkbox's own label, so they are not repeated as a hint.
                Input(FormFields.ConsentToPublish, "checkbox", false, null, null, "checkboxes") with
                {
                    Hint = "",
                    Options = [new FormOptionView("true", FormTexts.Hint(texts, FormFields.ConsentToPublish), IsChosen(FormFields.ConsentToPublish, "true"),
                        FormFields.IdOf(FormFields.ConsentToPublish) + "-true")],
                },
            ]),
        ];
    }

    /// <summary>The file input's accept list: every allowed extension.</summary>
    public static string AcceptedExtensions => string.Join(',', AttachmentPolicy.AllowedTypes.SelectMany(t => t.Extensions));

    /// <summary>The kinds of file accepted, then the limits.</summary>
    public static string AttachmentHint(Texts texts) => $"{FormTexts.Hint(texts, FormFields.Attachments)} {FormTexts.AttachmentLimitText(texts)}";

    private static IEnumerable<FormOptionView> Terms(IReadOnlyList<TaxonomyTerm> terms, string language) =>
        terms.Select(t => new FormOptionView(t.Id, t.Label(language), false, ""));
}
