using Microsoft.AspNetCore.HostFiltering;
using WgeoFlows.Configuration;

namespace WgeoFlows.Local.Runtime;

/// <summary>
/// What the one-machine host exposes. It answers only requests addressed to its own names (ASP.NET Core host filtering:
/// <c>127.0.0.1</c>, <c>localhost</c>, <c>[::1]</c>, the host names it was told to listen on (<see cref="LocalUrls"/>; an
/// any-address binding such as <c>http://0.0.0.0:7071</c> adds none), the host of <c>PublicBaseUrl</c>, and any <c>AllowedHosts</c>
/// configured): a web page on another site whose name an attacker points at 127.0.0.1 (DNS rebinding) sends
/// <c>Host: evil.example</c> and gets 400, so it cannot read <c>/dev/mail</c> (every link token mailed) nor the API.
/// The development services (<c>/dev/*</c>, the SendGrid-compatible mail sink) exist only in Development.
/// </summary>
public static class LocalHostExposure
{
    /// <summary>The names a browser on this machine uses for it; host filtering compares names, not ports.</summary>
    public static readonly IReadOnlyList<string> OwnHosts = ["127.0.0.1", "localhost", "[::1]"];

    /// <summary>The standard ASP.NET Core key: extra host names (separated by ';') to answer, e.g. a tunnel's.</summary>
    public const string AllowedHostsKey = "AllowedHosts";

    public static IServiceCollection AddLocalHostFiltering(this IServiceCollection services, IConfiguration configuration, LocalUrls urls) =>
        // The web host's defaults already run the host filtering middleware first; this gives it the list ("*" otherwise).
        services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = AllowedHosts(configuration, urls);
            o.AllowEmptyHosts = false;
        });

    public static List<string> AllowedHosts(IConfiguration configuration, LocalUrls urls)
    {
        var hosts = new List<string>(OwnHosts);
        hosts.AddRange(urls.HostNames);
        if (Uri.TryCreate(configuration[PublicUrlOptions.Key], UriKind.Absolute, out var publicUrl)) hosts.Add(publicUrl.Host);
        hosts.AddRange((configuration[AllowedHostsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
