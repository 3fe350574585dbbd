using WgeoFlows.Notifications;

namespace WgeoFlows.Tests.Notifications;

/// <summary>Who is written to in which language: requesters in theirs, partners in the first of theirs that is served,
/// reviewers and administrators in the staff language.</summary>
public sealed class MailLanguageTests
{
    private readonly EmailRenderer _renderer = new(new EmailTemplateCatalog());

    private static EmailCommand Command(string template, string language) =>
        new("req-2026-0042", "key", template, language, [SampleEmails.Recipient], SampleEmails.ValuesFor(template));

    [Theory]
    [InlineData(new[] { "de", "pt", "en" }, "pt")]
    [InlineData(new[] { "ar", "fr" }, "ar")]
    [InlineData(new[] { "ZH" }, "zh")]
    [InlineData(new[] { "de", "it" }, "en")]
    [InlineData(new string[0], "en")]
    public void A_partner_is_written_to_in_the_first_of_its_languages_that_is_served(string[] languages, string expected) =>
        MailLanguage.ForPartner(languages).ShouldBe(expected);

    [Fact]
    public async Task A_partner_speaking_german_portuguese_and_english_gets_its_offer_in_portuguese()
    {
        var language = MailLanguage.ForPartner(["de", "pt", "en"]);

        var email = await _renderer.RenderAsync(EmailTemplates.Offer, language, SampleEmails.Request(), SampleEmails.Recipient,
            SampleEmails.ValuesFor(EmailTemplates.Offer));

        email.Language.ShouldBe("pt");
        email.Subject.ShouldBe("Shenzhen Clean Energy Institute poderia apoiar “Solar mini-grids for informal settlements”?");
        email.Html.ShouldContain("<html lang=\"pt\" dir=\"ltr\">");
    }

    [Theory]
    [InlineData(EmailTemplates.ReviewRequest, "en")]
    [InlineData(EmailTemplates.ReviewReminder, "en")]
    [InlineData(EmailTemplates.ReviewEscalation, "en")]
    [InlineData(EmailTemplates.NeedsManualMatch, "en")]
    [InlineData(EmailTemplates.ActionWithdrawn, MailLanguage.Staff)]
    public void Staff_mails_follow_the_staff_language_setting(string template, string commandLanguage)
    {
        // Orchestrations started before the setting pass "en" for the staff-only templates: they follow the setting too.
        MailLanguage.Of(Command(template, commandLanguage), "fr").ShouldBe("fr");
        MailLanguage.Of(Command(template, commandLanguage), "ar").ShouldBe("ar");
        MailLanguage.Of(Command(template, commandLanguage), null).ShouldBe("en");
        MailLanguage.Of(Command(template, commandLanguage), "klingon").ShouldBe("en");
    }

    [Theory]
    [InlineData(EmailTemplates.Acknowledgement, "ru")]
    [InlineData(EmailTemplates.Offer, "pt")]
    [InlineData(EmailTemplates.ActionWithdrawn, "zh")]
    public void Requester_and_partner_mails_keep_their_own_language_whatever_the_staff_language(string template, string language) =>
        MailLanguage.Of(Command(template, language), "fr").ShouldBe(language);

    [Fact]
    public async Task With_staff_language_french_a_review_request_is_written_in_french()
    {
        var language = MailLanguage.Of(Command(EmailTemplates.ReviewRequest, MailLanguage.Staff), "fr");

        var email = await _renderer.RenderAsync(EmailTemplates.ReviewRequest, language, SampleEmails.Request(), SampleEmails.Recipient,
            SampleEmails.ValuesFor(EmailTemplates.ReviewRequest));

        email.Language.ShouldBe("fr");
        email.Subject.ShouldBe("Examen demandé : Solar mini-grids for informal settlements (req-2026-0042)");
        email.Text.ShouldContain("Bonjour Lucía Fernández,");
        email.Text.ShouldContain("Ouvrez la page d'examen");
    }

    [Theory]
    [InlineData(EmailValueKeys.CauseCancelled, "Le secrétariat a annulé la demande.")]
    [InlineData(EmailValueKeys.CauseReassigned, "Le secrétariat a confié l'examen de cette demande à une autre personne.")]
    public async Task A_withdrawal_says_its_cause_in_the_mails_language(string cause, string said)
    {
        var email = await _renderer.RenderAsync(EmailTemplates.ActionWithdrawn, "fr", SampleEmails.Request(), SampleEmails.Recipient,
            new Dictionary<string, string> { [EmailValueKeys.Cause] = cause, [EmailValueKeys.Reason] = "" });

        email.Text.ShouldContain(said);
        email.Html.ShouldNotContain("<blockquote", customMessage: "no reason given, no empty quote");
    }
}
