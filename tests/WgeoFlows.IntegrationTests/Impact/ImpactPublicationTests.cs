using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Impact;
using WgeoFlows.Localization;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Impact;

/// <summary>The public page, data.json and data.csv: the same figures, cached, in seven languages, and never a
/// personal detail even when the requests behind them carry distinctive names and addresses.</summary>
public sealed partial class ImpactPublicationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private readonly ImpactStack _stack = new(azurite);
    private readonly List<string> _requests = [];

    [Fact]
    public async Task Page_json_and_csv_name_no_contact_and_no_email_address()
    {
        await SeedAsync();
        foreach (var body in new[] { await GetAsync("page", "lang=en"), await GetAsync("json"), await GetAsync("csv") })
        {
            EmailAddress().IsMatch(body).ShouldBeFalse(body);
            foreach (var requestId in _requests)
            {
                body.ShouldNotContain(ImpactStack.ContactNameOf(requestId));
                body.ShouldNotContain("Zephyrine");
                body.ShouldNotContain("private-mail");
            }
            body.ShouldNotContain("partner-private");
        }
    }

    [Fact]
    public async Task The_page_is_public_cached_and_shows_the_consented_story_in_each_language()
    {
        await SeedAsync();
        var handler = _stack.Services.GetRequiredService<ImpactHandler>();
        foreach (var (lang, heading) in new[]
        {
            ("en", "Impact of South-South and triangular cooperation"),
            ("fr", "Impact de la coopération Sud-Sud et triangulaire"),
            ("es", "Impacto de la cooperación Sur-Sur y triangular"),
        })
        {
            var context = Context("lang=" + lang);
            await (await handler.PageAsync(context.Request, TestContext.Current.CancellationToken)).ExecuteAsync(context);
            var html = Body(context);
            context.Response.StatusCode.ShouldBe(200);
            context.Response.Headers.CacheControl.ToString().ShouldBe("public, max-age=300");
            html.ShouldContain($"<html lang=\"{lang}\" dir=\"ltr\">");
            System.Net.WebUtility.HtmlDecode(html).ShouldContain($"<h1>{heading}</h1>");
            html.ShouldContain("<svg");
            html.ShouldContain("<table");
            html.ShouldContain("Partner ss-pub");
        }
    }

    [Fact]
    public async Task Each_language_is_served_and_kept_apart_whether_asked_by_query_cookie_or_browser()
    {
        await SeedAsync();
        var handler = _stack.Services.GetRequiredService<ImpactHandler>();
        async Task<(string Html, HttpContext Context)> PageAsync(Action<HttpRequest> ask)
        {
            var context = Context(null);
            ask(context.Request);
            await (await handler.PageAsync(context.Request, TestContext.Current.CancellationToken)).ExecuteAsync(context);
            context.Response.StatusCode.ShouldBe(200);
            return (Body(context), context);
        }

        foreach (var language in Languages.All)
        {
            var (html, context) = await PageAsync(r => r.QueryString = new QueryString("?lang=" + language.Code));
            html.ShouldContain($"<html lang=\"{language.Code}\" dir=\"{language.Direction}\">");
            System.Net.WebUtility.HtmlDecode(html).ShouldContain($"<h1>{TextCatalog.Default.For(language.Code)["impact.heading"]}</h1>");
            html.ShouldNotContain("[impact.");
            context.Response.Headers.Vary.ToString().ShouldBe("Cookie, Accept-Language");
            context.Response.Headers.CacheControl.ToString().ShouldBe("public, max-age=300");
            foreach (var other in Languages.All) html.ShouldContain($"href=\"/api/impact?lang={other.Code}\"");
        }

        // Served in turn from the same cached figures, each visitor still gets the page of their own language.
        (await PageAsync(r => r.Headers.AcceptLanguage = "ar-EG,ar;q=0.9")).Html.ShouldContain("<html lang=\"ar\" dir=\"rtl\">");
        (await PageAsync(r => r.Headers.Cookie = $"{LanguageChoice.CookieName}=zh")).Html.ShouldContain("<html lang=\"zh\" dir=\"ltr\">");
        (await PageAsync(r => r.Headers.AcceptLanguage = "ru")).Html.ShouldContain("<html lang=\"ru\" dir=\"ltr\">");
        (await PageAsync(_ => { })).Html.ShouldContain("<html lang=\"en\" dir=\"ltr\">");
        var asked = await PageAsync(r => r.QueryString = new QueryString("?lang=pt&x=%3Cb%3E"));
        asked.Html.ShouldContain("<html lang=\"pt\" dir=\"ltr\">");
        asked.Html.ShouldNotContain("%3Cb%3E", Case.Insensitive, "the kept page carries nothing of the query that asked for it");
    }

    [Fact]
    public async Task Json_and_csv_publish_the_same_cells()
    {
        await SeedAsync();
        var handler = _stack.Services.GetRequiredService<ImpactHandler>();
        var figures = await handler.FiguresAsync(TestContext.Current.CancellationToken);
        var csv = await GetAsync("csv");
        var lines = csv.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[0].ShouldBe(string.Join(",", ImpactHandler.CsvColumns));
        lines.Count.ShouldBe(figures.Cells.Count + 1);
        lines.ShouldContain($"all,received,all,all,{figures.Find("all", ImpactMetrics.Received)!.Figure},false");
        var json = await GetAsync("json");
        json.ShouldContain("\"cells\"");
        json.ShouldContain("\"minimumCount\":3");
    }

    private async Task SeedAsync()
    {
        if (_requests.Count > 0) return;
        await _stack.PartnerAsync("ss-pub", publishable: true);
        for (var i = 0; i < 3; i++)
        {
            var requestId = await _stack.SubmitAsync(consent: true);
            await _stack.WalkToMatchedAsync(requestId, "ss-pub");
            _requests.Add(requestId);
        }
    }

    private async Task<string> GetAsync(string what, string? query = null)
    {
        var handler = _stack.Services.GetRequiredService<ImpactHandler>();
        var context = Context(query);
        var result = what switch
        {
            "page" => await handler.PageAsync(context.Request, TestContext.Current.CancellationToken),
            "json" => await handler.JsonAsync(TestContext.Current.CancellationToken),
            _ => await handler.CsvAsync(TestContext.Current.CancellationToken),
        };
        await result.ExecuteAsync(context);
        context.Response.StatusCode.ShouldBe(200);
        return Body(context);
    }

    private DefaultHttpContext Context(string? query)
    {
        var context = new DefaultHttpContext { RequestServices = _stack.Services };
        context.Request.Method = "GET";
        if (query is not null) context.Request.QueryString = new QueryString("?" + query);
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
