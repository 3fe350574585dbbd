using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Form;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Links;
using WgeoFlows.Localization;
using WgeoFlows.Reference;
using WgeoFlows.Web;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Web;

/// <summary>
/// Every public page a requester, partner or reviewer opens speaks each of the seven languages: lang and dir on the html
/// element (right to left only for Arabic), no catalog key left unfilled, the switcher's seven links, and whatever the
/// visitor typed encoded, in every language.
/// </summary>
public sealed partial class PublicPagesLanguageTests
{
    private const string SigningKey = "pages-test-signing-key";
    private const string Hostile = "<script>alert(\"x\")</script> O'Brien & \"Partners\"";
    private static readonly PageRenderer Pages = new();

    public static TheoryData<string> AllLanguages() => [.. Languages.Codes];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task The_form_is_written_in_the_language_asked_for_with_the_seven_languages_each_in_its_own_name(string language)
    {
        var http = Context("GET", $"/api/form?lang={language}");
        var (status, html) = await RunAsync(http, await FormHandler().ShowAsync(http.Request));

        status.ShouldBe(200);
        ShouldBeAPageIn(html, language);
        html.ShouldContain(Encode(TextCatalog.Default.For(language)["form.submit"]));
        var select = LanguageSelect().Match(html);
        select.Success.ShouldBeTrue();
        foreach (var other in Languages.All) select.Value.ShouldContain($">{Encode(other.NativeName)}</option>");
        select.Value.ShouldContain($"<option value=\"{language}\" selected>");
        // Addresses and links keep their left-to-right direction in an Arabic page.
        html.ShouldContain("type=\"email\" id=\"f-contact-email\" name=\"contact.email\" value=\"\" dir=\"ltr\"");
        html.ShouldContain("type=\"url\" id=\"f-organization-website\" name=\"organization.website\" value=\"\" dir=\"ltr\"");
    }

