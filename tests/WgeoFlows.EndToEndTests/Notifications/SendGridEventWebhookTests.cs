using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using WgeoFlows.Admin.MailEvents;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Notifications;

/// <summary>SendGrid's signed Event Webhook over HTTP on each host: a bounce of a real request's acknowledgement lands on its
/// outbox row and flags it in the admin detail; an unsigned post is refused and changes nothing.</summary>
public abstract class SendGridEventWebhookTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Bounce(string requestId) => SendGridEvents.AcknowledgementBounce(requestId);

    private Task<HttpResponseMessage> PostAsync(string body, bool signed) => stack.Client.Http.SendAsync(SendGridEvents.Post(body, signed), Ct);

    [Fact]
    public async Task A_signed_bounce_of_the_acknowledgement_flags_the_mail_and_an_unsigned_post_is_refused()
    {
        var requestId = await stack.Client.SubmitNewAsync(SamplePayloads.Valid($"e2e-bounce-{Guid.NewGuid():N}"));
        await stack.Client.WaitForMailAsync(requestId, m => m.To.Contains("amina@example.org"), "acknowledgement");
        await stack.Client.WaitForStatusAsync(requestId, "InReview");

        using (var unsigned = await PostAsync(Bounce(requestId), signed: false))
        {
            unsigned.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            unsigned.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        (await MailStateAsync(requestId)).ShouldBe("Sent");

        using (var signed = await PostAsync(Bounce(requestId), signed: true))
        {
            signed.StatusCode.ShouldBe(HttpStatusCode.OK, await signed.Content.ReadAsStringAsync(Ct));
        }
        (await MailStateAsync(requestId)).ShouldBe("Bounced");
        (await stack.Client.TimelineAsync(requestId)).Count(t => t.Action == "email bounced").ShouldBe(1);
    }

    private async Task<string?> MailStateAsync(string requestId) =>
        (await stack.Client.AdminGetAsync($"/api/admin/requests/{requestId}")).GetProperty("emails").EnumerateArray()
            .Single(e => e.GetProperty("messageKey").GetString() == "ack").GetProperty("state").GetString();
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class SendGridEventWebhookTestsOnLocalHost(LocalStack stack) : SendGridEventWebhookTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class SendGridEventWebhookTestsOnFunctionsHost(FunctionsStack stack) : SendGridEventWebhookTests(stack);
