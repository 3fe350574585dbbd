using System.Reflection;
using System.Text.Json;

namespace WgeoFlows.Intake.Form;

/// <summary>The form page's words in one language (form-texts.json). Each field has a label, a hint and the message shown
/// next to it when it is wrong.</summary>
public sealed record FormLanguage(
    string Title, string Intro, string LanguageNav, string Required, string Choose, string Submit, string ErrorSummary,
    string ErrorPrefix, string FilesAgain, string Unavailable, string Expired,
    IReadOnlyDictionary<string, string> Sections, IReadOnlyDictionary<string, string[]> Fields,
    FormAcceptedTexts Accepted, string[] Conflict, string[] Refused)
{
    public string Label(string field) => Fields[field][0];
    public string Hint(string field) => Fields[field][1];
    public string Error(string field) => Fields[field][2];
}

/// <param name="Confirm">Said instead of <paramref name="Keep"/> when the request waits for its requester's confirmation.</param>
public sealed record FormAcceptedTexts(string Heading, string Reference, string Keep, string Status, string Duplicate, string Another,
    string Confirm = "");

public static class FormTexts
{
    public const string DefaultLanguage = "en";
    private static readonly Lazy<IReadOnlyDictionary<string, FormLanguage>> All = new(Load);

    public static IReadOnlyCollection<string> Languages => All.Value.Keys.ToList();

    /// <summary>The language asked for when the form has it, else English.</summary>
    public static string Resolve(string? language) =>
        language is not null && All.Value.ContainsKey(language) ? language : DefaultLanguage;

    public static FormLanguage For(string? language) => All.Value[Resolve(language)];

    private static IReadOnlyDictionary<string, FormLanguage> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("WgeoFlows.Intake.Form.form-texts.json")
            ?? throw new InvalidOperationException("form-texts.json is not embedded.");
        var texts = JsonSerializer.Deserialize<Dictionary<string, FormLanguage>>(stream, Shared.WgeoJson.Options)
            ?? throw new InvalidOperationException("form-texts.json is empty.");
        var fields = FormFields.Texts.Concat(FormFields.Choices).Concat(FormFields.Lists)
            .Append(FormFields.Budget).Append(FormFields.Attachments).Append(FormFields.ConsentToPublish).ToList();
        foreach (var (language, words) in texts)
        {
            var missing = fields.Where(f => !words.Fields.TryGetValue(f, out var w) || w.Length != 3).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"form-texts.json ({language}) lacks label, hint and error of: {string.Join(", ", missing)}.");
        }
        return texts;
    }
}
