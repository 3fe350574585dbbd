using System.Globalization;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Status;
using WgeoFlows.Links;
using WgeoFlows.Localization;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Intake;

/// <summary>
/// The requester's status page speaks the language chosen for the visit (?lang=, then the switcher's cookie, then
/// Accept-Language), whatever language the request was sent in, with dates written as that language writes them.
/// </summary>
public sealed class StatusPageLanguageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Updated = new(2026, 3, 5, 14, 30, 0, TimeSpan.Zero);

    private readonly DoorStack _stack = new(azurite);

    [Fact]
    public async Task The_status_page_asked_for_in_Russian_is_in_Russian_with_a_Russian_date()
    {
        var (requestId, sig) = await StoredRequestAsync();
        var page = await GetAsync($"/api/status/{requestId}?sig={sig}&lang=ru", requestId, sig);

        page.Status.ShouldBe(200);
        page.Body.ShouldContain("<html lang=\"ru\" dir=\"ltr\">");
        var russian = TextCatalog.Default.For("ru");
        page.Body.ShouldContain($"<h1>{russian["status.heading"]}</h1>");
        page.Body.ShouldContain(russian["status.inReview.explanation"]);
        // Decoded: the culture's no-break spaces are written as references.
        System.Net.WebUtility.HtmlDecode(page.Body).ShouldContain(Updated.UtcDateTime.ToString("f", CultureInfo.GetCultureInfo("ru")) + " UTC");
        page.Body.ShouldContain("марта 2026");
        page.Body.ShouldContain($"<bdi><strong>{requestId}</strong></bdi>");
        // The choice is remembered for the next page, as the switcher's links do.
        page.Headers.SetCookie.ToString().ShouldContain($"{LanguageChoice.CookieName}=ru");
    }

    [Fact]
    public async Task Without_lang_the_cookie_then_the_browsers_languages_choose_and_Arabic_reads_right_to_left()
    {
        var (requestId, sig) = await StoredRequestAsync();

        var fromHeader = await GetAsync($"/api/status/{requestId}?sig={sig}", requestId, sig, acceptLanguage: "ar-EG, en;q=0.3");
        fromHeader.Body.ShouldContain("<html lang=\"ar\" dir=\"rtl\">");
        fromHeader.Body.ShouldContain(TextCatalog.Default.For("ar")["status.inReview.title"]);

        var fromCookie = await GetAsync($"/api/status/{requestId}?sig={sig}", requestId, sig, acceptLanguage: "ar", cookie: "zh");
        fromCookie.Body.ShouldContain("<html lang=\"zh\" dir=\"ltr\">");
        fromCookie.Body.ShouldContain("2026年3月5日");
    }

    [Fact]
    public async Task A_wrong_status_link_is_refused_in_the_visitors_language()
    {
        var page = await GetAsync("/api/status/req-x?sig=forged&lang=pt", "req-x", "forged");
        page.Status.ShouldBe(404);
        page.Body.ShouldContain("<html lang=\"pt\" dir=\"ltr\">");
        page.Body.ShouldContain(TextCatalog.Default.For("pt")["status.notFound.badLink"]);
    }

    private async Task<DoorAnswer> GetAsync(string path, string requestId, string sig, string? acceptLanguage = null, string? cookie = null)
    {
        var context = DoorCalls.Context(_stack.Services, "GET", path);
        if (acceptLanguage is not null) context.Request.Headers.AcceptLanguage = acceptLanguage;
        if (cookie is not null) context.Request.Headers.Cookie = $"{LanguageChoice.CookieName}={cookie}";
        return await DoorCalls.RunAsync(context, await _stack.Get<StatusPageHandler>().ShowAsync(context.Request, requestId, sig, Ct));
    }

    private async Task<(string RequestId, string Sig)> StoredRequestAsync()
    {
        await _stack.Get<StorageClients>().EnsureCreatedAsync();
        var requestId = "req-lang-" + Guid.NewGuid().ToString("N")[..10];
        (await _stack.Get<RequestStore>().TryAddAsync(new SupportRequest
        {
            RequestId = requestId,
            SubmissionId = "form-" + requestId,
            SubmittedAt = Updated.AddDays(-1),
            Organization = new Organization("Nairobi County Energy Office", "cities", "KE", null),
            // Sent in French: the page still follows the visitor's choice.
            Contact = new Contact("Amina Otieno", "amina@example.org", "fr"),
            Title = "Solar mini-grids",
            Description = "Pilot mini-grids.",
            ThematicAreas = ["renewable-energy"],
            SupportTypes = ["technical-assistance"],
            Status = RequestStatus.InReview,
            UpdatedAt = Updated,
        }, Ct)).ShouldBeTrue();
        var sig = new Uri(_stack.Get<LinkIssuer>().StatusUrl(requestId)).Query.Split("sig=")[1];
        return (requestId, sig);
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
