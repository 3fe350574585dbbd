using WgeoFlows.Intake.Held;

namespace WgeoFlows.Tests.Intake;

/// <summary>The admins' notice of a held delivery, and the held id a redelivery finds it by.</summary>
public sealed class HeldNoticeTests
{
    [Fact]
    public async Task The_notice_names_the_held_delivery_and_its_fields_and_encodes_whatever_an_error_message_carries()
    {
        var email = await new HeldNoticeRenderer().RenderAsync(new HeldNoticeModel("held-0123456789abcdef01234567", "typeform",
            "2026-12-02 10:00:00Z", [new HeldNoticeField("organization.platform", "'<b>Space</b> agencies' is not a known platform.")],
            "https://wgeo.example/api/admin#held"));

        email.Template.ShouldBe(HeldNoticeRenderer.Template);
        email.Subject.ShouldBe("WgeoFlows: a typeform delivery needs attention (held-0123456789abcdef01234567)");
        email.Html.ShouldContain("&lt;b&gt;Space&lt;/b&gt;");
        email.Html.ShouldNotContain("<b>Space</b>");
        email.Text.ShouldContain("- organization.platform: '<b>Space</b> agencies' is not a known platform.");
        email.Text.ShouldContain("https://wgeo.example/api/admin#held");
    }

    [Fact]
    public void A_held_id_is_the_same_for_every_delivery_of_a_submission_and_says_nothing_of_it()
    {
        var id = HeldDelivery.IdFor("typeform", "typeform:abc123");

        id.ShouldBe(HeldDelivery.IdFor("typeform", "typeform:abc123"));
        id.ShouldNotBe(HeldDelivery.IdFor("typeform", "typeform:abc124"));
        HeldDelivery.IsWellFormedId(id).ShouldBeTrue();
        id.ShouldNotContain("abc123");
        HeldDelivery.IsWellFormedId("held-../../etc").ShouldBeFalse();
    }
}
