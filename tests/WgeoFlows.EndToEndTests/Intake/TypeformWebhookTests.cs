using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Typeform;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>Typeform's own webhook format against each host (its development secret and the conventional field refs).</summary>
public abstract class TypeformWebhookTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> DeliverAsync(JsonObject delivery, string? secret = null)
    {
        secret ??= stack.TypeformSecret;
        var body = Encoding.UTF8.GetBytes(delivery.ToJsonString());
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests/typeform") { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new("application/json");
        message.Headers.Add(TypeformSignature.Header, TypeformSignature.Compute(secret, body));
        return stack.Client.Http.SendAsync(message, Ct);
    }

    [Fact]
    public async Task A_signed_Typeform_delivery_becomes_a_request_and_its_redelivery_under_a_new_event_id_is_a_duplicate()
    {
        using var first = await DeliverAsync(TypeformSamples.Delivery("e2e-typeform-1", eventId: "EVT-1"));
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requestId = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
        requestId.ShouldBe(RequestIds.For("typeform:e2e-typeform-1"));

        using var again = await DeliverAsync(TypeformSamples.Delivery("e2e-typeform-1", eventId: "EVT-2"));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("duplicate").GetBoolean().ShouldBeTrue();

        // A public door: the request goes on once its requester confirms from the one mail it gets first.
        var confirmation = await stack.Client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "confirm"), "confirmation");
        using (var confirmed = await stack.Client.PostFormAsync(WgeoClient.LinkIn(confirmation, "confirm"))) confirmed.EnsureSuccessStatusCode();
        var detail = await stack.Client.WaitForStatusAsync(requestId, "InReview");
        var request = detail.GetProperty("request");
        request.GetProperty("organization").GetProperty("platform").GetString().ShouldBe("cities");
        request.GetProperty("organization").GetProperty("country").GetString().ShouldBe("KE");
        request.GetProperty("contact").GetProperty("language").GetString().ShouldBe("fr");
        request.GetProperty("thematicAreas").EnumerateArray().Select(t => t.GetString()).ShouldBe(["renewable-energy", "sustainable-cities"]);
        var ack = await stack.Client.WaitForMailAsync(requestId, m => m.To.Contains("amina@example.org"), "acknowledgement");
        ack.Subject.ShouldStartWith("Nous avons bien reçu votre demande");
    }

    [Fact]
    public async Task A_delivery_signed_with_another_secret_gets_401_and_stores_nothing()
    {
        using var response = await DeliverAsync(TypeformSamples.Delivery("e2e-typeform-forged"), "not-the-secret");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await new IntakeTrace(stack).ShouldHaveStoredNothingAsync("typeform:e2e-typeform-forged");
    }

    [Fact]
    public async Task Unmappable_answers_are_held_answered_200_mailed_to_the_admins_and_released_by_an_admin_as_a_request()
    {
        var delivery = TypeformSamples.Delivery($"e2e-typeform-held-{Guid.NewGuid():N}");
        var token = delivery["form_response"]!["token"]!.GetValue<string>();
        delivery["form_response"]!["answers"]!.AsArray()[1] =
            TypeformSamples.Answer("choice", "organization_platform", new JsonObject { ["label"] = "Space agencies" });

        using var response = await DeliverAsync(delivery);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "kept, so that Typeform does not give up on the respondent's answers");
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        answer.GetProperty("status").GetString().ShouldBe("Held");
        answer.GetProperty("errors").GetProperty("organization.platform")[0].GetString()!.ShouldContain("Typeform field ref 'organization_platform'");
        var heldId = answer.GetProperty("heldId").GetString()!;
        await new IntakeTrace(stack).ShouldHaveStoredNothingAsync("typeform:" + token);
        (await stack.Client.WaitForMailAsync(heldId, _ => true, "held delivery notice")).Subject.ShouldContain("needs attention");
        var held = await stack.Client.AdminGetAsync("/api/admin/held");
        held.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("id").GetString() == heldId);

        using var released = await stack.Client.AdminSendAsync(HttpMethod.Post, $"/api/admin/held/{heldId}/release",
            new { fields = new Dictionary<string, string> { ["organization.platform"] = "public-sector" } });

        released.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requestId = (await released.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;
        requestId.ShouldBe(RequestIds.For("typeform:" + token));
        // Released through the Typeform door: like any public request, it goes on once its requester confirms.
        await stack.Client.WaitForStatusAsync(requestId, "AwaitingConfirmation");
        var confirmation = await stack.Client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "confirm"), "confirmation");
        using (var confirmed = await stack.Client.PostFormAsync(WgeoClient.LinkIn(confirmation, "confirm"))) confirmed.EnsureSuccessStatusCode();
        var detail = await stack.Client.WaitForStatusAsync(requestId, "InReview");
        detail.GetProperty("request").GetProperty("organization").GetProperty("platform").GetString().ShouldBe("public-sector");
        using var again = await stack.Client.AdminSendAsync(HttpMethod.Post, $"/api/admin/held/{heldId}/release", new { });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class TypeformWebhookTestsOnLocalHost(LocalStack stack) : TypeformWebhookTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class TypeformWebhookTestsOnFunctionsHost(FunctionsStack stack) : TypeformWebhookTests(stack);
