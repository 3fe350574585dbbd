using System.Net;
using System.Net.Sockets;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>
/// Every public route is limited per client address, on both hosts through the same Core gate. Each client here is a socket
/// of its own loopback address (127.0.0.N), so the scenario spends its own budget and nobody else's: the local host sees it
/// as the socket's peer; the Functions host passes it to its worker in X-Forwarded-For, which the worker's ASP.NET Core
/// integration applies. The confirm door keeps its default: 20 requests per 10 minutes.
/// </summary>
public abstract class RateLimitTests(IHostStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An HTTP client whose connections come from <paramref name="local"/>.</summary>
    internal static HttpClient From(IPAddress local, Uri baseUrl) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseUrl };

    [Fact]
    public async Task A_client_over_the_confirm_doors_limit_gets_a_429_page_in_its_language_and_other_clients_do_not()
    {
        var client = IPAddress.Parse($"127.0.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(2, 250)}");
        using var http = From(client, stack.BaseUrl);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 25 && refused is null; i++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, "/api/confirm/not-a-token");
            message.Headers.AcceptLanguage.ParseAdd("fr-FR, en;q=0.5");
            var response = await http.SendAsync(message, Ct);
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

        using var other = From(IPAddress.Parse($"127.1.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(2, 250)}"), stack.BaseUrl);
        using var otherResponse = await other.GetAsync("/api/confirm/not-a-token", Ct);
        otherResponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

/// <summary>The scenario above on the local host.</summary>
public sealed class RateLimitTestsOnLocalHost(LocalStack stack) : RateLimitTests(stack);

/// <summary>The scenario above on the Azure Functions host.</summary>
public sealed class RateLimitTestsOnFunctionsHost(FunctionsStack stack) : RateLimitTests(stack);
