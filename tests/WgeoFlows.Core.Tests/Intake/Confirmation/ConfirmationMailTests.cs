using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Notifications;
using WgeoFlows.Tests.Notifications;

namespace WgeoFlows.Tests.Intake.Confirmation;

/// <summary>The confirmation mail may reach someone who never asked for it: nothing the submitter typed may be in it.</summary>
public sealed class ConfirmationMailTests
{
    private static readonly EmailRenderer Renderer = new(new EmailTemplateCatalog());

    private static SupportRequest Hostile() => SampleEmails.Request(title: "BUY CHEAP PILLS at spam.example", organization: "Spam Org visit spam.example") with
    {
        Description = "Click https://spam.example now",
        Contact = new Contact("Dear friend, claim your prize", "victim@example.org", "en"),
        Organization = new Organization("Spam Org visit spam.example", "cities", "KE", "https://spam.example"),
    };

    public static TheoryData<string> Languages => new("en", "fr", "es");

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Carries_only_the_reference_number_and_the_confirm_link_never_the_submitters_text(string language)
    {
        var request = Hostile();
        // The orchestrator addresses it without a name; even given one, the template must not print it.
        var email = await Renderer.RenderAsync(EmailTemplates.Confirmation, language, request,
            new EmailRecipient("victim@example.org", "Dear friend, claim your prize"),
            new Dictionary<string, string> { [EmailValueKeys.ConfirmLink] = "https://wgeo.example/api/confirm/tok-1" });

        foreach (var part in new[] { email.Subject, email.Text, email.Html })
        {
            part.ShouldNotContain("spam", Case.Insensitive);
            part.ShouldNotContain("PILLS", Case.Insensitive);
            part.ShouldNotContain("prize", Case.Insensitive);
        }
        email.Subject.ShouldContain(request.RequestId);
        email.Text.ShouldContain("https://wgeo.example/api/confirm/tok-1");
        email.Html.ShouldContain("https://wgeo.example/api/confirm/tok-1");
    }

    [Fact]
    public void The_expired_record_keeps_only_what_the_aggregates_need()
    {
        var request = Hostile() with { Attachments = [new StoredAttachment("a.pdf", "application/pdf", 10, "x/01-a.pdf")] };

        var stripped = ExpireUnconfirmedActivity.Stripped(request);

        stripped.Title.ShouldBeEmpty();
        stripped.Description.ShouldBeEmpty();
        stripped.Organization.Name.ShouldBeEmpty();
        stripped.Organization.Website.ShouldBeNull();
        stripped.Contact.Name.ShouldBeEmpty();
        stripped.Contact.Email.ShouldBeEmpty();
        stripped.Attachments.ShouldBeEmpty();
        (stripped.Organization.Platform, stripped.Organization.Country, stripped.SubmittedAt)
            .ShouldBe((request.Organization.Platform, request.Organization.Country, request.SubmittedAt));
        stripped.ThematicAreas.ShouldBe(request.ThematicAreas);
        stripped.SupportTypes.ShouldBe(request.SupportTypes);
    }

    [Fact]
    public void Public_doors_wait_for_confirmation_by_default_and_signed_webhooks_do_not()
    {
        var defaults = new ConfirmationOptions();
        defaults.AppliesTo(IntakeDoor.Form).ShouldBeTrue();
        defaults.AppliesTo(IntakeDoor.Typeform).ShouldBeTrue();
        defaults.AppliesTo(IntakeDoor.Webhook).ShouldBeFalse();
        defaults.MaxPerAddressPerDay.ShouldBe(3);
        new IntakeOptions().ConfirmWithin.ShouldBe(TimeSpan.FromDays(2));
    }
}
