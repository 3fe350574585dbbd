using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WgeoFlows.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>The webhook's refusals (docs/integrators.md) over HTTP against each host, each proven to store nothing: no request
/// row, no dedupe claim, no blob, no admin index row, no orchestration, no mail.</summary>
public abstract class WebhookRefusalTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly IntakeTrace _trace = new(stack);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message)
    {
        using (message) return await stack.Client.Http.SendAsync(message, Ct);
    }

    public static TheoryData<string> UnauthenticatedCases => ["no signature", "no timestamp", "signed with another secret",
        "signature of another body", "timestamp 6 minutes old", "timestamp 6 minutes ahead", "timestamp not a number", "signature not hex"];

    [Theory]
    [MemberData(nameof(UnauthenticatedCases))]
    public async Task A_delivery_without_a_valid_signature_and_timestamp_gets_401_and_stores_nothing(string @case)
    {
        var submissionId = "e2e-401-" + @case.Replace(' ', '-');
        var body = SamplePayloads.Valid(submissionId).ToBody();
        var now = DateTimeOffset.UtcNow;
        string Ts(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string Sign(string ts, byte[] signed, string? secret = null) => WebhookSignature.Compute(secret ?? stack.Client.WebhookSecret, ts, signed);
        var message = @case switch
        {
            "no signature" => RawDelivery.Build(body, "application/json", Ts(now), null),
            "no timestamp" => RawDelivery.Build(body, "application/json", null, Sign(Ts(now), body)),
            "signed with another secret" => RawDelivery.Build(body, "application/json", Ts(now), Sign(Ts(now), body, "not-the-secret")),
            "signature of another body" => RawDelivery.Build(body, "application/json", Ts(now), Sign(Ts(now), SamplePayloads.Valid("other").ToBody())),
            "timestamp 6 minutes old" => RawDelivery.Signed(body, stack.Client.WebhookSecret, now.AddMinutes(-6)),
            "timestamp 6 minutes ahead" => RawDelivery.Signed(body, stack.Client.WebhookSecret, now.AddMinutes(6)),
            "timestamp not a number" => RawDelivery.Build(body, "application/json", "yesterday", Sign("yesterday", body)),
            _ => RawDelivery.Build(body, "application/json", Ts(now), "sha256=" + new string('z', 64)),
        };

        using var response = await SendAsync(message);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await _trace.ShouldHaveStoredNothingAsync(submissionId);
    }

    [Fact]
    public async Task A_timestamp_within_five_minutes_is_accepted()
    {
        using var response = await SendAsync(RawDelivery.Signed(SamplePayloads.Valid("e2e-401-skew-ok"), stack.Client.WebhookSecret,
            DateTimeOffset.UtcNow.AddMinutes(-4)));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_body_with_several_bad_fields_gets_400_naming_every_one_and_stores_nothing()
    {
        const string submissionId = "e2e-400-several";
        var payload = SamplePayloads.Valid(submissionId);
        payload["organization"]!["platform"] = "space-agencies";
        payload["organization"]!["country"] = "XX";
        payload["contact"]!["email"] = "not-an-email";
        payload["request"]!.AsObject().Remove("title");
        payload["request"]!["thematicAreas"] = new System.Text.Json.Nodes.JsonArray("renewable-energy", "astrology");
        payload["request"]!["budgetUsd"] = "a lot";
        payload["attachments"] = new System.Text.Json.Nodes.JsonArray(SamplePayloads.Attachment("tool.exe", "application/x-msdownload", [0x4D, 0x5A]));

        using var response = await SendAsync(RawDelivery.Signed(payload, stack.Client.WebhookSecret));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe([
            "attachments[0].contentType", "contact.email", "organization.country", "organization.platform",
            "request.budgetUsd", "request.thematicAreas[1]", "request.title"]);
        await _trace.ShouldHaveStoredNothingAsync(submissionId);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_gets_400_and_stores_nothing()
    {
        using var response = await SendAsync(RawDelivery.Signed("{\"submissionId\": \"e2e-400-broken\", "u8.ToArray(), stack.Client.WebhookSecret));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("$", out _).ShouldBeTrue();
        await _trace.ShouldHaveStoredNothingAsync("e2e-400-broken");
    }

    [Fact]
    public async Task A_body_over_10_MiB_gets_413_and_stores_nothing()
    {
        const string submissionId = "e2e-413";
        var payload = SamplePayloads.Valid(submissionId);
        var big = new byte[8 * 1024 * 1024];
        SamplePayloads.PdfBytes.CopyTo(big, 0);
        payload["attachments"] = new System.Text.Json.Nodes.JsonArray(SamplePayloads.Attachment("big.pdf", "application/pdf", big));

        using var response = await SendAsync(RawDelivery.Signed(payload, stack.Client.WebhookSecret));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await _trace.ShouldHaveStoredNothingAsync(submissionId);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_declared_JSON_gets_415_and_stores_nothing(string contentType)
    {
        var submissionId = "e2e-415-" + contentType.Replace('/', '-');
        var body = SamplePayloads.Valid(submissionId).ToBody();
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var response = await SendAsync(RawDelivery.Build(body, contentType, ts, WebhookSignature.Compute(stack.Client.WebhookSecret, ts, body)));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        await _trace.ShouldHaveStoredNothingAsync(submissionId);
    }

    [Fact]
    public async Task The_same_submission_id_with_another_body_gets_409_and_changes_nothing()
    {
        const string submissionId = "e2e-409";
        using var first = await stack.Client.SubmitAsync(SamplePayloads.Valid(submissionId));
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requestId = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;

        var changed = SamplePayloads.Valid(submissionId);
        changed["request"]!["title"] = "A different request under the same submission id";
        using var second = await stack.Client.SubmitAsync(changed);

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        second.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await second.Content.ReadAsStringAsync(Ct)).ShouldContain(requestId);
        // The detail shows the first body whether or not the dispatch has stored its record yet (before it, from the inbox row).
        var detail = await stack.Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        detail.GetProperty("request").GetProperty("title").GetString().ShouldBe("Solar mini-grids for informal settlements");
        // The dispatcher writes the record and starts the orchestration moments after the 202; the orchestration's first
        // activity lists the request for admins, and its history holds ExecutionStarted once it has run: count after that.
        await stack.Client.WaitForStatusAsync(requestId, "InReview");
        (await _trace.RequestRowsAsync(requestId)).ShouldBeGreaterThan(0);
        (await _trace.ExecutionsStartedAsync(requestId)).ShouldBe(1);
        (await _trace.AdminIndexRowsAsync(requestId)).ShouldBeGreaterThan(0);
        detail = await stack.Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        detail.GetProperty("request").GetProperty("title").GetString().ShouldBe("Solar mini-grids for informal settlements");
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class WebhookRefusalTestsOnLocalHost(LocalStack stack) : WebhookRefusalTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class WebhookRefusalTestsOnFunctionsHost(FunctionsStack stack) : WebhookRefusalTests(stack);
