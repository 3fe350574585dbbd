using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Intake.Typeform;
using WgeoFlows.Tests.Support;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Intake;

/// <summary>
/// A request from a public door (Typeform here; the form in <see cref="ConfirmationExpiryTests"/> and the abuse test) waits in
/// AwaitingConfirmation: its one mail is the confirmation, with the reference number and a confirm link and nothing the
/// submitter typed; GET and HEAD of the link change nothing; only the POST lets the request be screened, acknowledged
/// and shown to reviewers.
/// </summary>
public abstract class ConfirmationTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static JsonObject DeliveryTo(string token, string email)
    {
        var delivery = TypeformSamples.Delivery(token);
        foreach (var answer in delivery["form_response"]!["answers"]!.AsArray())
        {
            if (answer!["field"]!["ref"]!.GetValue<string>() == "contact_email") answer["email"] = email;
        }
        return delivery;
    }

    private async Task<HttpResponseMessage> DeliverAsync(JsonObject delivery)
    {
        var body = Encoding.UTF8.GetBytes(delivery.ToJsonString());
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests/typeform") { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new("application/json");
        message.Headers.Add(TypeformSignature.Header, TypeformSignature.Compute(stack.TypeformSecret, body));
        return await stack.Client.Http.SendAsync(message, Ct);
    }

    [Fact]
    public async Task A_Typeform_request_gets_only_a_confirmation_without_its_text_and_goes_on_only_after_the_POST()
    {
        var email = $"confirm-{Guid.NewGuid():N}@example.org";
        using var delivered = await DeliverAsync(DeliveryTo($"e2e-confirm-{Guid.NewGuid():N}", email));
        delivered.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var answer = await delivered.Content.ReadFromJsonAsync<JsonElement>(Ct);
        answer.GetProperty("status").GetString().ShouldBe("AwaitingConfirmation");
        var requestId = answer.GetProperty("requestId").GetString()!;

        await stack.Client.WaitForStatusAsync(requestId, "AwaitingConfirmation");
        var confirmation = await stack.Client.WaitForMailAsync(requestId, m => m.To.Contains(email), "confirmation");
        confirmation.Subject.ShouldContain(requestId);
        foreach (var part in new[] { confirmation.Subject, confirmation.Text, confirmation.Html })
        {
            part.ShouldNotContain("Solar", Case.Insensitive);
            part.ShouldNotContain("Nairobi", Case.Insensitive);
            part.ShouldNotContain("Amina", Case.Insensitive);
        }
        var link = WgeoClient.LinkIn(confirmation, "confirm");

        // The admin views know the status: its own listing and its count.
        var listed = await stack.Client.AdminGetAsync("/api/admin/requests?status=AwaitingConfirmation&pageSize=100");
        listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("requestId").GetString()).ShouldContain(requestId);
        var summary = await stack.Client.AdminGetAsync("/api/admin/summary");
        summary.GetProperty("counts").GetProperty("AwaitingConfirmation").GetInt64().ShouldBeGreaterThanOrEqualTo(1);

        // A mail scanner opening the link changes nothing.
        using (var page = await stack.Client.Http.GetAsync(link, Ct))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await page.Content.ReadAsStringAsync(Ct)).ShouldContain("<form method=\"post\"");
        }
        using (var head = await stack.Client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, link), Ct))
        {
            head.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        // A confirmation is recorded on its stage before anything is raised: right after the GET and the HEAD, the request
        // still waits, with its one mail.
        (await stack.Client.StatusOfAsync(requestId)).ShouldBe("AwaitingConfirmation");
        (await stack.Client.MailsAboutAsync(requestId)).Count.ShouldBe(1, "the confirmation is its one mail until it is confirmed");

        using (var confirmed = await stack.Client.PostFormAsync(link))
        {
            confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await confirmed.Content.ReadAsStringAsync(Ct)).ShouldContain("<h1>Thank you</h1>", customMessage: "the POST is the first confirmation");
        }
        // The orchestration takes raised events in the order they were raised: once it has taken the POST's confirmation, it
        // would have taken anything the GET or the HEAD raised before it.
        (await new WorkflowHistory(stack).WaitForTakenAsync(requestId, e => e.Name == WorkflowNames.Events.RequesterConfirmation, "the confirmation"))
            .ShouldBe([new TakenEvent(WorkflowNames.Events.RequesterConfirmation, "confirm")]);
        await stack.Client.WaitForStatusAsync(requestId, "InReview");
        await stack.Client.WaitForMailAsync(requestId, m => m.To.Contains(email) && m.Subject.StartsWith("Nous avons bien reçu", StringComparison.Ordinal),
            "acknowledgement after confirmation");
        await stack.Client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "review"), "review request after confirmation");
    }

    [Fact]
    public async Task A_tampered_confirm_link_gets_a_4xx_page_and_raises_nothing()
    {
        using var response = await stack.Client.PostFormAsync("/api/confirm/not-a-token");
        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class ConfirmationTestsOnLocalHost(LocalStack stack) : ConfirmationTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class ConfirmationTestsOnFunctionsHost(FunctionsStack stack) : ConfirmationTests(stack);
