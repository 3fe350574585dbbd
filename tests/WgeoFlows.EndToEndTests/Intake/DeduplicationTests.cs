using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>One submission delivered many times, one after another and 20 at the same moment, against Azurite: one request,
/// one orchestration, one acknowledgement; every delivery answered with the same request id.</summary>
public abstract class DeduplicationTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly IntakeTrace _trace = new(stack);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpResponseMessage response)
    {
        using (response) return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    [Fact]
    public async Task Redelivering_a_submission_one_after_another_makes_one_request_one_orchestration_and_one_acknowledgement()
    {
        const string submissionId = "e2e-dedupe-sequential";
        var answers = new List<(HttpStatusCode Status, JsonElement Body)>();
        for (var i = 0; i < 5; i++) answers.Add(await ReadAsync(await stack.Client.SubmitAsync(SamplePayloads.Valid(submissionId))));

        answers[0].Status.ShouldBe(HttpStatusCode.Accepted);
        answers[0].Body.TryGetProperty("duplicate", out _).ShouldBeFalse();
        answers.Skip(1).ShouldAllBe(a => a.Status == HttpStatusCode.OK && a.Body.GetProperty("duplicate").GetBoolean());
        var requestId = RequestIds.For(submissionId);
        answers.Select(a => a.Body.GetProperty("requestId").GetString()).ShouldAllBe(id => id == requestId);
        answers.Select(a => a.Body.GetProperty("statusUrl").GetString()).Distinct().Count().ShouldBe(1);

        await ShouldHaveOneOfEverythingAsync(requestId);
    }

    [Fact]
    public async Task Twenty_deliveries_at_the_same_moment_make_one_request_one_orchestration_and_one_acknowledgement()
    {
        const string submissionId = "e2e-dedupe-concurrent";
        using var start = new SemaphoreSlim(0);
        var deliveries = Enumerable.Range(0, 20).Select(async _ =>
        {
            await start.WaitAsync(Ct);
            return await ReadAsync(await stack.Client.SubmitAsync(SamplePayloads.Valid(submissionId)));
        }).ToList();
        start.Release(20);
        var answers = await Task.WhenAll(deliveries);

        answers.Select(a => a.Status).ShouldAllBe(s => s == HttpStatusCode.Accepted || s == HttpStatusCode.OK,
            string.Join(", ", answers.Select(a => $"{(int)a.Status} {a.Body}")));
        answers.Count(a => a.Status == HttpStatusCode.Accepted).ShouldBe(1);
        answers.Where(a => a.Status == HttpStatusCode.OK).ShouldAllBe(a => a.Body.GetProperty("duplicate").GetBoolean());
        var requestId = RequestIds.For(submissionId);
        answers.Select(a => a.Body.GetProperty("requestId").GetString()).ShouldAllBe(id => id == requestId);

        await ShouldHaveOneOfEverythingAsync(requestId);
    }

    private async Task ShouldHaveOneOfEverythingAsync(string requestId)
    {
        await stack.Client.WaitForStatusAsync(requestId, "InReview");
        await stack.Client.WaitForMailAsync(requestId, m => m.To.Contains("cities.lead@example.org"), "review request");
        (await _trace.OrchestrationsAsync(requestId)).ShouldBe(1);
        (await _trace.ExecutionsStartedAsync(requestId)).ShouldBe(1);
        (await _trace.BlobsAsync(requestId)).ShouldBe(1);
        (await _trace.AdminIndexRowsAsync(requestId, WgeoFlows.RequestIndex.AdminListing.All)).ShouldBe(1);
        var detail = await stack.Client.AdminGetAsync($"/api/admin/requests/{requestId}");
        detail.GetProperty("timeline").EnumerateArray().Count(t => t.GetProperty("action").GetString() == "request received").ShouldBe(1);
        var acknowledgements = (await stack.Client.MailsAboutAsync(requestId)).Where(m => m.To.Contains("amina@example.org")).ToList();
        acknowledgements.Count.ShouldBe(1, string.Join(" | ", acknowledgements.Select(m => m.Subject)));
    }
}

/// <summary>The scenarios above on the local host.</summary>
public sealed class DeduplicationTestsOnLocalHost(LocalStack stack) : DeduplicationTests(stack);

/// <summary>The scenarios above on the Azure Functions host.</summary>
public sealed class DeduplicationTestsOnFunctionsHost(FunctionsStack stack) : DeduplicationTests(stack);
