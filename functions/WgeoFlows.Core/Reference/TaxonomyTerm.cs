namespace WgeoFlows.Reference;

/// <summary>One term of a taxonomy: a stable lower-case id (part of the public contract) and its labels by language code.</summary>
public sealed record TaxonomyTerm(string Id, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The label in <paramref name="language"/>, else English, else the id.</summary>
    public string Label(string language = "en") =>
        Labels.GetValueOrDefault(language) ?? Labels.GetValueOrDefault("en") ?? Id;
}
