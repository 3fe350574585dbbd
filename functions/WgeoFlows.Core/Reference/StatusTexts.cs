using System.Reflection;
using System.Text.Json;
using WgeoFlows.Workflow;

namespace WgeoFlows.Reference;

/// <summary>The words the requester's status page uses, per language (status-texts.json), falling back to English.</summary>
public sealed record StatusLanguage(string Heading, string Reference, string Progress, string Current, string Updated,
    IReadOnlyDictionary<string, string> Steps, IReadOnlyDictionary<string, string[]> Status);

public static class StatusTexts
{
    private static readonly Lazy<IReadOnlyDictionary<string, StatusLanguage>> All = new(Load);

    public static IReadOnlyCollection<string> Languages => All.Value.Keys.ToList();

    public static StatusLanguage For(string? language) =>
        language is not null && All.Value.TryGetValue(language, out var texts) ? texts : All.Value["en"];

    public static (string Title, string Explanation) Describe(RequestStatus status, string? language)
    {
        var texts = For(language).Status;
        var words = texts.TryGetValue(status.ToString(), out var w) ? w : For("en").Status[status.ToString()];
        return (words[0], words[1]);
    }

    private static IReadOnlyDictionary<string, StatusLanguage> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("WgeoFlows.Intake.Status.status-texts.json")
            ?? throw new InvalidOperationException("status-texts.json is not embedded.");
        return JsonSerializer.Deserialize<Dictionary<string, StatusLanguage>>(stream, Shared.WgeoJson.Options)
            ?? throw new InvalidOperationException("status-texts.json is empty.");
    }
}
