namespace WgeoFlows.Reference;

/// <summary>The names of the contract's languages in the seven served languages, from CLDR (the embedded
/// language-names.json, written by tools/cldr/country-names.mjs).</summary>
internal static class LanguageNames
{
    private static readonly Lazy<CldrNamesFile> Data = new(() => EmbeddedReferenceData.Read<CldrNamesFile>("language-names"));

    public static string CldrVersion => Data.Value.CldrVersion;

    /// <summary>The name of language <paramref name="code"/> in <paramref name="language"/>, English when that language is not
    /// served; null for a code CLDR's file does not hold.</summary>
    public static string? NameIn(string code, string language) =>
        Data.Value.Names.TryGetValue(code, out var names)
            ? names.GetValueOrDefault(Localization.Languages.Resolve(language).Code) ?? names.GetValueOrDefault(Localization.Languages.Default)
            : null;
}

/// <summary>The shape of the generated CLDR name files: code → (language → name).</summary>
internal sealed record CldrNamesFile(string CldrVersion, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Names);
