using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration.CommandLine;

namespace WgeoFlows.Local.Runtime;

/// <summary>
/// Where this host listens, and so the base of its printed URLs, of <c>PublicBaseUrl</c> and of its own mail sink.
/// <para>Precedence, first found wins:</para>
/// <list type="number">
/// <item><c>--urls</c> on the command line: the platform's own switch, given for this one run;</item>
/// <item><c>--port N</c> on the command line (<c>http://127.0.0.1:N</c>);</item>
/// <item><c>WGEO_PORT</c>;</item>
/// <item>the platform's <c>urls</c> setting: <c>ASPNETCORE_URLS</c>, <c>DOTNET_URLS</c>, or <c>urls</c> in appsettings;</item>
/// <item><c>http://127.0.0.1:7071</c>.</item>
/// </list>
/// The command line beats the environment, as everywhere in .NET configuration. Between the two variables the one
/// addressed to this app wins: <c>ASPNETCORE_URLS</c> is read by every ASP.NET Core app of a shell or container (images
/// and IDE launch profiles set it), as the platform itself lets <c>ASPNETCORE_URLS</c> beat <c>DOTNET_URLS</c>. With both
/// switches on the command line, <c>--urls</c> wins as it wins over <c>--http_ports</c> in ASP.NET Core, and
/// <see cref="Overridden"/> says so rather than silently dropping one.
/// </summary>
public sealed record LocalUrls
{
    public const int DefaultPort = 7071;
    public const string PortKey = "port";
    public const string UrlsKey = "urls";
    public const string PortEnvironmentVariable = "WGEO_PORT";

    /// <summary>Host names that mean "every address": Kestrel binds them all, and this machine reaches them on 127.0.0.1.</summary>
    private static readonly string[] AnyAddress = ["*", "+", "0.0.0.0", "[::]", "::"];

    private LocalUrls(IReadOnlyList<string> listen, string? overridden)
    {
        Listen = listen;
        Overridden = overridden;
        var first = BindingAddress.Parse(listen[0]);
        var host = AnyAddress.Contains(first.Host) ? "127.0.0.1" : first.Host;
        BaseUrl = $"{first.Scheme}://{host}:{first.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The addresses handed to Kestrel, as given.</summary>
    public IReadOnlyList<string> Listen { get; }

    /// <summary>The first address as a URL this machine can open: the base of every printed and emailed link.</summary>
    public string BaseUrl { get; }

    /// <summary>The host names of <see cref="Listen"/> (not the any-address ones): host filtering answers them.</summary>
    public IEnumerable<string> HostNames => Listen.Select(u => BindingAddress.Parse(u).Host).Where(h => !AnyAddress.Contains(h));

    /// <summary>A line for the console when a setting was given and is not used; null otherwise.</summary>
    public string? Overridden { get; }

    public static LocalUrls FromPort(int port) =>
        new([$"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"], null);

    /// <param name="args">The command line, read apart from the configuration because ASPNETCORE_URLS and --urls land
    /// in the same <c>urls</c> setting there, and they do not rank the same.</param>
    public static LocalUrls From(string[] args, IConfiguration configuration, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var commandLine = new ConfigurationBuilder().Add(new CommandLineConfigurationSource { Args = args }).Build();
        var urls = commandLine[UrlsKey];
        var port = commandLine[PortKey];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return Parse(urls, "--urls", string.IsNullOrWhiteSpace(port) ? null : $"--port {port} is not used: --urls {urls} is given.");
        }
        if (!string.IsNullOrWhiteSpace(port)) return FromPort(ParsePort(port, "--port"));
        if (environment(PortEnvironmentVariable) is { Length: > 0 } variable) return FromPort(ParsePort(variable, PortEnvironmentVariable));
        if (configuration[UrlsKey] is { Length: > 0 } platform) return Parse(platform, "ASPNETCORE_URLS", null);
        return FromPort(DefaultPort);
    }

    private static LocalUrls Parse(string text, string source, string? overridden)
    {
        var listen = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (listen.Length == 0) throw new InvalidOperationException($"{source} names no URL.");
        foreach (var url in listen)
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"{source}: '{url}' is not a URL to listen on ({e.Message}).", e);
            }
            // Links and the mail sink's SendGrid:Host point back at this host before it starts: it needs its port now.
            if (address.IsUnixPipe || address.Port == 0)
            {
                throw new InvalidOperationException($"{source}: '{url}' has no fixed TCP port; the local host needs one (links point back at it).");
            }
        }
        return new LocalUrls(listen, overridden);
    }

    private static int ParsePort(string text, string source) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"The port '{text}' ({source}) is not a TCP port number.");
}
