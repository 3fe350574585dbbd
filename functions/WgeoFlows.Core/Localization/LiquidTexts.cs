using Fluid;
using Fluid.Values;

namespace WgeoFlows.Localization;

/// <summary>
/// The Liquid filter "t" that page and email templates read the catalog with:
/// <c>{{ "mail.layout.reference" | t: reference: request.requestId }}</c>. Named arguments fill the text's placeholders; a
/// "count" argument picks the plural entry. The result is a plain string, so the template's HTML encoder encodes it and
/// every value in it (catalog texts hold no markup).
/// </summary>
public static class LiquidTexts
{
    private const string AmbientKey = "wgeo.texts";

    /// <summary>Registers the filter on options that templates are rendered with.</summary>
    public static TemplateOptions AddTexts(this TemplateOptions options)
    {
        options.Filters.AddFilter("t", Translate);
        return options;
    }

    /// <summary>Makes <paramref name="texts"/> the language the context's "t" filter reads, and exposes the language
    /// to the template as "lang" (code, direction, native name).</summary>
    public static TemplateContext UseTexts(this TemplateContext context, Texts texts)
    {
        context.AmbientValues[AmbientKey] = texts;
        context.SetValue("lang", new { code = texts.Language.Code, dir = texts.Language.Direction, name = texts.Language.NativeName });
        return context;
    }

    private static ValueTask<FluidValue> Translate(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (!context.AmbientValues.TryGetValue(AmbientKey, out var value) || value is not Texts texts)
        {
            throw new InvalidOperationException("The template uses the \"t\" filter without a language: call UseTexts on its context.");
        }
        var key = input.ToStringValue();
        var values = arguments.Names.Where(n => n != "count").Select(n => (n, (object?)Plain(arguments[n]))).ToArray();
        if (arguments.Names.Contains("count"))
        {
            var count = (long)arguments["count"].ToNumberValue();
            return new StringValue(texts.Plural(key, count, values));
        }
        return new StringValue(texts.Format(key, values));
    }

    /// <summary>A Liquid value as the text shows it: numbers formatted for the culture by <see cref="Texts"/>.</summary>
    private static object? Plain(FluidValue value) => value switch
    {
        NilValue => null,
        NumberValue number => number.ToNumberValue(),
        _ => value.ToStringValue(),
    };
}
