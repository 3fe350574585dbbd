using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using WgeoFlows.Intake;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Admin;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Web;

namespace WgeoFlows.Tests.Storage;

/// <summary>
/// A storage failure that is not a passing fault (here: the table is gone, so every write is refused with 404 TableNotFound)
/// never reaches a caller as a 500 or with the storage's own message: the webhook answers 503 problem+json with Retry-After,
/// and so does an admin route behind the API's guard. The storage's text goes to the log only.
/// </summary>
public sealed class StorageFaultAnswerTests(AdminStack stack) : IClassFixture<AdminStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_webhook_delivery_that_storage_refuses_gets_a_503_problem_without_the_storage_message()
    {
        await stack.Get<WgeoFlows.Intake.Submissions.SubmissionInbox>().GetAsync("warm-up", Ct); // the tables exist and are known to
        await new TableClient(stack.Azurite.ConnectionString, TableNames.Submissions).DeleteAsync(Ct);
        var bytes = SamplePayloads.Valid($"refused-{Guid.NewGuid():N}").ToBody();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var http = AdminTestData.Http(stack.Services, "POST", headers:
        [
            (WebhookSignature.TimestampHeader, timestamp),
            (WebhookSignature.SignatureHeader, WebhookSignature.Compute(AdminStack.WebhookSecret, timestamp, bytes)),
        ]);
        http.Request.Body = new MemoryStream(bytes);
        http.Request.ContentLength = bytes.Length;
        http.Request.ContentType = "application/json";

        var (status, body) = await AdminTestData.AnswerAsync(await stack.Get<IntakeHandler>().SubmitAsync(http.Request, stack.Durable, Ct), http);

        status.ShouldBe(503);
        http.Response.ContentType.ShouldBe("application/problem+json");
        http.Response.Headers.RetryAfter.ToString().ShouldNotBeEmpty();
        ShouldNotLeakStorage(body);
    }

    [Fact]
    public async Task A_storage_failure_a_handler_lets_through_becomes_a_503_problem_without_the_storage_message()
    {
        // What a handler's unexpected storage refusal looks like (Azure's answer to an oversized property).
        var http = AdminTestData.WithKey(stack.Services);
        var refusal = new Azure.RequestFailedException(400,
            "The property value exceeds the maximum allowed size (64KB). RequestId:0f3c Time:2026-12-02T11:02:15Z Status: 400 (Bad Request) ErrorCode: PropertyValueTooLarge",
            "PropertyValueTooLarge", null);

        var answer = await new StorageFaultFilter().InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ => throw refusal);

        var (status, body) = await AdminTestData.AnswerAsync(answer.ShouldBeAssignableTo<IResult>()!, http);
        status.ShouldBe(503);
        http.Response.Headers.RetryAfter.ToString().ShouldBe("5");
        ShouldNotLeakStorage(body);
        body.GetRawText().ShouldNotContain("PropertyValueTooLarge");
        body.GetRawText().ShouldNotContain("64KB");
    }

    private static void ShouldNotLeakStorage(JsonElement body)
    {
        var text = body.GetRawText();
        body.GetProperty("detail").GetString().ShouldStartWith("Storage is not answering right now.");
        foreach (var leak in new[] { "TableNotFound", "does not exist", "RequestId", "Azurite", "x-ms-", "Status:", "ErrorCode" })
            text.ShouldNotContain(leak, Case.Insensitive);
    }
}
