using System.Globalization;

namespace WgeoFlows.Localization;

/// <summary>A language the requester and partner pages and emails are written in.</summary>
/// <param name="Code">The contract's code (<c>contact.language</c>, <c>?lang=</c>, the catalog file's suffix).</param>
/// <param name="NativeName">The language's name written in that language, as the language switcher shows it.</param>
/// <param name="CultureName">The culture whose conventions format its dates and numbers (Chinese is Simplified).</param>
public sealed record LanguageInfo(string Code, string NativeName, string CultureName, bool RightToLeft)
{
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(CultureName);

    /// <summary>The HTML <c>dir</c> attribute's value.</summary>
    public string Direction => RightToLeft ? "rtl" : "ltr";
}

/// <summary>
/// The seven languages served: the six official languages of the United Nations and Portuguese. Adding one means adding
/// its catalog (Catalogs/Messages.{code}.resx) and a line here.
/// </summary>
public static class Languages
{
    public const string Default = "en";

    /// <summary>In the order the switcher lists them: by code, so that no language comes first by preference.</summary>
    public static readonly IReadOnlyList<LanguageInfo> All =
    [
        new("ar", "العربية", "ar", RightToLeft: true),
        new("en", "English", "en", RightToLeft: false),
        new("es", "Español", "es", RightToLeft: false),
        new("fr", "Français", "fr", RightToLeft: false),
        new("pt", "Português", "pt", RightToLeft: false),
        new("ru", "Русский", "ru", RightToLeft: false),
        new("zh", "中文", "zh-Hans", RightToLeft: false),
    ];

    private static readonly Dictionary<string, LanguageInfo> ByCode = All.ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Codes { get; } = All.Select(l => l.Code).ToList();

    public static bool IsSupported(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>The language for <paramref name="code"/> when served, English otherwise.</summary>
    public static LanguageInfo Resolve(string? code) => code is not null && ByCode.TryGetValue(code, out var language) ? language : ByCode[Default];
}
