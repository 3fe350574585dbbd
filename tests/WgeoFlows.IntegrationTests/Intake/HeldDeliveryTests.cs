using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using WgeoFlows.Admin.Held;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Held;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Intake.Typeform;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Tests.Intake;

/// <summary>
/// Nothing a person submits is lost at the Typeform door: a correctly signed delivery whose answers cannot be mapped is
/// kept whole (raw body in Blob Storage, a row in WgeoHeld), answered 200, listed for the admins with its field errors and
/// mailed to them once; an admin releases it (fields or mapping corrected) through the normal intake, or discards it.
/// A body that is not JSON, not a form response or wrongly signed is still refused and nothing is kept.
/// </summary>
public sealed class HeldDeliveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly DoorStack _stack = new(azurite);

    [Fact]
    public async Task An_unmappable_delivery_is_kept_whole_answered_200_listed_with_its_field_errors_and_mailed_to_the_admins_once()
    {
        var token = NewToken();
        var body = Unmappable(token).ToJsonString();

        var answer = await DeliverAsync(body);

        answer.Status.ShouldBe(200);
        var heldId = answer.Json.GetProperty("heldId").GetString()!;
        answer.Json.GetProperty("status").GetString().ShouldBe("Held");
        var errors = answer.Json.GetProperty("errors");
        errors.GetProperty("organization.platform")[0].GetString()!.ShouldContain("Typeform field ref 'organization_platform'");
        errors.TryGetProperty("request.thematicAreas[1]", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("request.title", out _).ShouldBeTrue("a missing required answer");
        (await RawBodyAsync(heldId)).ShouldBe(body, "the delivery is kept whole, byte for byte");
        (await _stack.Get<SubmissionInbox>().GetAsync(RequestIds.For("typeform:" + token), Ct)).ShouldBeNull("not a request yet");

        var list = await AdminAsync(h => h.ListAsync(Admin("GET").Request, Ct));
        var item = list.Json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == heldId);
        item.GetProperty("source").GetString().ShouldBe("typeform");
        item.GetProperty("organization").GetString().ShouldBe("Nairobi County Energy Office");
        item.GetProperty("errors").GetProperty("organization.platform").GetArrayLength().ShouldBe(1);
        item.GetProperty("notified").GetBoolean().ShouldBeTrue();
        var detail = await AdminAsync(h => h.DetailAsync(Admin("GET").Request, heldId, Ct));
        detail.Json.GetProperty("raw").GetProperty("form_response").GetProperty("token").GetString().ShouldBe(token);
        detail.Json.GetProperty("mapped").GetProperty("organization").GetProperty("platform").GetString().ShouldBe("Space agencies");
        detail.Json.GetProperty("currentErrors").TryGetProperty("organization.platform", out _).ShouldBeTrue();

        // Typeform delivers the same response again (another event id): the same held delivery, no second mail.
        var again = await DeliverAsync(Unmappable(token, eventId: "EVT-again").ToJsonString());
        again.Status.ShouldBe(200);
        again.Json.GetProperty("heldId").GetString().ShouldBe(heldId);
        var notices = NoticesOf(heldId);
        notices.ShouldHaveSingleItem().To.ShouldBe("secretariat@example.org");
        notices[0].Text.ShouldContain("organization.platform");
        notices[0].Text.ShouldNotContain("Solar mini-grids", Case.Insensitive, "the notice carries no answer the respondent typed");
        (await OpenIdsAsync()).Count(id => id == heldId).ShouldBe(1);
    }

    [Fact]
    public async Task An_admin_releases_it_with_corrected_fields_through_the_normal_intake_once_however_often_it_is_released()
    {
        var token = NewToken();
        var heldId = (await DeliverAsync(Unmappable(token).ToJsonString())).Json.GetProperty("heldId").GetString()!;

        // Corrections that are still wrong: refused by the same validation as every door, and it stays held.
        var wrong = await ActAsync(heldId, HeldAdminHandler.Release, new { fields = new Dictionary<string, object?> { ["organization.platform"] = "moon" } });
        wrong.Status.ShouldBe(400);
        wrong.ContentType.ShouldBe("application/problem+json");
        (await ActAsync(heldId, HeldAdminHandler.Release, new { fields = new Dictionary<string, object?> { ["organization.planet"] = "earth" } }))
            .Status.ShouldBe(400);

        var fields = new Dictionary<string, object?>
        {
            ["organization.platform"] = "international-organizations",
            ["request.thematicAreas"] = new[] { "renewable-energy", "green-industry" },
            ["request.title"] = "Solar mini-grids for informal settlements",
        };
        var released = await ActAsync(heldId, HeldAdminHandler.Release, new { fields });

        released.Status.ShouldBe(202, released.Body);
        var requestId = released.Json.GetProperty("requestId").GetString()!;
        requestId.ShouldBe(RequestIds.For("typeform:" + token));
        var pending = (await _stack.Get<SubmissionInbox>().GetAsync(requestId, Ct)).ShouldNotBeNull().Pending.ShouldNotBeNull();
        pending.Request.Organization.Platform.ShouldBe("international-organizations");
        pending.Request.ThematicAreas.ShouldBe(["renewable-energy", "green-industry"]);
        pending.Request.Contact.Email.ShouldBe("amina@example.org", "everything else is the respondent's own answer");
        (await RawBodyAsync(heldId)).ShouldBeNull("the raw body is deleted once the request holds the answers");
        (await OpenIdsAsync()).ShouldNotContain(heldId);
        var record = (await _stack.Get<HeldDeliveryStore>().GetAsync(heldId, Ct)).ShouldNotBeNull();
        record.State.ShouldBe(HeldState.Released);
        record.ContactEmail.ShouldBeNull();

        var again = await ActAsync(heldId, HeldAdminHandler.Release, new { fields });
        again.Status.ShouldBe(200);
        again.Json.GetProperty("requestId").GetString().ShouldBe(requestId);
        again.Json.GetProperty("duplicate").GetBoolean().ShouldBeTrue();
        (await ActAsync(heldId, HeldAdminHandler.Discard, new { reason = "too late" })).Status.ShouldBe(409);
        // Typeform redelivering the original response now changes nothing either.
        (await DeliverAsync(Unmappable(token, eventId: "EVT-late").ToJsonString())).Json.GetProperty("heldId").GetString().ShouldBe(heldId);
        NoticesOf(heldId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task After_the_mapping_is_corrected_in_configuration_a_release_without_fields_maps_the_raw_body_again()
    {
        var token = NewToken();
        var delivery = TypeformSamples.Delivery(token);
        delivery["form_response"]!["answers"]!.AsArray()[1] =
            TypeformSamples.Answer("choice", "organization_platform", new JsonObject { ["label"] = "Space agencies" });
        var heldId = (await DeliverAsync(delivery.ToJsonString())).Json.GetProperty("heldId").GetString()!;

        // The admin adds the missing choice to the mapping and the app restarts with it.
        await using var corrected = new DoorStack(azurite, new Dictionary<string, string?>
        {
            ["Intake:Typeform:Choices:organization.platform:Space agencies"] = "public-sector",
        });
        var context = Admin("POST", corrected.Services);
        var released = await DoorCalls.RunAsync(context, await corrected.Get<HeldAdminHandler>().ActAsync(context.Request, heldId,
            HeldAdminHandler.Release, null!, Ct));

        released.Status.ShouldBe(202, released.Body);
        (await corrected.Get<SubmissionInbox>().GetAsync(RequestIds.For("typeform:" + token), Ct)).ShouldNotBeNull()
            .Pending.ShouldNotBeNull().Request.Organization.Platform.ShouldBe("public-sector");
    }

    [Fact]
    public async Task An_admin_discards_it_with_a_reason_and_its_raw_body_is_deleted()
    {
        var heldId = (await DeliverAsync(Unmappable(NewToken()).ToJsonString())).Json.GetProperty("heldId").GetString()!;

        (await ActAsync(heldId, HeldAdminHandler.Discard, new { })).Status.ShouldBe(400, "a reason is required");
        var discarded = await ActAsync(heldId, HeldAdminHandler.Discard, new { reason = "A test submission by the form's owner." });

        discarded.Status.ShouldBe(200);
        discarded.Json.GetProperty("state").GetString().ShouldBe("Discarded");
        (await RawBodyAsync(heldId)).ShouldBeNull();
        (await OpenIdsAsync()).ShouldNotContain(heldId);
        var detail = await AdminAsync(h => h.DetailAsync(Admin("GET").Request, heldId, Ct));
        detail.Json.GetProperty("item").GetProperty("state").GetString().ShouldBe("Discarded");
        detail.Json.GetProperty("item").TryGetProperty("contactEmail", out _).ShouldBeFalse("no personal data is kept of a discarded delivery");
        (await ActAsync(heldId, HeldAdminHandler.Discard, new { reason = "again" })).Status.ShouldBe(200, "discarding again answers the same");
        (await ActAsync(heldId, HeldAdminHandler.Release, null)).Status.ShouldBe(409);
    }

    [Fact]
    public async Task Malformed_JSON_a_body_that_is_not_a_form_response_or_a_wrong_signature_is_still_refused_and_nothing_is_kept()
    {
        var openBefore = (await OpenIdsAsync()).Count;
        var blobsBefore = await HeldBlobCountAsync();
        (await DeliverAsync("{ \"form_response\": { \"token\": ")).Status.ShouldBe(400);
        (await DeliverAsync("{ \"event_type\": \"ping\" }")).Status.ShouldBe(400);
        (await DeliverAsync(Unmappable(NewToken()).ToJsonString(), secret: "not-the-secret")).Status.ShouldBe(401);
        // The contract's signed webhook keeps its 400 for a body with invalid fields, and keeps nothing.
        var invalid = SamplePayloads.Valid($"held-webhook-{Guid.NewGuid():N}");
        invalid["organization"]!["platform"] = "space-agencies";
        var webhook = DoorCalls.Webhook(_stack.Services, invalid.ToJsonString());
        (await DoorCalls.RunAsync(webhook, await _stack.Get<IntakeHandler>().SubmitAsync(webhook.Request, null!, Ct))).Status.ShouldBe(400);

        (await OpenIdsAsync()).Count.ShouldBe(openBefore);
        (await HeldBlobCountAsync()).ShouldBe(blobsBefore);
        _stack.Mail.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_delivery_to_hold_that_storage_cannot_take_is_answered_503_to_be_delivered_again()
    {
        var port = WgeoFlows.Testing.FreePort.Next();
        await using var down = new DoorStack(azurite, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
                "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
        });
        var context = DoorCalls.Typeform(down.Services, Unmappable(NewToken()).ToJsonString());

        var answer = await DoorCalls.RunAsync(context, await down.Get<TypeformHandler>().SubmitAsync(context.Request, null!, Ct));

        answer.Status.ShouldBe(503, answer.Body);
        answer.Headers.RetryAfter.ToString().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_held_routes_need_an_admin()
    {
        var heldId = (await DeliverAsync(Unmappable(NewToken()).ToJsonString())).Json.GetProperty("heldId").GetString()!;
        var handler = _stack.Get<HeldAdminHandler>();
        IResult[] answers =
        [
            await handler.ListAsync(Anonymous("GET").Request, Ct),
            await handler.DetailAsync(Anonymous("GET").Request, heldId, Ct),
            await handler.ActAsync(Anonymous("POST").Request, heldId, HeldAdminHandler.Discard, null!, Ct),
        ];
        foreach (var result in answers) (await DoorCalls.RunAsync(Anonymous("GET"), result)).Status.ShouldBe(401);
        (await _stack.Get<HeldDeliveryStore>().GetAsync(heldId, Ct)).ShouldNotBeNull().State.ShouldBe(HeldState.Held);
    }

    private static string NewToken() => "held-" + Guid.NewGuid().ToString("N");

    /// <summary>A Typeform response with an unknown choice, an "Other" text among the themes and no title.</summary>
    private static JsonObject Unmappable(string token, string eventId = "EVT-1")
    {
        var delivery = TypeformSamples.Delivery(token, eventId: eventId);
        var answers = delivery["form_response"]!["answers"]!.AsArray();
        answers[1] = TypeformSamples.Answer("choice", "organization_platform", new JsonObject { ["label"] = "Space agencies" });
        answers[9] = TypeformSamples.Answer("choices", "request_thematicAreas",
            new JsonObject { ["labels"] = new JsonArray("Renewable energy"), ["other"] = "Off-grid solar for schools" });
        answers.RemoveAt(7);
        return delivery;
    }

    private async Task<DoorAnswer> DeliverAsync(string body, string secret = DoorCalls.TypeformSecret)
    {
        var context = DoorCalls.Typeform(_stack.Services, body, secret);
        return await DoorCalls.RunAsync(context, await _stack.Get<TypeformHandler>().SubmitAsync(context.Request, null!, Ct));
    }

    private DefaultHttpContext Admin(string method, IServiceProvider? services = null, object? body = null)
    {
        var context = DoorCalls.Context(services ?? _stack.Services, method, "/api/admin/held",
            body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body));
        context.Request.Headers[AdminAuthenticator.KeyHeader] = DoorCalls.AdminKey;
        return context;
    }

    private DefaultHttpContext Anonymous(string method) => DoorCalls.Context(_stack.Services, method, "/api/admin/held");

    private async Task<DoorAnswer> AdminAsync(Func<HeldAdminHandler, Task<IResult>> call) =>
        await DoorCalls.RunAsync(Admin("GET"), await call(_stack.Get<HeldAdminHandler>()));

    private async Task<DoorAnswer> ActAsync(string heldId, string action, object? body)
    {
        var context = Admin("POST", body: body);
        return await DoorCalls.RunAsync(context, await _stack.Get<HeldAdminHandler>().ActAsync(context.Request, heldId, action, null!, Ct));
    }

    private async Task<List<string>> OpenIdsAsync() =>
        (await AdminAsync(h => h.ListAsync(Admin("GET").Request, Ct))).Json.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetString()!).ToList();

    private async Task<int> HeldBlobCountAsync()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(TableNames.HeldContainer);
        return await container.ExistsAsync(Ct) ? (await container.GetBlobsAsync(cancellationToken: Ct).ToListAsync(Ct)).Count : 0;
    }

    private async Task<string?> RawBodyAsync(string heldId)
    {
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(TableNames.HeldContainer).GetBlobClient(heldId + ".json");
        return await blob.ExistsAsync(Ct) ? Encoding.UTF8.GetString((await blob.DownloadContentAsync(Ct)).Value.Content.ToArray()) : null;
    }

    private List<(string To, string Subject, string Text)> NoticesOf(string heldId) =>
        _stack.Mail.Received
            .Where(m => m.Body.GetProperty("subject").GetString()!.Contains(heldId, StringComparison.Ordinal))
            .Select(m => (m.Body.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!,
                m.Body.GetProperty("subject").GetString()!,
                m.Body.GetProperty("content").EnumerateArray().First(c => c.GetProperty("type").GetString() == "text/plain").GetProperty("value").GetString()!))
            .ToList();

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
