using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using WgeoFlows.Notifications;

namespace WgeoFlows.Tests.Notifications;

public sealed partial class EmailRenderingTests
{
    private static readonly EmailTemplateCatalog Catalog = new();
    private readonly EmailRenderer _renderer = new(Catalog);

    public static TheoryData<string, string> EveryTemplateAndLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in EmailTemplates.All.Order(StringComparer.Ordinal))
        {
            foreach (var language in Catalog.LanguagesOf(template)) data.Add(template, language);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTemplateAndLanguage))]
    public async Task Every_template_renders_completely_in_each_of_its_languages(string template, string language)
    {
        var email = await _renderer.RenderAsync(template, language, SampleEmails.Request(), SampleEmails.Recipient, SampleEmails.ValuesFor(template));

        email.Language.ShouldBe(language);
        email.Subject.ShouldNotBeNullOrWhiteSpace();
        email.Subject.ShouldNotContain("\n");
        foreach (var part in new[] { email.Subject, email.Html, email.Text })
        {
            part.ShouldNotContain("{{");
            part.ShouldNotContain("{%");
            part.ShouldNotContain("}}");
        }
        email.Html.ShouldContain($"<html lang=\"{language}\">");
        email.Html.ShouldContain("WGEO Partnership — WgeoFlows");
        email.Html.ShouldContain(HtmlEncoder.Default.Encode("req-2026-0042"));
        email.Text.ShouldContain("req-2026-0042");
    }

    [Theory]
    [MemberData(nameof(EveryTemplateAndLanguage))]
    public async Task Every_link_is_an_href_and_visible_text_in_html_and_present_in_text(string template, string language)
    {
        var values = SampleEmails.ValuesFor(template);
        var email = await _renderer.RenderAsync(template, language, SampleEmails.Request(), SampleEmails.Recipient, values);

        foreach (var (key, link) in values.Where(v => EmailValueKeys.IsLink(v.Key)))
        {
            var encoded = HtmlEncoder.Default.Encode(link);
            email.Html.ShouldContain($"href=\"{encoded}\"", customMessage: key);
            email.Html.Replace($"href=\"{encoded}\"", "").ShouldContain(encoded, customMessage: $"{key} shown as text");
            email.Text.ShouldContain(link, customMessage: key);
        }
    }

    [Theory]
    [MemberData(nameof(EveryTemplateAndLanguage))]
    public async Task Text_part_has_no_html_tags_or_entities(string template, string language)
    {
        var email = await _renderer.RenderAsync(template, language, SampleEmails.Request(), SampleEmails.Recipient, SampleEmails.ValuesFor(template));

        HtmlTag().IsMatch(email.Text).ShouldBeFalse(email.Text);
        HtmlEntity().IsMatch(email.Text).ShouldBeFalse(email.Text);
    }

    [Theory]
    [MemberData(nameof(EveryTemplateAndLanguage))]
    public async Task Hostile_request_and_values_come_out_html_encoded(string template, string language)
    {
        const string script = "<script>alert('x')</script>";
        var request = SampleEmails.Request(title: "Grids " + script, organization: "Evil & Co " + script);
        var values = SampleEmails.ValuesFor(template).ToDictionary(v => v.Key, v => EmailValueKeys.IsLink(v.Key) ? v.Value : v.Value + " " + script);
        var recipient = new EmailRecipient("amina@example.org", "Amina " + script);

        var email = await _renderer.RenderAsync(template, language, request, recipient, values);

        email.Html.ShouldNotContain("<script", Case.Insensitive);
        email.Html.ShouldNotContain("Evil & Co");
        if (template == EmailTemplates.Confirmation)
        {
            // The confirmation prints nothing the submitter typed (ConfirmationMailTests), so there is nothing to show as it is.
            email.Text.ShouldNotContain(script);
        }
        else
        {
            email.Text.ShouldContain(script, customMessage: "the text part is plain text and shows the characters as they are");
        }
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

    [Fact]
    public async Task A_language_without_translation_falls_back_to_english()
    {
        var email = await _renderer.RenderAsync(EmailTemplates.Acknowledgement, "ar", SampleEmails.Request(), SampleEmails.Recipient,
            SampleEmails.ValuesFor(EmailTemplates.Acknowledgement));

        email.Language.ShouldBe("en");
        email.Html.ShouldContain("<html lang=\"en\">");
        email.Subject.ShouldStartWith("We received your request");
    }

    [Fact]
    public async Task An_english_only_template_asked_in_french_is_sent_in_english()
    {
        var email = await _renderer.RenderAsync(EmailTemplates.ReviewRequest, "fr", SampleEmails.Request(), SampleEmails.Recipient,
            SampleEmails.ValuesFor(EmailTemplates.ReviewRequest));

        email.Language.ShouldBe("en");
    }

    [Theory]
    [InlineData("fr", "Nous avons bien reçu votre demande")]
    [InlineData("es", "Hemos recibido su solicitud")]
    public async Task Requester_mails_are_written_in_the_requesters_language(string language, string subjectStart)
    {
        var email = await _renderer.RenderAsync(EmailTemplates.Acknowledgement, language, SampleEmails.Request(), SampleEmails.Recipient,
            SampleEmails.ValuesFor(EmailTemplates.Acknowledgement));

        email.Language.ShouldBe(language);
        email.Subject.ShouldStartWith(subjectStart);
    }

    [Fact]
    public void Requester_facing_templates_exist_in_english_french_and_spanish()
    {
        string[] requesterFacing =
        [
            EmailTemplates.Acknowledgement, EmailTemplates.ScreeningRejected, EmailTemplates.InfoRequest, EmailTemplates.RequestRejected,
            EmailTemplates.RequestExpired, EmailTemplates.IntroductionRequester, EmailTemplates.FollowUp, EmailTemplates.RequestCancelled,
            EmailTemplates.Confirmation,
        ];
        foreach (var template in requesterFacing)
        {
            Catalog.LanguagesOf(template).ShouldBe(["en", "es", "fr"], customMessage: template);
        }
        foreach (var template in EmailTemplates.All.Except(requesterFacing))
        {
            Catalog.LanguagesOf(template).ShouldBe(["en"], customMessage: template);
        }
    }

    [Fact]
    public async Task Every_partner_of_an_introduction_is_listed_with_a_mailto_link()
    {
        var email = await _renderer.RenderAsync(EmailTemplates.IntroductionRequester, "en", SampleEmails.Request(), SampleEmails.Recipient,
            SampleEmails.ValuesFor(EmailTemplates.IntroductionRequester));

        email.Html.ShouldContain("href=\"mailto:chen@example.cn\"");
        email.Html.ShouldContain("href=\"mailto:maria@example.mx\"");
        email.Text.ShouldContain("Banco Verde");
        email.Text.ShouldContain("Shenzhen Clean Energy Institute");
    }

    [Fact]
    public async Task Each_screening_reason_is_its_own_list_item()
    {
        var email = await _renderer.RenderAsync(EmailTemplates.ScreeningRejected, "en", SampleEmails.Request(), SampleEmails.Recipient,
            SampleEmails.ValuesFor(EmailTemplates.ScreeningRejected));

        email.Html.ShouldContain("<li>The country is not eligible.</li>");
        email.Html.ShouldContain("<li>No thematic area was given.</li>");
    }

    [Theory]
    [InlineData("en", "Renewable energy, Sustainable cities", "Cities", "Status: In review")]
    [InlineData("fr", "Énergies renouvelables", "Villes", "Kenya")]
    [InlineData("es", "Energías renovables", "Ciudades", "Kenya")]
    public async Task Taxonomy_ids_are_shown_as_labels_in_the_mails_language(string language, string thematicAreas, string platform, string more)
    {
        var template = language == "en" ? EmailTemplates.NeedsManualMatch : EmailTemplates.Acknowledgement;
        var email = await _renderer.RenderAsync(template, language, SampleEmails.Request(), SampleEmails.Recipient, SampleEmails.ValuesFor(template));

        email.Text.ShouldContain(thematicAreas);
        email.Text.ShouldContain(platform);
        email.Text.ShouldContain(more);
        email.Text.ShouldNotContain("renewable-energy");
    }

    [Fact]
    public async Task A_mail_to_several_people_has_no_personal_greeting()
    {
        var email = await _renderer.RenderAsync(EmailTemplates.NeedsManualMatch, "en", SampleEmails.Request(), recipient: null,
            SampleEmails.ValuesFor(EmailTemplates.NeedsManualMatch));

        email.Text.ShouldStartWith("WGEO Partnership — WgeoFlows\n\nHello,");
    }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"&(#x?[0-9a-fA-F]+|[a-zA-Z]+);")]
    private static partial Regex HtmlEntity();
}
