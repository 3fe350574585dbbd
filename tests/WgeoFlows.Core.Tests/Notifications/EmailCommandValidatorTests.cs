using WgeoFlows.Notifications;

namespace WgeoFlows.Tests.Notifications;

public sealed class EmailCommandValidatorTests
{
    private static EmailCommand Valid() => new("req-1", "review|stage-1|r0|amina@x.org", EmailTemplates.ReviewRequest, "en",
        [new EmailRecipient("amina@x.org", "Amina")],
        new Dictionary<string, string> { ["reviewLink"] = "https://wgeo.example/api/review/t", ["stageName"] = "Platform review", ["reviewerName"] = "Amina" });

    [Fact]
    public void A_complete_command_is_accepted() => EmailCommandValidator.Validate(Valid());

    [Fact]
    public void A_command_without_recipients_is_refused() =>
        Should.Throw<ArgumentException>(() => EmailCommandValidator.Validate(Valid() with { To = [] })).Message.ShouldContain("no recipient");

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("amina@localhost")]
    [InlineData("Amina <amina@x.org>")]
    [InlineData("a@x.org;b@x.org")]
    [InlineData("")]
    public void An_implausible_address_is_refused(string address) =>
        Should.Throw<ArgumentException>(() => EmailCommandValidator.Validate(Valid() with { To = [new EmailRecipient(address, null)] }))
            .Message.ShouldContain("is not an email address");

    [Fact]
    public void An_unknown_template_is_refused() =>
        Should.Throw<ArgumentException>(() => EmailCommandValidator.Validate(Valid() with { Template = "welcome" }))
            .Message.ShouldContain("no email template 'welcome'");

    [Fact]
    public void Missing_values_are_named() =>
        Should.Throw<ArgumentException>(() => EmailCommandValidator.Validate(Valid() with { Values = new Dictionary<string, string> { ["stageName"] = "x" } }))
            .Message.ShouldContain("needs the value(s) reviewLink, reviewerName");

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/api/review/t")]
    [InlineData("ftp://wgeo.example/x")]
    public void A_link_that_is_not_an_absolute_web_address_is_refused(string link) =>
        Should.Throw<ArgumentException>(() => EmailCommandValidator.Validate(Valid() with
        {
            Values = new Dictionary<string, string>(Valid().Values) { ["reviewLink"] = link },
        })).Message.ShouldContain("must be an absolute http(s) link");

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("")]
    public void A_message_key_that_cannot_be_a_table_row_key_is_refused(string key) =>
        Should.Throw<ArgumentException>(() => EmailCommandValidator.Validate(Valid() with { MessageKey = key }));
}
