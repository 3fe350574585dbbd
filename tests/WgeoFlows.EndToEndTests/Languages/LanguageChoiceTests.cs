using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.InSevenLanguages;

/// <summary>How a browser ends up with a page's language: its Accept-Language, then the switcher (remembered in a cookie),
/// with <c>?lang=</c> over both; and the same pages working with script turned off.</summary>
public sealed class LanguageChoiceTests(LocalStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A request in English and its status page's path without any <c>lang</c>.</summary>
    private async Task<(string RequestId, string StatusPath)> SubmitAsync(string name)
    {
        var payload = SamplePayloads.Valid($"e2e-language-choice-{name}-{Guid.NewGuid():N}");
        payload["contact"]!["language"] = "en";
        using var response = await stack.Client.SubmitAsync(payload);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var status = new Uri(accepted.GetProperty("statusUrl").GetString()!);
        var query = string.Join('&', status.Query.TrimStart('?').Split('&').Where(p => !p.StartsWith("lang=", StringComparison.Ordinal)));
        return (accepted.GetProperty("requestId").GetString()!, $"{status.AbsolutePath}?{query}");
    }

    private static async Task ShouldBeInAsync(IPage page, string code)
    {
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(code);
        (await page.Locator("html").GetAttributeAsync("dir")).ShouldBe(SevenLanguages.Direction(code));
    }

    private static async Task<string?> LanguageCookieAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).SingleOrDefault(c => c.Name == "wgeo_lang")?.Value;

    private static Task<IResponse?> ClickSwitcherAsync(IPage page, string nativeName) =>
        PublicPages.ClickAndLoadAsync(page, page.Locator(SevenLanguages.SwitcherLinks).GetByText(nativeName, new() { Exact = true }));

    [Fact]
    public async Task The_browser_language_chooses_the_first_page_the_switcher_is_remembered_across_pages_and_lang_in_the_query_wins()
    {
        var (requestId, statusPath) = await SubmitAsync("switcher");
        await using var browser = await BrowserSession.StartAsync();
        // A browser set to Chinese (China): it sends Accept-Language: zh-CN.
        var context = await Viewport.Desktop.NewContextAsync(browser, stack.BaseUrl, locale: "zh-CN");
        var page = await context.NewPageAsync();

        (await page.GotoAsync("/api/form"))!.Status.ShouldBe(200);
        await ShouldBeInAsync(page, "zh");
        (await LanguageCookieAsync(context)).ShouldBeNull("Accept-Language chooses without being remembered");

        await ClickSwitcherAsync(page, "Русский");
        await ShouldBeInAsync(page, "ru");
        page.Url.ShouldContain("/api/form");
        (await LanguageCookieAsync(context)).ShouldBe("ru");

        // Another page, no lang in its address: the switcher's choice, over the browser's Chinese and the request's English.
        (await page.GotoAsync(statusPath))!.Status.ShouldBe(200);
        await ShouldBeInAsync(page, "ru");
        (await page.Locator("main").InnerTextAsync()).ShouldContain(requestId);

        (await page.GotoAsync(PublicPages.WithLanguage(statusPath, "es")))!.Status.ShouldBe(200);
        await ShouldBeInAsync(page, "es");
        (await LanguageCookieAsync(context)).ShouldBe("es");
    }

    [Fact]
    public async Task Without_script_the_form_is_sent_the_switcher_works_and_the_status_and_impact_pages_show_their_content()
    {
        await using var browser = await BrowserSession.StartAsync();
        var context = await Viewport.Phone.NewContextAsync(browser, stack.BaseUrl, script: false);
        var page = await context.NewPageAsync();

        (await page.GotoAsync("/api/form?lang=pt"))!.Status.ShouldBe(200);
        await ShouldBeInAsync(page, "pt");
        await PublicPages.FillValidFormAsync(page, $"noscript-{Guid.NewGuid():N}");
        var accepted = await PublicPages.SubmitAsync(page);
        accepted!.Status.ShouldBe(200);
        await ShouldBeInAsync(page, "pt");
        var requestId = (await page.Locator("#reference").InnerTextAsync()).Trim();
        requestId.ShouldStartWith("WG-");
        var statusLink = (await page.Locator("#status-link").GetAttributeAsync("href")).ShouldNotBeNull();

        await ClickSwitcherAsync(page, "Français");
        await ShouldBeInAsync(page, "fr");
        (await page.Locator("main form[method=post]").CountAsync()).ShouldBe(1);

        (await page.GotoAsync(statusLink))!.Status.ShouldBe(200);
        (await page.Locator("main").InnerTextAsync()).ShouldContain(requestId);
        await ClickSwitcherAsync(page, "العربية");
        await ShouldBeInAsync(page, "ar");
        (await page.Locator("main").InnerTextAsync()).ShouldContain(requestId);

        (await page.GotoAsync("/api/impact?lang=zh"))!.Status.ShouldBe(200);
        await ShouldBeInAsync(page, "zh");
        (await page.Locator("main h1").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.Locator("svg[role=img]").CountAsync()).ShouldBeGreaterThan(0);
    }
}
