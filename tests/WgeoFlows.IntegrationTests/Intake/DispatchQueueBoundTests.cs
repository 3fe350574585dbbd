using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Dispatch;
using WgeoFlows.Intake.Form;
using WgeoFlows.Intake.Held;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Intake.Typeform;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>A full dispatch queue (Intake:DispatchQueueCapacity) makes every door answer 503 with Retry-After before it
/// stores anything: no inbox row, no held delivery.</summary>
public sealed class DispatchQueueBoundTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // One place, taken by the first submission; nothing drains it (no host runs the dispatch service here).
    private readonly DoorStack _stack = new(azurite, new Dictionary<string, string?> { ["Intake:DispatchQueueCapacity"] = "1" });

    [Fact]
    public async Task When_the_queue_is_full_the_webhook_answers_503_problem_json_with_Retry_After_and_stores_nothing()
    {
        var first = DoorCalls.Webhook(_stack.Services, SamplePayloads.Valid($"queue-first-{Guid.NewGuid():N}").ToJsonString());
        (await DoorCalls.RunAsync(first, await _stack.Get<IntakeHandler>().SubmitAsync(first.Request, null!, Ct))).Status.ShouldBe(202);
        _stack.Get<DispatchQueue>().Waiting.ShouldBe(1);

        var submissionId = $"queue-refused-{Guid.NewGuid():N}";
        var second = DoorCalls.Webhook(_stack.Services, SamplePayloads.Valid(submissionId).ToJsonString());
        var answer = await DoorCalls.RunAsync(second, await _stack.Get<IntakeHandler>().SubmitAsync(second.Request, null!, Ct));

        answer.Status.ShouldBe(503);
        answer.ContentType.ShouldBe("application/problem+json");
        answer.Headers.RetryAfter.ToString().ShouldBe("30");
        (await _stack.Get<SubmissionInbox>().GetAsync(RequestIds.For(submissionId), Ct)).ShouldBeNull("nothing is stored");
        _stack.Get<DispatchQueue>().Waiting.ShouldBe(1, "the refused delivery gave its reservation back");

        // The Typeform door too, mappable or not: nothing is accepted or held.
        foreach (var delivery in new[] { TypeformSamples.Delivery("queue-typeform"), Unmappable("queue-typeform-held") })
        {
            var typeform = DoorCalls.Typeform(_stack.Services, delivery.ToJsonString());
            var refused = await DoorCalls.RunAsync(typeform, await _stack.Get<TypeformHandler>().SubmitAsync(typeform.Request, null!, Ct));
            refused.Status.ShouldBe(503);
            refused.Headers.RetryAfter.ToString().ShouldBe("30");
        }
        (await _stack.Get<SubmissionInbox>().GetAsync(RequestIds.For("typeform:queue-typeform"), Ct)).ShouldBeNull();
        (await _stack.Get<HeldDeliveryStore>().ListOpenAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_the_queue_is_full_the_form_page_answers_503_with_Retry_After_and_stores_nothing()
    {
        (await _stack.Get<SubmissionPipeline>().SubmitAsync(SamplePayloads.Valid($"queue-fill-{Guid.NewGuid():N}").ToElement(), IntakeDoor.Webhook, null!, Ct))
            .ShouldBeOfType<IntakeOutcome.Accepted>();

        var cookie = FormToken.NewRandom();
        var token = FormToken.Issue("door-test-signing-key", cookie, DateTimeOffset.UtcNow);
        var context = DoorCalls.Context(_stack.Services, "POST", "/api/form?lang=en", body: null);
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Headers.Cookie = $"{FormPageHandler.CookieName}={cookie}";
        context.Request.Form = new FormCollection(new Dictionary<string, StringValues>
        {
            [FormFields.Token] = token,
            ["lang"] = "en",
            ["organization.name"] = "Nairobi County Energy Office",
            ["organization.platform"] = "cities",
            ["organization.country"] = "KE",
            ["contact.name"] = "Amina Otieno",
            ["contact.email"] = "amina.form@example.org",
            ["contact.language"] = "en",
            ["request.title"] = "Solar mini-grids for informal settlements",
            ["request.description"] = SamplePayloads.Description,
            ["request.thematicAreas"] = new StringValues(["renewable-energy", "sustainable-cities"]),
            ["request.supportTypes"] = "technical-assistance",
        });

        var answer = await DoorCalls.RunAsync(context, await _stack.Get<FormPageHandler>().SubmitAsync(context.Request, null!, Ct));

        answer.Status.ShouldBe(503, answer.Body);
        answer.Headers.RetryAfter.ToString().ShouldBe("30");
        answer.ContentType.ShouldNotBeNull().ShouldStartWith("text/html");
        _stack.Get<DispatchQueue>().Waiting.ShouldBe(1);
    }

    [Fact]
    public async Task A_duplicate_or_refused_delivery_gives_its_place_back()
    {
        var body = SamplePayloads.Valid($"queue-dup-{Guid.NewGuid():N}").ToElement();
        var queue = _stack.Get<DispatchQueue>();
        (await _stack.Get<SubmissionPipeline>().SubmitAsync(body, IntakeDoor.Webhook, null!, Ct)).ShouldBeOfType<IntakeOutcome.Accepted>();
        queue.Waiting.ShouldBe(1);

        // Full now: a redelivery of the same body is refused before it reads anything, and gives nothing back twice.
        (await _stack.Get<SubmissionPipeline>().SubmitAsync(body, IntakeDoor.Webhook, null!, Ct)).ShouldBeOfType<IntakeOutcome.Unavailable>();
        queue.Waiting.ShouldBe(1);
        await foreach (var _ in queue.ReadAllAsync(Ct)) break;
        queue.Waiting.ShouldBe(0, "a worker took it");
        (await _stack.Get<SubmissionPipeline>().SubmitAsync(body, IntakeDoor.Webhook, null!, Ct)).ShouldBeOfType<IntakeOutcome.Accepted>().Duplicate.ShouldBeTrue();
        queue.Waiting.ShouldBe(0, "a duplicate adds nothing to dispatch");
    }

    private static System.Text.Json.Nodes.JsonObject Unmappable(string token)
    {
        var delivery = TypeformSamples.Delivery(token);
        delivery["form_response"]!["answers"]!.AsArray()[1] =
            TypeformSamples.Answer("choice", "organization_platform", new System.Text.Json.Nodes.JsonObject { ["label"] = "Space agencies" });
        return delivery;
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
