using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>A request that passes validation but not the eligibility rules ends Rejected, and the requester is told why.</summary>
public abstract class ScreeningRejectionTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_needed_by_a_past_date_with_a_too_short_description_ends_Rejected_and_the_mail_lists_both_reasons()
    {
        var payload = SamplePayloads.Valid("e2e-screening-rejected");
        payload["request"]!["neededBy"] = "2020-01-31";
        payload["request"]!["description"] = "Need solar.";
        using var submitted = await stack.Client.SubmitAsync(payload);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var requestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("requestId").GetString()!;

        var detail = await stack.Client.WaitForStatusAsync(requestId, "Rejected");

        var mail = await stack.Client.WaitForMailAsync(requestId, m => m.To.Contains("amina@example.org") && m.Subject.Contains("could not be accepted"),
            "screening rejection");
        foreach (var body in new[] { mail.Text, mail.Html })
        {
            body.ShouldContain("2020-01-31");
            body.ShouldContain("too short to review");
        }
        detail.GetProperty("timeline").EnumerateArray().ShouldContain(t => t.GetProperty("action").GetString() == "not eligible");
        (await stack.Client.MailsAboutAsync(requestId)).ShouldNotContain(m => m.To.Contains("cities.lead@example.org"));
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class ScreeningRejectionTestsOnLocalHost(LocalStack stack) : ScreeningRejectionTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class ScreeningRejectionTestsOnFunctionsHost(FunctionsStack stack) : ScreeningRejectionTests(stack);
