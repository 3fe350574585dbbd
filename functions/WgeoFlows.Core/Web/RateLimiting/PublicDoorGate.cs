using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Localization;

namespace WgeoFlows.Web.RateLimiting;

/// <summary>
/// The rate limit of every public route, per client address (<see cref="ClientAddress"/>) and door (<see cref="PublicDoor"/>):
/// a fixed window per partition from System.Threading.RateLimiting's <see cref="PartitionedRateLimiter"/>, whose idle
/// partitions are dropped, so memory follows the addresses seen in the last window, not all addresses ever seen. IPv6
/// clients are limited per /64 (one customer's allocation). Each route names its door in the route table
/// (<see cref="Hosting.ApiRoutes"/>), and both hosts ask the gate before its handler runs: the local host in an endpoint
/// filter (<see cref="Hosting.ApiEndpoints"/>), the Functions worker in a middleware. Over the limit an API
/// answers 429 problem+json, a page 429 in the visitor's language, both with Retry-After; the handler does not run, so
/// nothing is stored.
/// </summary>
public sealed class PublicDoorGate : IDisposable
{
    public const string RefusalsName = "wgeo.public_doors.rate_limited";
    private static readonly Meter Meter = new(Telemetry.WgeoTelemetry.Name);
    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>(RefusalsName, "{request}",
        "Requests to a public route refused with 429 because their client address went over the door's limit.");

    private readonly RateLimitOptions _options;
    private readonly IReadOnlyList<IPNetwork> _trusted;
    private readonly PartitionedRateLimiter<(PublicDoor Door, string Client)> _limiter;
    private readonly PageRenderer _pages;
    private readonly ILogger<PublicDoorGate> _logger;

    public PublicDoorGate(IOptions<RateLimitOptions> options, PageRenderer pages, ILogger<PublicDoorGate> logger)
    {
        _options = options.Value;
        _trusted = ClientAddress.ParseList([_options.TrustedProxies]);
        _pages = pages;
        _logger = logger;
        _limiter = PartitionedRateLimiter.Create<(PublicDoor Door, string Client), (PublicDoor, string)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, k =>
            {
                var policy = _options.For(k.Item1);
                return new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, policy.PermitLimit),
                    Window = policy.Window > TimeSpan.Zero ? policy.Window : TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                };
            }));
    }

    /// <summary>The client's partition: its address, IPv6 by /64.</summary>
    public static string PartitionOf(string client)
    {
        if (!IPAddress.TryParse(client, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6) return client;
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Null when the request may go on; otherwise the 429 to answer with. <paramref name="door"/> is the route's
    /// (<see cref="Routing.ApiRoute.Door"/>); null, the route is not rate limited.</summary>
    public async Task<IResult?> CheckAsync(HttpContext http, PublicDoor? door)
    {
        if (!_options.Enabled || door is null) return null;
        var client = PartitionOf(ClientAddress.Of(http, _trusted));
        using var lease = _limiter.AttemptAcquire((door.Value, client));
        if (lease.IsAcquired) return null;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : _options.For(door.Value).Window;
        Refusals.Add(1, new KeyValuePair<string, object?>("wgeo.door", door.Value.ToString()));
        _logger.LogInformation("Rate limited a {Door} request ({Method})", door, http.Request.Method);
        return await RefusalAsync(http, door.Value, retryAfter);
    }

    private async Task<IResult> RefusalAsync(HttpContext http, PublicDoor door, TimeSpan retryAfter)
    {
        var language = LanguageChoice.For(http);
        var texts = _pages.TextsFor(language);
        if (IsApi(door, http.Request.Path)) return Problems.TooManyRequests(texts["door.tooMany"], retryAfter);
        return Problems.WithRetryAfter(
            await _pages.MessageAsync(StatusCodes.Status429TooManyRequests, language, texts["door.heading"], texts["door.tooMany"]), retryAfter);
    }

    /// <summary>Machines' routes answer problem+json; people's pages answer a page.</summary>
    private static bool IsApi(PublicDoor door, PathString path) =>
        door is PublicDoor.Webhook or PublicDoor.Typeform
        || (door == PublicDoor.Impact && path.Value is { } p && p.Contains("/data.", StringComparison.OrdinalIgnoreCase));

    public void Dispose() => _limiter.Dispose();
}
