using WgeoFlows.Notifications;
using WgeoFlows.Tests.Notifications;

namespace WgeoFlows.Tests.Matching;

/// <summary>The partners of a triangle are introduced to the requester and to each other; a one-to-one partner's mail
/// introduces only the requester.</summary>
public sealed class TriangularIntroductionEmailTests
{
    private readonly EmailRenderer _renderer = new(new EmailTemplateCatalog());

    private static readonly Dictionary<string, string> Triangle = new()
    {
        [EmailValueKeys.PartnerName] = "Savanna Solar (fictional)",
        [EmailValueKeys.PartnerNames] = "Savanna Solar (fictional)\nNordic Green Fund (fictional)",
        [EmailValueKeys.PartnerOrganizations] = "Savanna Solar (fictional)\nNordic Green Fund (fictional)",
        [EmailValueKeys.PartnerEmails] = "solar@example.org\nfund@example.net",
        [EmailValueKeys.PartnerCountries] = "KE\nDE",
    };

    [Fact]
    public async Task A_triangle_partner_is_introduced_to_the_other_partner_but_not_to_itself()
    {
        var email = await _renderer.RenderAsync(EmailTemplates.IntroductionPartner, "en", SampleEmails.Request(),
            new EmailRecipient("solar@example.org", "Savanna Solar (fictional)"), Triangle);

        foreach (var part in new[] { email.Text, email.Html })
        {
            part.ShouldContain("triangular cooperation");
            part.ShouldContain("fund@example.net");
            part.ShouldNotContain("solar@example.org");
            part.ShouldContain("amina@example.org");
        }
    }

    [Fact]
    public async Task The_requester_is_introduced_to_every_partner_of_a_triangle()
    {
        var email = await _renderer.RenderAsync(EmailTemplates.IntroductionRequester, "en", SampleEmails.Request(), SampleEmails.Recipient, Triangle);

        email.Text.ShouldContain("solar@example.org");
        email.Text.ShouldContain("fund@example.net");
        email.Text.ShouldContain("Nordic Green Fund (fictional)");
    }

    [Fact]
    public async Task A_one_to_one_partner_is_introduced_to_the_requester_only()
    {
        var email = await _renderer.RenderAsync(EmailTemplates.IntroductionPartner, "en", SampleEmails.Request(),
            new EmailRecipient("solar@example.org", "Savanna Solar (fictional)"),
            new Dictionary<string, string> { [EmailValueKeys.PartnerName] = "Savanna Solar (fictional)" });

        email.Text.ShouldNotContain("triangular");
        email.Text.ShouldContain("amina@example.org");
    }
}
