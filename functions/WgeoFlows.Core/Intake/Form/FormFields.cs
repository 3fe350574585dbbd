namespace WgeoFlows.Intake.Form;

/// <summary>The form's field names: the contract path each one fills, so that a validation error's path names its field.</summary>
public static class FormFields
{
    public const string Token = "formToken";
    public const string Language = "lang";
    public const string Attachments = "attachments";

    public static readonly string[] Texts =
    [
        "organization.name", "organization.website", "contact.name", "contact.email",
        "request.title", "request.description", "request.neededBy",
    ];
    public static readonly string[] Choices = ["organization.platform", "organization.country", "contact.language"];
    public static readonly string[] Lists = ["request.thematicAreas", "request.supportTypes", "request.preferredRegions"];
    public const string Budget = "request.budgetUsd";
    /// <summary>One checkbox (value "true"): the contract extension consentToPublish.</summary>
    public const string ConsentToPublish = "consentToPublish";

    /// <summary>The form field an error path belongs to: <c>request.thematicAreas[1]</c> → <c>request.thematicAreas</c>,
    /// <c>attachments[0].contentBase64</c> → <c>attachments</c>; null for errors of no single field.</summary>
    public static string? FieldOf(string errorPath)
    {
        var bracket = errorPath.IndexOf('[');
        var field = bracket < 0 ? errorPath : errorPath[..bracket];
        return field == Attachments || field == Budget || field == ConsentToPublish || Texts.Contains(field) || Choices.Contains(field) || Lists.Contains(field)
            ? field
            : null;
    }

    /// <summary>The HTML id of a field: <c>organization.name</c> → <c>f-organization-name</c>.</summary>
    public static string IdOf(string field) => "f-" + field.Replace('.', '-');
}
