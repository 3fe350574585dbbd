using WgeoFlows.Localization;

namespace WgeoFlows.Tests.Localization;

public sealed class PluralRulesTests
{
    [Theory]
    [InlineData("en", 1, "one")]
    [InlineData("en", 0, "other")]
    [InlineData("en", 2, "other")]
    [InlineData("fr", 0, "one")]
    [InlineData("fr", 1, "one")]
    [InlineData("fr", 2, "other")]
    [InlineData("fr", 1_000_000, "many")]
    [InlineData("es", 0, "other")]
    [InlineData("pt", 0, "one")]
    [InlineData("ru", 1, "one")]
    [InlineData("ru", 21, "one")]
    [InlineData("ru", 11, "many")]
    [InlineData("ru", 3, "few")]
    [InlineData("ru", 14, "many")]
    [InlineData("ru", 5, "many")]
    [InlineData("ar", 0, "zero")]
    [InlineData("ar", 2, "two")]
    [InlineData("ar", 103, "few")]
    [InlineData("ar", 111, "many")]
    [InlineData("ar", 100, "other")]
    [InlineData("zh", 1, "other")]
    public void Whole_numbers_fall_in_CLDR_s_categories(string language, long n, string category) =>
        PluralRules.Category(language, n).ShouldBe(category);
}
