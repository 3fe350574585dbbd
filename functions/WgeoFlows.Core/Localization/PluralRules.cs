namespace WgeoFlows.Localization;

/// <summary>
/// CLDR's plural categories (zero, one, two, few, many, other) for whole numbers in the seven languages, from CLDR's
/// plurals.json (the rules quoted beside each language; the tests check them against CLDR's own samples). A catalog
/// entry that depends on a count has one key per category its language uses: "form.attachments.limit#one", "…#other".
/// </summary>
public static class PluralRules
{
    public const string Separator = "#";

    /// <summary>The categories a language's whole numbers fall into, "other" always among them.</summary>
    public static IReadOnlyList<string> CategoriesOf(string language) => Languages.Resolve(language).Code switch
    {
        "ar" => ["zero", "one", "two", "few", "many", "other"],
        "ru" => ["one", "few", "many", "other"],
        "fr" or "es" or "pt" => ["one", "many", "other"],
        "zh" => ["other"],
        _ => ["one", "other"],
    };

    public static string Category(string language, long n)
    {
        var i = Math.Abs(n);
        return Languages.Resolve(language).Code switch
        {
            // zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99
            "ar" => i switch
            {
                0 => "zero",
                1 => "one",
                2 => "two",
                _ when i % 100 is >= 3 and <= 10 => "few",
                _ when i % 100 is >= 11 and <= 99 => "many",
                _ => "other",
            },
            // one: i % 10 = 1 and i % 100 != 11; few: i % 10 = 2..4 and i % 100 != 12..14; many: the rest of the integers
            "ru" => (i % 10, i % 100) switch
            {
                (1, not 11) => "one",
                ( >= 2 and <= 4, not (>= 12 and <= 14)) => "few",
                _ => "many",
            },
            // one: i = 0,1 (French, Portuguese) or n = 1 (Spanish); many: i != 0 and i % 1000000 = 0
            "fr" or "pt" when i is 0 or 1 => "one",
            "es" when i == 1 => "one",
            "fr" or "pt" or "es" when i != 0 && i % 1_000_000 == 0 => "many",
            "fr" or "pt" or "es" => "other",
            "zh" => "other",
            // one: i = 1 and v = 0
            _ => i == 1 ? "one" : "other",
        };
    }
}
