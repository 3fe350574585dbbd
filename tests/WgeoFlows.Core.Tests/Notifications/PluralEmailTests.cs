using WgeoFlows.Notifications;

namespace WgeoFlows.Tests.Notifications;

/// <summary>A text that depends on a count takes its language's plural form: one partner, two partners; in Arabic the
/// dual and the forms for 3–10 and 11–99; in Russian the forms for 1, 2–4 and 5 and more.</summary>
public sealed class PluralEmailTests
{
    private readonly EmailRenderer _renderer = new(new EmailTemplateCatalog());

    private Task<RenderedEmail> IntroductionAsync(string language, int partners) =>
        _renderer.RenderAsync(EmailTemplates.IntroductionRequester, language, SampleEmails.Request(), SampleEmails.Recipient,
            new Dictionary<string, string>
            {
                [EmailValueKeys.PartnerNames] = Lines(partners, i => $"Partner {i}"),
                [EmailValueKeys.PartnerOrganizations] = Lines(partners, i => $"Organisation {i}"),
                [EmailValueKeys.PartnerEmails] = Lines(partners, i => $"p{i}@example.org"),
                [EmailValueKeys.PartnerCountries] = Lines(partners, _ => "KE"),
            });

    private static string Lines(int count, Func<int, string> line) => string.Join('\n', Enumerable.Range(1, count).Select(line));

    [Theory]
    [InlineData("en", 1, "Let us introduce you to the partner who will support you:")]
    [InlineData("en", 2, "Let us introduce you to the 2 partners who will support you:")]
    [InlineData("fr", 1, "de vous présenter le partenaire qui vous appuiera :")]
    [InlineData("fr", 2, "de vous présenter les 2 partenaires")]
    [InlineData("ar", 1, "بالشريك الذي سيقدّم لكم الدعم:")]
    [InlineData("ar", 2, "بالشريكين اللذين سيقدّمان لكم الدعم:")]
    [InlineData("ar", 3, "وعددهم \u20683\u2069:")]
    [InlineData("ar", 11, "وعددهم \u206811\u2069 شريكًا:")]
    [InlineData("ru", 1, "Поддержку Вам окажет следующий партнёр:")]
    [InlineData("ru", 2, "Поддержку Вам окажут следующие 2 партнёра:")]
    [InlineData("ru", 5, "Поддержку Вам окажут следующие 5 партнёров:")]
    [InlineData("zh", 2, "现为您介绍以下2位合作伙伴：")]
    public async Task The_introduction_counts_its_partners_in_the_languages_plural_form(string language, int partners, string expected)
    {
        var email = await IntroductionAsync(language, partners);

        // In Arabic the count, like every value set into a text, is isolated (U+2068 … U+2069).
        email.Text.ShouldContain(expected);
    }

    [Theory]
    [InlineData("en", "The country is not eligible.", "for the following reason:")]
    [InlineData("en", "The country is not eligible.\nNo thematic area was given.", "for the following reasons:")]
    [InlineData("es", "The country is not eligible.", "por el siguiente motivo:")]
    [InlineData("es", "The country is not eligible.\nNo thematic area was given.", "por los siguientes motivos:")]
    [InlineData("ar", "The country is not eligible.\nNo thematic area was given.", "للسببين التاليين:")]
    public async Task A_screening_refusal_gives_its_reason_or_reasons(string language, string reasons, string expected)
    {
        var email = await _renderer.RenderAsync(EmailTemplates.ScreeningRejected, language, SampleEmails.Request(), SampleEmails.Recipient,
            new Dictionary<string, string> { [EmailValueKeys.Reasons] = reasons });

        email.Text.ShouldContain(expected);
        email.Text.ShouldNotContain("1 reasons");
    }

    [Theory]
    [InlineData(2, "This is a triangular cooperation. Let us also introduce you to the other partner:")]
    [InlineData(3, "This is a triangular cooperation. Let us also introduce you to the 2 other partners:")]
    public async Task A_triangle_partner_is_told_how_many_other_partners_there_are(int partners, string expected)
    {
        var values = new Dictionary<string, string>
        {
            [EmailValueKeys.PartnerName] = "Partner 1",
            [EmailValueKeys.PartnerNames] = Lines(partners, i => $"Partner {i}"),
            [EmailValueKeys.PartnerOrganizations] = Lines(partners, i => $"Organisation {i}"),
            [EmailValueKeys.PartnerEmails] = Lines(partners, i => $"p{i}@example.org"),
            [EmailValueKeys.PartnerCountries] = Lines(partners, _ => "KE"),
        };

        var email = await _renderer.RenderAsync(EmailTemplates.IntroductionPartner, "en", SampleEmails.Request(),
            new EmailRecipient("p1@example.org", "Partner 1"), values);

        email.Text.ShouldContain(expected);
        email.Text.ShouldNotContain("p1@example.org");
    }
}
