using System.Globalization;
using Microsoft.Extensions.Localization;
using WgeoFlows.Localization.Catalogs;

namespace WgeoFlows.Localization;

/// <summary>
/// The message catalog, read through <see cref="IStringLocalizer"/> from Catalogs/Messages.{code}.resx. A singleton;
/// <see cref="For"/> gives the texts of one language.
/// </summary>
public sealed class TextCatalog
{
    private readonly IStringLocalizer _messages;

    public TextCatalog(IStringLocalizerFactory factory)
    {
        _messages = factory.Create(typeof(Messages));
    }

    /// <summary>A catalog for code outside dependency injection (tests, the benchmarks, static pages).</summary>
    public static TextCatalog Default { get; } = new(new ResourceManagerStringLocalizerFactory(
        Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

    /// <summary>The texts in <paramref name="language"/> when it is served, in English otherwise.</summary>
    public Texts For(string? language) => new(this, Languages.Resolve(language));

    /// <summary>The value of <paramref name="key"/> in <paramref name="language"/>'s catalog, or null when no catalog
    /// has it. The localizer reads the current UI culture, which is set here for the one synchronous lookup.</summary>
    internal string? Lookup(LanguageInfo language, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language.Culture;
        try
        {
            var text = _messages[key];
            return text.ResourceNotFound ? null : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Every key of the catalog of <paramref name="language"/> (its own file only, without English's).</summary>
    public IReadOnlyDictionary<string, string> Entries(string language)
    {
        var previous = CultureInfo.CurrentUICulture;
        // The catalog file's own culture: "zh", where formatting uses "zh-Hans" (whose parent is "zh").
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.Resolve(language).Code);
        try
        {
            return _messages.GetAllStrings(includeParentCultures: language == Languages.Default)
                .ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
