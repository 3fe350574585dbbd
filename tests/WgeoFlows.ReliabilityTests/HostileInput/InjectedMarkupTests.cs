using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WgeoFlows.Testing.Browser;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.HostileInput;

/// <summary>A valid submission whose texts are script, event-handler and template payloads: every email and page shows
/// them as text. Checked in the mails' HTML, in the admin JSON, and in headless Chromium on the review page and the
/// status page, where each payload would set window.__pwned or the title if it ran.</summary>
public sealed class InjectedMarkupTests(HostileStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Title = HostileStrings.Markup[0];
    private static readonly string OrganizationName = HostileStrings.Markup[1];
    private static readonly string ContactName = HostileStrings.Markup[2];
    private const string Template = "{{ 7 | times: 191 }}";
    private const string TemplateRendered = "1337";
    private static readonly string Description =
        SamplePayloads.Description + " " + HostileStrings.Markup[4] + " " + Template + " " + HostileStrings.Markup[9];

    private static readonly string[] RawPayloads = HostileStrings.Markup.Where(m => m.Contains('<', StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task Injected_markup_shows_as_text_in_mails_admin_json_and_pages_and_no_script_runs()
    {
        var payload = SamplePayloads.Valid("hostile-markup");
        payload["request"]!["title"] = Title;
        payload["request"]!["description"] = Description;
        payload["organization"]!["name"] = OrganizationName;
        payload["contact"]!["name"] = ContactName;
        using var response = await stack.Client.SubmitAsync(payload);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var requestId = body.GetProperty("requestId").GetString()!;
        var statusPath = new Uri(body.GetProperty("statusUrl").GetString()!).PathAndQuery;

        var review = await stack.Client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "review"), "review request", TimeSpan.FromSeconds(90));
        var acknowledgement = await stack.Client.WaitForMailAsync(requestId, m => m.To.Contains("amina@example.org"), "acknowledgement", TimeSpan.FromSeconds(90));
        await stack.Client.WaitForStatusAsync(requestId, "InReview", TimeSpan.FromSeconds(90));

        foreach (var mail in new[] { review, acknowledgement })
        {
            RawPayloads.Where(p => mail.Html.Contains(p, StringComparison.Ordinal)).ShouldBeEmpty($"raw markup in the HTML of '{mail.Subject}'");
            (mail.Text + mail.Html).ShouldNotContain(TemplateRendered, customMessage: $"a template in user text was run in '{mail.Subject}'");
        }
        review.Html.ShouldContain("&lt;script&gt;");
        review.Text.ShouldContain(Template);

        var detail = await stack.Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        StringsIn(detail).ShouldContain(Title, "the admin JSON keeps the title as it was sent");
        StringsIn(detail).ShouldContain(Description);

        await using var browser = await BrowserSession.StartAsync();
        await ShouldShowAsTextAsync(browser, WgeoClient.LinkIn(review, "review"), "review page");
        await ShouldShowAsTextAsync(browser, statusPath, "status page");

        // Looking at the review page (GET) decided nothing.
        (await stack.Client.StatusOfAsync(requestId)).ShouldBe("InReview");
    }

    private async Task ShouldShowAsTextAsync(BrowserSession browser, string path, string what)
    {
        var page = await browser.NewPageAsync(stack.Host.BaseUrl);
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        response!.Status.ShouldBe(200, what);
        // Give onerror/onload handlers (a broken image, an svg) time to fire had they been real elements.
        await page.WaitForTimeoutAsync(500);
        (await page.EvaluateAsync<bool>($"() => typeof window.{HostileStrings.PwnedFlag} === 'undefined'")).ShouldBeTrue($"a script ran on the {what}");
        (await page.TitleAsync()).ShouldNotContain(HostileStrings.PwnedTitle, customMessage: $"a script changed the {what}'s title");
        (await page.Locator("script:not([src]), img[src='x'], svg[onload], iframe[srcdoc]").CountAsync()).ShouldBe(0, $"injected elements on the {what}");
        var text = await page.InnerTextAsync("body");
        text.ShouldContain(Title, customMessage: $"the {what} shows the title as text");
        await BrowserSession.ScreenshotAsync(page, "hostile-markup-" + what.Replace(' ', '-'));
        await page.Context.CloseAsync();
    }

    private static List<string> StringsIn(JsonElement element)
    {
        var found = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: found.Add(e.GetString()!); break;
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Walk(p.Value); break;
                case JsonValueKind.Array: foreach (var i in e.EnumerateArray()) Walk(i); break;
            }
        }
        Walk(element);
        return found;
    }
}
