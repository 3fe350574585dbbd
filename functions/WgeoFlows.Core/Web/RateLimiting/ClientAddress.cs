using System.Net;
using Microsoft.AspNetCore.Http;

namespace WgeoFlows.Web.RateLimiting;

/// <summary>
/// Who is asking, for rate limiting: the socket's peer address, unless that peer is one of <c>RateLimits:TrustedProxies</c>
/// (the platform's front end, or the Functions host in front of its worker), whose X-Forwarded-For is then read from the
/// right: the first address that is not itself a trusted proxy is the client. Anyone else's X-Forwarded-For is ignored, so
/// a caller cannot choose its own partition.
/// </summary>
public static class ClientAddress
{
    public const string ForwardedFor = "X-Forwarded-For";

    public static string Of(HttpContext http, IReadOnlyList<IPNetwork> trustedProxies)
    {
        var peer = Normalise(http.Connection.RemoteIpAddress);
        if (peer is null) return "unknown";
        if (!IsTrusted(peer, trustedProxies)) return peer.ToString();
        var hops = http.Request.Headers[ForwardedFor].SelectMany(v => (v ?? "").Split(',')).Select(h => h.Trim()).Where(h => h.Length > 0).ToList();
        for (var i = hops.Count - 1; i >= 0; i--)
        {
            var hop = Parse(hops[i]);
            if (hop is null) return peer.ToString(); // a damaged header: fall back on the proxy itself, never on guesswork
            if (!IsTrusted(hop, trustedProxies)) return hop.ToString();
        }
        return peer.ToString();
    }

    /// <summary>"127.0.0.1", "10.0.0.0/8", "::1": single addresses and CIDR ranges.</summary>
    public static IReadOnlyList<IPNetwork> ParseList(IEnumerable<string> entries)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in entries.SelectMany(e => e.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address))
                networks.Add(new IPNetwork(Normalise(address)!, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else throw new FormatException($"RateLimits:TrustedProxies: '{entry}' is neither an IP address nor a CIDR range.");
        }
        return networks;
    }

    private static bool IsTrusted(IPAddress address, IReadOnlyList<IPNetwork> trusted) => trusted.Any(n => n.Contains(address));

    /// <summary>"203.0.113.7", "203.0.113.7:51234", "[2001:db8::1]:443", "2001:db8::1".</summary>
    private static IPAddress? Parse(string hop)
    {
        if (IPAddress.TryParse(hop, out var address)) return Normalise(address);
        if (IPEndPoint.TryParse(hop, out var endPoint)) return Normalise(endPoint.Address);
        return null;
    }

    private static IPAddress? Normalise(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
