using WgeoFlows.Notifications;

namespace WgeoFlows.Tests.Notifications;

/// <summary>A public page's link in a mail opens the page in the mail's language, without touching what is signed.</summary>
public sealed class PageLinksTests
{
    [Theory]
    [InlineData("https://wgeo.example/api/status/req-1?sig=abc", "ar", "https://wgeo.example/api/status/req-1?sig=abc&lang=ar")]
    [InlineData("https://wgeo.example/api/offer/tok.en-1", "pt", "https://wgeo.example/api/offer/tok.en-1?lang=pt")]
    [InlineData("https://wgeo.example/api/update/tok?lang=fr&x=1", "zh", "https://wgeo.example/api/update/tok?x=1&lang=zh")]
    [InlineData("https://wgeo.example/api/confirm/tok#top", "ru", "https://wgeo.example/api/confirm/tok?lang=ru#top")]
    public void The_language_is_set_in_the_query_and_nothing_else_changes(string link, string language, string expected) =>
        PageLinks.WithLanguage(link, language).ShouldBe(expected);

    [Fact]
    public void Only_public_page_links_get_the_language()
    {
        var values = new Dictionary<string, string>
        {
            [EmailValueKeys.StatusUrl] = "https://wgeo.example/api/status/req-1?sig=abc",
            [EmailValueKeys.ReviewLink] = "https://wgeo.example/api/review/tok",
            [EmailValueKeys.Question] = "Which settlements?",
        };

        var inLanguage = PageLinks.InLanguage(values, "es");

        inLanguage[EmailValueKeys.StatusUrl].ShouldEndWith("&lang=es");
        inLanguage[EmailValueKeys.ReviewLink].ShouldBe("https://wgeo.example/api/review/tok");
        inLanguage[EmailValueKeys.Question].ShouldBe("Which settlements?");
    }
}
