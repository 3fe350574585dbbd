using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WgeoFlows.Tests.Hosting;
using WgeoFlows.Web;
using WgeoFlows.Web.RateLimiting;

namespace WgeoFlows.Tests.Web;

public sealed class PublicDoorGateTests
{
    private static PublicDoorGate Gate(Action<RateLimitOptions>? configure = null)
    {
        var options = new RateLimitOptions { TrustedProxies = "127.0.0.1, 10.0.0.0/8" };
        configure?.Invoke(options);
        return new PublicDoorGate(Options.Create(options), new PageRenderer(), NullLogger<PublicDoorGate>.Instance);
    }

    private static DefaultHttpContext Request(string method, string path, string peer, string? forwardedFor = null, string? acceptLanguage = null)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Method = method;
        var query = path.IndexOf('?');
        http.Request.Path = query < 0 ? path : path[..query];
        if (query >= 0) http.Request.QueryString = new QueryString(path[query..]);
        http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwardedFor is not null) http.Request.Headers[ClientAddress.ForwardedFor] = forwardedFor;
        if (acceptLanguage is not null) http.Request.Headers.AcceptLanguage = acceptLanguage;
        http.Response.Body = new MemoryStream();
        return http;
    }

    /// <summary>The gate as a host asks it: with the door of the route table's entry the request reaches.</summary>
    private static Task<IResult?> CheckAsync(PublicDoorGate gate, HttpContext http) =>
        gate.CheckAsync(http, RouteTableMatch.Of(http.Request.Method, http.Request.Path)?.Door);

    public static TheoryData<string, string, PublicDoor?> Paths => new()
    {
        { "GET", "/api/form", PublicDoor.Form },
        { "POST", "/api/form", PublicDoor.Form },
        { "POST", "/api/requests/typeform", PublicDoor.Typeform },
        { "POST", "/api/requests", PublicDoor.Webhook },
        { "GET", "/api/status/abc", PublicDoor.Status },
        { "HEAD", "/api/status/abc", PublicDoor.Status },
        { "GET", "/api/review/tok", PublicDoor.Links },
        { "POST", "/api/review/tok", PublicDoor.Links },
        { "GET", "/api/review/tok/attachments/a.pdf", PublicDoor.Links },
        { "GET", "/api/update/tok", PublicDoor.Links },
        { "POST", "/api/update/tok", PublicDoor.Links },
        { "GET", "/api/update/tok/attachments/a.pdf", PublicDoor.Links },
        { "GET", "/api/offer/tok", PublicDoor.Links },
        { "POST", "/api/offer/tok", PublicDoor.Links },
        { "GET", "/api/followup/tok", PublicDoor.Links },
        { "POST", "/api/followup/tok", PublicDoor.Links },
        { "GET", "/api/confirm/tok", PublicDoor.Confirm },
        { "POST", "/api/confirm/tok", PublicDoor.Confirm },
        { "GET", "/api/impact", PublicDoor.Impact },
        { "GET", "/api/impact/data.json", PublicDoor.Impact },
        { "GET", "/api/impact/data.csv", PublicDoor.Impact },
        { "GET", "/api/admin/requests", null },
        { "POST", "/api/admin/requests/r1/terminate", null },
        { "GET", "/api/admin/requests/r1/attachments/a.pdf", null },
        { "PUT", "/api/admin/partners/p1", null },
        { "GET", "/api/admin/held", null },
        { "GET", "/api/admin", null },
        { "GET", "/api/health", null },
        { "POST", "/api/sendgrid/events", null },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_public_route_has_a_door_and_no_other_route_has_one(string method, string path, PublicDoor? door)
    {
        var route = RouteTableMatch.Of(method, path);
        route.ShouldNotBeNull($"{method} {path} is in no entry of the route table");
        route.Door.ShouldBe(door);
    }

    [Fact]
    public async Task A_request_for_no_door_is_never_limited()
    {
        using var gate = Gate(o => o.Webhook = new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromMinutes(1) });
        for (var i = 0; i < 3; i++) (await gate.CheckAsync(Request("GET", "/api/admin/requests", "203.0.113.7"), door: null)).ShouldBeNull();
    }

    [Fact]
    public async Task An_api_over_its_limit_answers_429_problem_json_with_Retry_After()
    {
        using var gate = Gate(o => o.Webhook = new RateLimitPolicy { PermitLimit = 2, Window = TimeSpan.FromMinutes(1) });

        (await CheckAsync(gate, Request("POST", "/api/requests", "203.0.113.5"))).ShouldBeNull();
        (await CheckAsync(gate, Request("POST", "/api/requests", "203.0.113.5"))).ShouldBeNull();
        var http = Request("POST", "/api/requests", "203.0.113.5");
        var refused = await CheckAsync(gate, http);

        refused.ShouldNotBeNull();
        await refused.ExecuteAsync(http);
        http.Response.StatusCode.ShouldBe(429);
        http.Response.ContentType!.ShouldStartWith("application/problem+json");
        int.Parse(http.Response.Headers.RetryAfter.ToString()).ShouldBeInRange(1, 60);
        // Another client is not affected.
        (await CheckAsync(gate, Request("POST", "/api/requests", "203.0.113.6"))).ShouldBeNull();
    }

    [Fact]
    public async Task A_page_over_its_limit_answers_a_readable_429_page_in_the_visitors_language()
    {
        using var gate = Gate(o => o.Status = new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromMinutes(1) });
        (await CheckAsync(gate, Request("GET", "/api/status/r1", "203.0.113.9"))).ShouldBeNull();

        var http = Request("GET", "/api/status/r1", "203.0.113.9", acceptLanguage: "ar, en;q=0.5");
        var refused = await CheckAsync(gate, http);
        await refused!.ExecuteAsync(http);

        http.Response.StatusCode.ShouldBe(429);
        http.Response.ContentType!.ShouldStartWith("text/html");
        http.Response.Headers.RetryAfter.ToString().ShouldNotBeEmpty();
        http.Response.Body.Position = 0;
        var page = await new StreamReader(http.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken);
        page.ShouldContain(WgeoFlows.Localization.TextCatalog.Default.For("ar")["door.tooMany"]);
        page.ShouldContain("<html lang=\"ar\" dir=\"rtl\">");
    }

    [Fact]
    public async Task A_forwarded_address_counts_only_from_a_trusted_proxy()
    {
        using var gate = Gate(o => o.Form = new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromMinutes(1) });

        // Through the trusted proxy, two forwarded clients are two partitions.
        (await CheckAsync(gate, Request("GET", "/api/form", "127.0.0.1", "198.51.100.1"))).ShouldBeNull();
        (await CheckAsync(gate, Request("GET", "/api/form", "127.0.0.1", "198.51.100.2:51000"))).ShouldBeNull();
        (await CheckAsync(gate, Request("GET", "/api/form", "127.0.0.1", "198.51.100.1"))).ShouldNotBeNull();

        // An untrusted caller cannot choose its partition by sending the header.
        (await CheckAsync(gate, Request("GET", "/api/form", "192.0.2.50", "198.51.100.77"))).ShouldBeNull();
        (await CheckAsync(gate, Request("GET", "/api/form", "192.0.2.50", "198.51.100.78"))).ShouldNotBeNull();
    }

    [Fact]
    public void The_client_is_the_rightmost_forwarded_hop_that_is_not_a_trusted_proxy()
    {
        var trusted = ClientAddress.ParseList(["127.0.0.1,10.0.0.0/8"]);
        ClientAddress.Of(Request("GET", "/", "127.0.0.1", "1.2.3.4, 198.51.100.3, 10.1.2.3"), trusted).ShouldBe("198.51.100.3");
        ClientAddress.Of(Request("GET", "/", "127.0.0.1", "[2001:db8::5]:443"), trusted).ShouldBe("2001:db8::5");
        ClientAddress.Of(Request("GET", "/", "127.0.0.1", "not-an-address"), trusted).ShouldBe("127.0.0.1");
        ClientAddress.Of(Request("GET", "/", "127.0.0.1"), trusted).ShouldBe("127.0.0.1");
        ClientAddress.Of(Request("GET", "/", "::ffff:192.0.2.1", "198.51.100.3"), trusted).ShouldBe("192.0.2.1");
    }

    [Fact]
    public void IPv6_clients_share_a_partition_per_64_bit_prefix()
    {
        PublicDoorGate.PartitionOf("2001:db8:1:2:aaaa::1").ShouldBe(PublicDoorGate.PartitionOf("2001:db8:1:2:bbbb::9"));
        PublicDoorGate.PartitionOf("2001:db8:1:3::1").ShouldNotBe(PublicDoorGate.PartitionOf("2001:db8:1:2::1"));
        PublicDoorGate.PartitionOf("203.0.113.4").ShouldBe("203.0.113.4");
    }

    [Fact]
    public async Task Switched_off_it_lets_everything_through()
    {
        using var gate = Gate(o =>
        {
            o.Enabled = false;
            o.Confirm = new RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromMinutes(1) };
        });
        for (var i = 0; i < 5; i++) (await CheckAsync(gate, Request("GET", "/api/confirm/t", "203.0.113.1"))).ShouldBeNull();
    }
}
