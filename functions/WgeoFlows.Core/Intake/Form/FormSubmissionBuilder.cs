using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using WgeoFlows.Reference;

namespace WgeoFlows.Intake.Form;

/// <summary>
/// Builds the contract's submission JSON from a posted form, exactly what a form service would send to the webhook, so
/// that the form goes through the same validation and intake. It only reshapes (empty inputs are left out, the budget
/// becomes a number when it reads as one); judging the values is left to the validator.
/// </summary>
public static class FormSubmissionBuilder
{
    /// <summary>The submission id of a form post: one per issued form token.</summary>
    public static string SubmissionIdFor(string nonce) => "form:" + nonce;

    public static async Task<JsonObject> BuildAsync(string nonce, IFormCollection form, CancellationToken cancellationToken)
    {
        // The three sections always exist, so that a form left empty gets an error on each required field, not on a section.
        var submission = new JsonObject
        {
            ["submissionId"] = SubmissionIdFor(nonce),
            ["organization"] = new JsonObject(),
            ["contact"] = new JsonObject(),
            ["request"] = new JsonObject(),
        };
        foreach (var field in FormFields.Texts)
        {
            var value = Single(form, field);
            if (value is not null) Place(submission, field, JsonValue.Create(value));
        }
        foreach (var field in FormFields.Choices)
        {
            var value = Single(form, field);
            if (value is not null) Place(submission, field, JsonValue.Create(ChoiceId(field, value)));
        }
        foreach (var field in FormFields.Lists)
        {
            var values = form[field].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode?)JsonValue.Create(ChoiceId(field, v!))).ToArray();
            if (values.Length > 0) Place(submission, field, new JsonArray(values));
        }
        if (Single(form, FormFields.Budget) is { } budget)
        {
            var amount = budget.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            Place(submission, FormFields.Budget, decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(budget));
        }
        // Unchecked boxes are not posted: absent means no consent, as in the JSON payload.
        if (Single(form, FormFields.ConsentToPublish) == "true") submission[FormFields.ConsentToPublish] = true;
        var files = form.Files.GetFiles(FormFields.Attachments).Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (files.Count > 0)
        {
            var attachments = new JsonArray();
            foreach (var file in files) attachments.Add(await AttachmentAsync(file, cancellationToken));
            submission[FormFields.Attachments] = attachments;
        }
        return submission;
    }

    /// <summary>One uploaded file as a contract attachment. The content type comes from the extension when it is an allowed
    /// one (browsers disagree on types, e.g. CSV as application/vnd.ms-excel); the bytes are still checked against it.</summary>
    private static async Task<JsonObject> AttachmentAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file.FileName);
        var type = AttachmentPolicy.AllowedTypes.FirstOrDefault(t => t.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return new JsonObject
        {
            ["fileName"] = file.FileName,
            ["contentType"] = type?.ContentType ?? (string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType),
            ["contentBase64"] = Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length),
        };
    }

    /// <summary>The id a posted choice stands for: the form posts ids, but a choice may also come by its label in any of the
    /// seven languages (a form filled by a script or another page); an unknown value goes on as posted, for the validator.</summary>
    private static string ChoiceId(string field, string value) => ChoiceLabels.ToId(field, value) ?? value;

    private static string? Single(IFormCollection form, string name) => form[name].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static void Place(JsonObject submission, string path, JsonNode? value)
    {
        var dot = path.IndexOf('.');
        var (parent, name) = (path[..dot], path[(dot + 1)..]);
        if (submission[parent] is not JsonObject section) submission[parent] = section = new JsonObject();
        section[name] = value;
    }
}