    [Fact]
    public async Task The_form_lists_countries_in_the_order_of_the_pages_language()
    {
        var http = Context("GET", "/api/form?lang=fr");
        var (_, html) = await RunAsync(http, await FormHandler().ShowAsync(http.Request));

        var countries = CountrySelect().Match(html).Groups["options"].Value;
        var names = OptionLabel().Matches(countries).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["label"].Value)).Skip(1).ToList();
        names.Count.ShouldBe(CountryCatalog.Default.All.Count);
        names.ShouldBe(names.Order(StringComparer.Create(Languages.Resolve("fr").Culture, true)).ToList());
    }

    [Fact]
    public async Task A_form_sent_with_errors_from_an_Arabic_browser_answers_in_Arabic_with_what_was_typed_encoded()
    {
        var cookie = FormToken.NewRandom();
        var token = FormToken.Issue(SigningKey, cookie, DateTimeOffset.UtcNow);
        var body = string.Join('&', new[]
        {
            ("formToken", token), ("organization.name", Hostile), ("request.title", "طاقة شمسية للتعاونيات 农村合作社"),
            ("contact.email", "not-an-address"),
        }.Select(f => $"{Uri.EscapeDataString(f.Item1)}={Uri.EscapeDataString(f.Item2)}"));
        var http = Context("POST", "/api/form", Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded");
        http.Request.Headers.AcceptLanguage = "ar, en;q=0.5";
        http.Request.Headers.Cookie = $"{FormPageHandler.CookieName}={cookie}";

        var (status, html) = await RunAsync(http, await FormHandler().SubmitAsync(http.Request, null!, TestContext.Current.CancellationToken));

        status.ShouldBe(400);
        ShouldBeAPageIn(html, "ar");
        var arabic = TextCatalog.Default.For("ar");
        html.ShouldContain(Encode(arabic["form.errorSummary"]));
        html.ShouldContain(Encode(arabic["form.email.error"]));
        html.ShouldContain(Encode($"{arabic["form.email.label"]}: {arabic["form.email.error"]}"));
        html.ShouldNotContain("<script>alert");
        html.ShouldContain(Encode(Hostile));
        html.ShouldContain(Encode("طاقة شمسية للتعاونيات 农村合作社"));
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task A_refused_link_says_why_in_the_visitors_language(string language)
    {
        foreach (var check in new[] { LinkTokenCheck.Expired, LinkTokenCheck.Tampered, LinkTokenCheck.WrongKind, LinkTokenCheck.Malformed })
        {
            var http = Context("GET", $"/api/review/x?lang={language}");
            var page = LanguageChoice.For(http);
            var (_, html) = await RunAsync(http, await LinkRefusalPage.ForAsync(Pages, page, check, Pages.TextsFor(page)["link.expiredAdvice"]));
            ShouldBeAPageIn(html, language);
            var texts = Pages.TextsFor(page);
            html.ShouldContain(Encode(check == LinkTokenCheck.Expired ? texts["link.expiredAdvice"] : texts["page.openExactly"]));
        }
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task The_link_and_follow_up_pages_have_every_word_in_the_language_and_encode_what_the_requester_wrote(string language)
    {
        var page = new PageLanguage(Languages.Resolve(language), Switcher(language));
        var texts = Pages.TextsFor(page);
        foreach (var kind in new[] { "review", "update", "confirm", "offer" })
        {
            var model = RequestView.Labels(HostileRequest(), texts);
            model["heading"] = texts["link.review.heading"];
            model["kind"] = kind;
            model["request"] = HostileRequest();
            model["stage"] = new { Title = Hostile };
            model["open"] = true;
            model["question"] = Hostile;
            model["exchanges"] = new[] { new { AskedBy = "lead@example.org", Question = Hostile, Answer = "نعم" } };
            model["action"] = "/api/review/token";
            model["showContact"] = true;
            model["attachments"] = new[] { new { FileName = Hostile, Size = "1 KB", Url = "/x" } };
            model["submitLabel"] = texts["link.review.submit"];
            var html = await Pages.RenderAsync("decision", texts["link.review.heading"], model, page);
            ShouldBeAPageIn(html, language);
            html.ShouldNotContain("<script>alert");
            html.ShouldContain(Encode(texts.DateTime(HostileRequest().SubmittedAt)));
        }
        var followUp = RequestView.Labels(HostileRequest(), texts);
        followUp["request"] = HostileRequest();
        followUp["open"] = true;
        followUp["action"] = "/api/followup/token";
        followUp["choices"] = WgeoFlows.Matching.FollowUp.FollowUpForm.Progress.Select(p => new { value = p.Key, label = texts[p.Value] }).ToArray();
        followUp["maxComment"] = 4000;
        var followUpHtml = await Pages.RenderAsync("followup", texts["followup.heading"], followUp, page);
        ShouldBeAPageIn(followUpHtml, language);
        followUpHtml.ShouldNotContain("<script>alert");
        followUpHtml.ShouldContain(Encode(texts["followup.progress.stalled"]));
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Every_status_has_a_title_and_an_explanation_in_every_language(string language)
    {
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            var (title, explanation) = StatusTexts.Describe(status, language);
            title.ShouldNotBeNullOrWhiteSpace();
            explanation.ShouldNotBeNullOrWhiteSpace();
            MissingKey().IsMatch(title + explanation).ShouldBeFalse($"{language} {status}");
            if (language != "en") title.ShouldNotBe(StatusTexts.Describe(status, "en").Title, $"{language} {status}");
        }
    }

    [Theory]
    [InlineData("en", 10, "At most 10 files, 5 MiB each and 8 MiB in all.")]
    [InlineData("ru", 10, "Не более 10 файлов, до 5 МиБ каждый и до 8 МиБ в сумме.")]
    [InlineData("fr", 10, "Au plus 10 fichiers, 5 Mio chacun et 8 Mio en tout.")]
    public void The_attachment_limits_are_counted_in_the_language(string language, int files, string expected)
    {
        AttachmentLimits.Default.MaxFiles.ShouldBe(files);
        FormTexts.AttachmentLimitText(TextCatalog.Default.For(language)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("en", "Enter the name of your organisation (at most 300 characters).")]
    [InlineData("ru", "Укажите название вашей организации (не более 300 символов).")]
    [InlineData("es", "Indique el nombre de su organización (como máximo 300 caracteres).")]
    public void A_length_limit_is_written_with_the_plural_of_the_language(string language, string expected) =>
        FormTexts.Error(TextCatalog.Default.For(language), "organization.name").ShouldBe(expected);

    [Fact]
    public void Every_field_of_the_form_has_a_label_and_an_error_in_every_language()
    {
        foreach (var language in Languages.Codes)
        {
            var texts = TextCatalog.Default.For(language);
            foreach (var field in FormFields.Texts.Concat(FormFields.Choices).Concat(FormFields.Lists)
                .Append(FormFields.Budget).Append(FormFields.Attachments).Append(FormFields.ConsentToPublish))
            {
                FormTexts.FieldNames.ShouldContain(field);
                FormTexts.Label(texts, field).ShouldNotBeNullOrWhiteSpace();
                MissingKey().IsMatch(FormTexts.Label(texts, field) + FormTexts.Hint(texts, field) + FormTexts.Error(texts, field))
                    .ShouldBeFalse($"{language} {field}");
            }
        }
    }

    private static void ShouldBeAPageIn(string html, string language)
    {
        html.ShouldContain($"<html lang=\"{language}\" dir=\"{(language == "ar" ? "rtl" : "ltr")}\">");
        MissingKey().Matches(html).Select(m => m.Value).ShouldBeEmpty();
        var switcher = SwitcherLink().Matches(html).Select(m => m.Groups["code"].Value).ToList();
        switcher.ShouldBe(Languages.Codes, ignoreOrder: false);
    }

    private static SupportRequest HostileRequest() => new()
    {
        RequestId = "req-2026-0042",
        SubmissionId = "form-42",
        SubmittedAt = new DateTimeOffset(2026, 3, 5, 14, 30, 0, TimeSpan.Zero),
        Organization = new Organization(Hostile, "cities", "KE", "https://example.org/?a=1&b=\"2\""),
        Contact = new Contact(Hostile, "amina@example.org", "ar"),
        Title = Hostile,
        Description = "وصف " + Hostile + " 描述",
        ThematicAreas = ["renewable-energy"],
        SupportTypes = ["technical-assistance"],
        BudgetUsd = 250000,
        NeededBy = new DateOnly(2026, 9, 1),
        Status = RequestStatus.InReview,
    };

    private static List<LanguageLink> Switcher(string language) =>
        [.. Languages.All.Select(l => new LanguageLink(l.Code, l.NativeName, $"/x?lang={l.Code}", l.Code == language))];

    private static FormPageHandler FormHandler() => new(
        Options.Create(new LinkOptions { SigningKey = SigningKey }),
        Options.Create(new IntakeOptions()),
        Options.Create(new PublicUrlOptions { BaseUrl = "https://wgeo.example" }),
        // Validation comes before anything is stored, so a post with errors never reaches the intake.
        new SubmissionPipeline(null!, Options.Create(new AttachmentOptions()), Options.Create(new IntakeOptions())),
        Pages, TimeProvider.System, NullLogger<FormPageHandler>.Instance);

    private static DefaultHttpContext Context(string method, string path, byte[]? body = null, string? contentType = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("wgeo.example");
        var query = path.IndexOf('?');
        context.Request.Path = query < 0 ? path : path[..query];
        if (query >= 0) context.Request.QueryString = new QueryString(path[query..]);
        if (body is not null)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            context.Request.ContentType = contentType;
        }
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<(int Status, string Html)> RunAsync(HttpContext context, IResult result)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>As the pages encode: markup characters as references, letters of every script as themselves.</summary>
    private static string Encode(string text) =>
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(text);

    /// <summary>What <see cref="Texts"/> shows for a key no catalog has: "[form.title]".</summary>
    [GeneratedRegex(@"\[[a-z]+\.[A-Za-z0-9.#-]+\]")]
    private static partial Regex MissingKey();

    [GeneratedRegex("""<a href="[^"]*" lang="(?<code>[a-z]+)" hreflang="[a-z]+"[^>]*>""")]
    private static partial Regex SwitcherLink();

    [GeneratedRegex("""<select id="f-contact-language".*?</select>""", RegexOptions.Singleline)]
    private static partial Regex LanguageSelect();

    [GeneratedRegex("""<select id="f-organization-country"[^>]*>(?<options>.*?)</select>""", RegexOptions.Singleline)]
    private static partial Regex CountrySelect();

    [GeneratedRegex("""<option[^>]*>(?<label>[^<]*)</option>""")]
    private static partial Regex OptionLabel();
}
