using System.Net;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>
/// Every public route is limited per client address, on both hosts through the same Core gate. The stacks trust loopback
/// as their proxy, so a scenario is its own client by X-Forwarded-For and leaves everyone else's budget alone. The confirm
/// door keeps its default here: 20 requests per 10 minutes.
/// </summary>
public abstract class RateLimitTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string path, string client, string? language = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, path);
        message.Headers.Add("X-Forwarded-For", client);
        if (language is not null) message.Headers.AcceptLanguage.ParseAdd(language);
        return await stack.Client.Http.SendAsync(message, Ct);
    }

    [Fact]
    public async Task A_client_over_the_confirm_doors_limit_gets_a_429_page_in_its_language_and_other_clients_do_not()
    {
        var client = $"198.51.100.{Random.Shared.Next(1, 250)}";
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 25 && refused is null; i++)
        {
            var response = await GetAsync("/api/confirm/not-a-token", client, "fr-FR, en;q=0.5");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }

        refused.ShouldNotBeNull($"no 429 in {string.Join(",", statuses)}");
        statuses.Count.ShouldBe(21, "the default is 20 per 10 minutes");
        statuses.Take(20).ShouldAllBe(s => s == HttpStatusCode.BadRequest);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("lang=\"fr\"");
        refused.Dispose();

        using var other = await GetAsync("/api/confirm/not-a-token", "203.0.113.77");
        other.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

/// <summary>The scenario above on the local host.</summary>
public sealed class RateLimitTestsOnLocalHost(LocalStack stack) : RateLimitTests(stack);

/// <summary>The scenario above on the Azure Functions host.</summary>
public sealed class RateLimitTestsOnFunctionsHost(FunctionsStack stack) : RateLimitTests(stack);
