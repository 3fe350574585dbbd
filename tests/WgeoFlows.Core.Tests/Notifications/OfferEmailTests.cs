using WgeoFlows.Notifications;

namespace WgeoFlows.Tests.Notifications;

/// <summary>An offer tells the partner which kind of cooperation it would join: the workflow marks the offers of a triangle
/// (a technical partner and a funder) as triangular.</summary>
public sealed class OfferEmailTests
{
    private readonly EmailRenderer _renderer = new(new EmailTemplateCatalog());

    private Task<RenderedEmail> OfferAsync(bool triangular) =>
        _renderer.RenderAsync(EmailTemplates.Offer, "en", SampleEmails.Request(), SampleEmails.Recipient,
            new Dictionary<string, string>(SampleEmails.ValuesFor(EmailTemplates.Offer)) { [EmailValueKeys.Triangular] = triangular ? "true" : "false" });

    [Fact]
    public async Task An_offer_of_a_triangle_says_it_is_a_triangular_cooperation()
    {
        var email = await OfferAsync(triangular: true);

        email.Text.ShouldContain("This would be a triangular cooperation");
        email.Html.ShouldContain("This would be a triangular cooperation");
    }

    [Fact]
    public async Task A_one_to_one_offer_says_it_is_a_South_South_cooperation()
    {
        var email = await OfferAsync(triangular: false);

        email.Text.ShouldContain("This would be a South-South cooperation");
        email.Text.ShouldNotContain("triangular cooperation");
    }
}
