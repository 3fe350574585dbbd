using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SendGrid.Helpers.Mail;

namespace WgeoFlows.Tests.Runtime;

public sealed class MailSinkTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Real_SendGrid_client_delivers_into_the_sink_and_dev_mail_shows_it()
    {
        var subject = "Review request " + Guid.NewGuid().ToString("N");
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress("noreply@wgeoflows.example", "WGEO Partnership"),
            new EmailAddress("reviewer@example.org", "Reviewer"),
            subject,
            "Please review: http://127.0.0.1/api/review/abc",
            "<p>Please <a href=\"http://127.0.0.1/api/review/abc\">review</a></p>");
        message.AddCustomArg("requestId", "req-42");

        var response = await DevMailClient.SendGridFor(fixture.Host).SendEmailAsync(message, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var mail = (await DevMailClient.ListAsync(fixture.Host)).Single(m => m.Subject == subject);
        mail.To.ShouldBe(["reviewer@example.org"]);
        mail.From.ShouldBe("noreply@wgeoflows.example");
        mail.Text.ShouldBe("Please review: http://127.0.0.1/api/review/abc");
        mail.Html.ShouldBe("<p>Please <a href=\"http://127.0.0.1/api/review/abc\">review</a></p>");
        mail.CustomArgs["requestId"].ShouldBe("req-42");
        mail.ReceivedAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Sink_refuses_a_wrong_api_key_like_SendGrid()
    {
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress("noreply@wgeoflows.example"), new EmailAddress("a@example.org"), "Wrong key", "text", null);

        var response = await DevMailClient.SendGridFor(fixture.Host, apiKey: "SG.wrong").SendEmailAsync(message, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DevMailClient.ListAsync(fixture.Host)).ShouldNotContain(m => m.Subject == "Wrong key");
    }

    [Fact]
    public async Task Sink_refuses_a_mail_without_recipients_with_a_SendGrid_error()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/mail/send")
        {
            Content = new StringContent(
                """{"personalizations":[],"from":{"email":"noreply@wgeoflows.example"},"subject":"x","content":[{"type":"text/plain","value":"x"}]}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevMailClient.DevelopmentApiKey);

        var response = await fixture.Host.Http.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("\"field\":\"personalizations\"");
    }

    [Fact]
    public async Task Dev_mail_lists_newest_first_and_delete_empties_it()
    {
        (await fixture.Host.Http.DeleteAsync("/dev/mail", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await DevMailClient.SendAsync(fixture.Host, "first@example.org", "First", "one");
        await DevMailClient.SendAsync(fixture.Host, "second@example.org", "Second", "two");
        await DevMailClient.SendAsync(fixture.Host, "third@example.org", "Third", "three");

        var mails = await DevMailClient.ListAsync(fixture.Host);
        mails.Select(m => m.Subject).ShouldBe(["Third", "Second", "First"]);

        (await fixture.Host.Http.DeleteAsync("/dev/mail", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await DevMailClient.ListAsync(fixture.Host)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Outbox_page_encodes_everything_links_urls_and_sandboxes_the_html_body()
    {
        var subject = "<script>alert('s')</script> " + Guid.NewGuid().ToString("N");
        await DevMailClient.SendAsync(fixture.Host, "amina@example.org", subject,
            "Open https://example.org/api/review/t0k3n?x=1&y=2. Thanks <b>",
            "<p onclick=\"x()\">Hi<script>alert('h')</script></p>");

        var response = await fixture.Host.Http.GetAsync("/dev/outbox", Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.ShouldNotContain("<script>");
        page.ShouldNotContain("<b>");
        page.ShouldContain("&lt;script&gt;alert(&#x27;s&#x27;)&lt;/script&gt;");
        page.ShouldContain("<a href=\"https://example.org/api/review/t0k3n?x=1&amp;y=2\">https://example.org/api/review/t0k3n?x=1&amp;y=2</a>. Thanks &lt;b&gt;");
        page.ShouldContain("<iframe sandbox=\"\"");
        page.ShouldContain("srcdoc=\"&lt;p onclick=&quot;x()&quot;&gt;Hi&lt;script&gt;");
    }
}
