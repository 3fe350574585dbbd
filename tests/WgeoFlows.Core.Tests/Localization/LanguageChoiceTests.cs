using Microsoft.AspNetCore.Http;
using WgeoFlows.Localization;

namespace WgeoFlows.Tests.Localization;

public sealed class LanguageChoiceTests
{
    private static PageLanguage Choose(string? query = null, string? cookie = null, string? acceptLanguage = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/status/WG-ABCDE-FGHJK";
        if (query is not null) context.Request.QueryString = new QueryString(query);
        if (cookie is not null) context.Request.Headers.Cookie = $"{LanguageChoice.CookieName}={cookie}";
        if (acceptLanguage is not null) context.Request.Headers.AcceptLanguage = acceptLanguage;
        return LanguageChoice.For(context);
    }

    [Fact]
    public void The_query_wins_over_the_cookie_and_the_browser() =>
        Choose("?lang=ar", cookie: "ru", acceptLanguage: "zh-CN").Code.ShouldBe("ar");

    [Fact]
    public void Of_two_lang_parameters_the_last_one_wins() => Choose("?lang=en&lang=ar").Code.ShouldBe("ar");

    [Fact]
    public void The_cookie_wins_over_the_browser() => Choose(cookie: "ru", acceptLanguage: "zh-CN,zh;q=0.9").Code.ShouldBe("ru");

    [Theory]
    [InlineData("pt-BR,pt;q=0.9,en;q=0.8", "pt")]
    [InlineData("de-DE,de;q=0.9,fr;q=0.5,en;q=0.4", "fr")]
    [InlineData("zh-Hant-TW", "zh")]
    [InlineData("en;q=0.2, ar-EG", "ar")]
    [InlineData("de, it", "en")]
    [InlineData("", "en")]
    [InlineData("not a header;;q=x", "en")]
    public void The_browser_s_first_supported_language_by_quality(string header, string expected) =>
        Choose(acceptLanguage: header).Code.ShouldBe(expected);

    [Fact]
    public void An_unknown_query_or_cookie_is_ignored() => Choose("?lang=xx", cookie: "de").Code.ShouldBe("en");

    [Fact]
    public void The_switcher_lists_all_seven_each_in_its_own_language_keeping_the_query()
    {
        var choice = Choose("?lang=ru&x=a%20b");
        choice.Switcher.Select(l => l.Name).ShouldBe(["العربية", "English", "Español", "Français", "Português", "Русский", "中文"]);
        choice.Switcher.Single(l => l.Current).Code.ShouldBe("ru");
        choice.Switcher.Single(l => l.Code == "zh").Href.ShouldBe("/api/status/WG-ABCDE-FGHJK?x=a%20b&lang=zh");
    }

    [Fact]
    public void A_chosen_language_is_remembered_in_a_cookie()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?lang=zh");
        LanguageChoice.For(context);
        context.Response.Headers.SetCookie.ToString().ShouldStartWith($"{LanguageChoice.CookieName}=zh;");
    }
}
