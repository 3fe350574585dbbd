using System.Globalization;

namespace WgeoFlows.Local.Runtime;

/// <summary>Where this host listens: <c>http://127.0.0.1:{port}</c>, port from <c>--port</c>, <c>WGEO_PORT</c>, or 7071.</summary>
public sealed record LocalUrls(int Port)
{
    public const int DefaultPort = 7071;
    public const string PortKey = "Port";
    public const string PortEnvironmentVariable = "WGEO_PORT";

    public string BaseUrl => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static LocalUrls FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[PortKey] ?? Environment.GetEnvironmentVariable(PortEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text)) return new LocalUrls(DefaultPort);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            return new LocalUrls(port);
        }
        throw new InvalidOperationException($"The port '{text}' (--port or {PortEnvironmentVariable}) is not a TCP port number.");
    }
}
