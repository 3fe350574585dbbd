using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using WgeoFlows.Localization;
using WgeoFlows.Notifications;

namespace WgeoFlows.Tests.Notifications;

/// <summary>Every template renders in each of the seven languages from the one template file and the language's catalog.</summary>
public sealed partial class EmailRenderingTests
{
    private static readonly EmailTemplateCatalog Catalog = new();
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly EmailRenderer _renderer = new(Catalog);

    public static TheoryData<string, string> EveryTemplateAndLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in EmailTemplates.All.Order(StringComparer.Ordinal))
        {
            foreach (var language in Languages.Codes) data.Add(template, language);
        }
        return data;
    }

    private Task<RenderedEmail> RenderAsync(string template, string language) =>
        _renderer.RenderAsync(template, language, SampleEmails.Request(), SampleEmails.Recipient, SampleEmails.ValuesFor(template));

    [Theory]
    [MemberData(nameof(EveryTemplateAndLanguage))]
    public async Task Every_template_renders_completely_in_each_language(string template, string language)
    {
        var email = await RenderAsync(template, language);

        email.Language.ShouldBe(language);
        email.Subject.ShouldNotBeNullOrWhiteSpace();
        email.Subject.ShouldNotContain("\n");
        foreach (var part in new[] { email.Subject, email.Html, email.Text })
        {
            part.ShouldNotContain("{{");
            part.ShouldNotContain("{%");
            part.ShouldNotContain("}}");
            part.ShouldNotContain("[mail.", customMessage: "a key missing from the catalog shows as [key]");
            Placeholder().IsMatch(part).ShouldBeFalse($"a placeholder left unfilled: {Placeholder().Match(part).Value}");
        }
        var direction = language == "ar" ? "rtl" : "ltr";
        email.Html.ShouldContain($"<html lang=\"{language}\" dir=\"{direction}\">");
        email.Html.ShouldContain($"<div dir=\"{direction}\"");
        email.Html.ShouldContain(Encoder.Encode(TextCatalog.Default.For(language)["mail.layout.title"]));
        email.Html.ShouldContain("req-2026-0042");
        email.Text.ShouldContain("req-2026-0042");
    }

    [Theory]
    [MemberData(nameof(EveryTemplateAndLanguage))]
    public async Task Every_link_is_an_href_and_visible_text_in_html_and_present_in_text(string template, string language)
    {
        var email = await RenderAsync(template, language);

        foreach (var (key, link) in PageLinks.InLanguage(SampleEmails.ValuesFor(template), language).Where(v => EmailValueKeys.IsLink(v.Key)))
        {
            var encoded = Encoder.Encode(link);
            email.Html.ShouldContain($"href=\"{encoded}\"", customMessage: key);
            email.Html.Replace($"href=\"{encoded}\"", "").ShouldContain($"<bdi>{encoded}</bdi>", customMessage: $"{key} shown as text, isolated");
            email.Text.ShouldContain(link, customMessage: key);
        }
    }

    [Theory]
    [InlineData(EmailTemplates.Acknowledgement, EmailValueKeys.StatusUrl)]
    [InlineData(EmailTemplates.Offer, EmailValueKeys.OfferLink)]
    [InlineData(EmailTemplates.InfoRequest, EmailValueKeys.UpdateLink)]
    [InlineData(EmailTemplates.FollowUp, EmailValueKeys.FollowUpLink)]
    [InlineData(EmailTemplates.Confirmation, EmailValueKeys.ConfirmLink)]
    public async Task A_link_to_a_public_page_opens_it_in_the_mails_language(string template, string key)
    {
        var email = await RenderAsync(template, "ru");

        var link = SampleEmails.ValuesFor(template)[key];
        email.Text.ShouldContain(link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=ru");
    }

    [Theory]
    [InlineData(EmailTemplates.ReviewRequest, EmailValueKeys.ReviewLink)]
    [InlineData(EmailTemplates.NeedsManualMatch, EmailValueKeys.AdminUrl)]
    public async Task A_staff_link_is_left_as_it_is(string template, string key)
    {
        var email = await RenderAsync(template, "fr");

        email.Text.ShouldContain(SampleEmails.ValuesFor(template)[key] + "\n");
        email.Text.ShouldNotContain("lang=");
    }

    [Theory]
    [MemberData(nameof(EveryTemplateAndLanguage))]
    public async Task Text_part_has_no_html_tags_or_entities(string template, string language)
    {
        var email = await RenderAsync(template, language);

        HtmlTag().IsMatch(email.Text).ShouldBeFalse(email.Text);
        HtmlEntity().IsMatch(email.Text).ShouldBeFalse(email.Text);
    }

    /// <summary>What a hostile submitter or a careless admin could type: markup, quotes, Liquid, other scripts and a
    /// right-to-left override.</summary>
    private const string Hostile = "<script>alert(\"x\")</script> \"quotes' & <b> {{ 7*7 }} {% raw %} {reference} مرحبا 你好 \u202Eevil";

    [Theory]
    [MemberData(nameof(EveryTemplateAndLanguage))]
    public async Task Hostile_request_and_values_are_html_encoded_shown_as_they_are_in_text_and_never_run_as_liquid(string template, string language)
    {
        var request = SampleEmails.Request(title: "Grids " + Hostile, organization: "Evil & Co " + Hostile);
        var values = SampleEmails.ValuesFor(template).ToDictionary(v => v.Key, v => EmailValueKeys.IsLink(v.Key) || v.Key == EmailValueKeys.Triangular
            ? v.Value
            : string.Join('\n', v.Value.Split('\n').Select(line => line + " " + Hostile)));
        var recipient = new EmailRecipient("amina@example.org", "Amina " + Hostile);

        var email = await _renderer.RenderAsync(template, language, request, recipient, values);

        email.Html.ShouldNotContain("<script", Case.Insensitive);
        email.Html.ShouldNotContain("<b>");
        email.Html.ShouldNotContain("Evil & Co");
        email.Html.ShouldNotContain("\"quotes'");
        foreach (var part in new[] { email.Subject, email.Html, email.Text })
        {
            part.ShouldNotContain("49", customMessage: "{{ 7*7 }} typed by a user is text, never a Liquid expression");
            part.ShouldNotContain("req-2026-0042 مرحبا", customMessage: "a placeholder typed by a user is not filled in");
        }
        if (template == EmailTemplates.Confirmation)
        {
            // The confirmation prints nothing the submitter typed (ConfirmationMailTests), so there is nothing to show as it is.
            email.Text.ShouldNotContain("<script>");
            return;
        }
        email.Html.ShouldContain(Encoder.Encode(Hostile));
        email.Text.ShouldContain(Hostile, customMessage: "the text part is plain text and shows the characters as they are");
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("zh")]
    [InlineData("ru")]
    public async Task A_right_to_left_override_typed_in_a_title_cannot_reach_the_text_around_it_in_arabic(string language)
    {
        var request = SampleEmails.Request(title: "\u202Eevil");

        var email = await _renderer.RenderAsync(EmailTemplates.RequestRejected, language, request, SampleEmails.Recipient,
            SampleEmails.ValuesFor(EmailTemplates.RequestRejected));

        // In Arabic every value set into a text sits in an isolate (U+2068 … U+2069), which ends any override inside it.
        if (language == "ar") email.Text.ShouldContain("\u2068\u202Eevil\u2069");
        else email.Text.ShouldContain("\u202Eevil");
    }

    [Fact]
    public async Task Request_title_and_organisation_are_html_encoded_in_the_acknowledgement()
    {
        var request = SampleEmails.Request(title: "<script>steal()</script>", organization: "<b>Org</b> & \"Partners\"");

        var email = await _renderer.RenderAsync(EmailTemplates.Acknowledgement, "en", request, SampleEmails.Recipient,
            SampleEmails.ValuesFor(EmailTemplates.Acknowledgement));

        email.Html.ShouldContain("&lt;script&gt;steal()&lt;/script&gt;");
        email.Html.ShouldContain("&lt;b&gt;Org&lt;/b&gt; &amp; &quot;Partners&quot;");
        email.Subject.ShouldContain("<script>steal()</script>", customMessage: "a subject is plain text, encoded by SendGrid's JSON, not by us");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("")]
    [InlineData("EN-gb")]
    public async Task A_language_that_is_not_served_falls_back_to_english(string language)
    {
        var email = await _renderer.RenderAsync(EmailTemplates.Acknowledgement, language, SampleEmails.Request(), SampleEmails.Recipient,
            SampleEmails.ValuesFor(EmailTemplates.Acknowledgement));

        email.Language.ShouldBe("en");
        email.Html.ShouldContain("<html lang=\"en\" dir=\"ltr\">");
        email.Subject.ShouldStartWith("We received your request");
    }

    [Theory]
    [InlineData("en", "We received your request")]
    [InlineData("fr", "Nous avons bien reçu votre demande")]
    [InlineData("es", "Hemos recibido su solicitud")]
    [InlineData("pt", "Recebemos o seu pedido")]
    [InlineData("ru", "Ваш запрос req-2026-0042 получен")]
    [InlineData("zh", "我们已收到您的申请req-2026-0042")]
    [InlineData("ar", "تسلّمنا طلبكم")]
    public async Task Requester_mails_are_written_in_the_requesters_language(string language, string subjectStart)
    {
        var email = await RenderAsync(EmailTemplates.Acknowledgement, language);

        email.Language.ShouldBe(language);
        email.Subject.ShouldStartWith(subjectStart);
    }

    [Fact]
    public async Task An_arabic_mail_is_right_to_left_and_isolates_the_reference_in_its_texts()
    {
        var email = await RenderAsync(EmailTemplates.Acknowledgement, "ar");

        email.Html.ShouldContain("<html lang=\"ar\" dir=\"rtl\">");
        email.Html.ShouldContain("<body dir=\"rtl\"");
        email.Html.ShouldNotContain("left", Case.Insensitive);
        email.Html.ShouldNotContain("right", Case.Insensitive);
        email.Text.ShouldContain("\u2068req-2026-0042\u2069");
        email.Html.ShouldContain("<bdi>https://wgeo.example/api/status/req-2026-0042?t=abc&amp;v=1&amp;lang=ar</bdi>");
    }

    [Fact]
    public async Task Every_partner_of_an_introduction_is_listed_with_a_mailto_link()
    {
        var email = await RenderAsync(EmailTemplates.IntroductionRequester, "en");

        email.Html.ShouldContain("href=\"mailto:chen@example.cn\"");
        email.Html.ShouldContain("href=\"mailto:maria@example.mx\"");
        email.Text.ShouldContain("Banco Verde");
        email.Text.ShouldContain("Shenzhen Clean Energy Institute");
    }

    [Fact]
    public async Task Each_screening_reason_is_its_own_list_item()
    {
        var email = await RenderAsync(EmailTemplates.ScreeningRejected, "en");

        email.Html.ShouldContain("<li dir=\"auto\">The country is not eligible.</li>");
        email.Html.ShouldContain("<li dir=\"auto\">No thematic area was given.</li>");
    }

    [Theory]
    [InlineData("en", "Renewable energy, Sustainable cities", "Cities", "Status: In review")]
    [InlineData("fr", "Énergies renouvelables", "Villes", "Kenya")]
    [InlineData("es", "Energías renovables", "Ciudades", "Kenia")]
    public async Task Taxonomy_ids_are_shown_as_labels_in_the_mails_language(string language, string thematicAreas, string platform, string more)
    {
        var template = language == "en" ? EmailTemplates.NeedsManualMatch : EmailTemplates.Acknowledgement;
        var email = await RenderAsync(template, language);

        email.Text.ShouldContain(thematicAreas);
        email.Text.ShouldContain(platform);
        email.Text.ShouldContain(more);
        email.Text.ShouldNotContain("renewable-energy");
    }

    [Theory]
    [InlineData("en", "250,000 USD", "June 30, 2027")]
    [InlineData("fr", "250\u202F000 USD", "30 juin 2027")]
    [InlineData("es", "250.000 USD", "30 de junio de 2027")]
    [InlineData("pt", "US$ 250.000", "30 de junho de 2027")]
    [InlineData("ru", "250\u00A0000 долл. США", "30 июня 2027\u202Fг.")]
    [InlineData("zh", "250,000美元", "2027年6月30日")]
    public async Task Budget_and_dates_are_written_as_the_mails_language_writes_them(string language, string budget, string neededBy)
    {
        var email = await RenderAsync(EmailTemplates.Acknowledgement, language);

        email.Text.ShouldContain(budget);
        email.Text.ShouldContain(neededBy);
    }

    [Fact]
    public async Task A_mail_to_several_people_has_no_personal_greeting()
    {
        var email = await _renderer.RenderAsync(EmailTemplates.NeedsManualMatch, "en", SampleEmails.Request(), recipient: null,
            SampleEmails.ValuesFor(EmailTemplates.NeedsManualMatch));

        email.Text.ShouldStartWith("WGEO Partnership — WgeoFlows\n\nHello,");
    }

    [GeneratedRegex(@"\{[a-z][A-Za-z]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"&(#x?[0-9a-fA-F]+|[a-zA-Z]+);")]
    private static partial Regex HtmlEntity();
}
