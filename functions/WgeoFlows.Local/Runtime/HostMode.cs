namespace WgeoFlows.Local.Runtime;

/// <summary>
/// What this process runs (<c>--mode</c>): the whole product (<c>app</c>, the default), or only the development
/// services another host needs beside it (<c>mail-sink</c>): Azurite when storage is silent, the sample data and the
/// SendGrid-compatible mail sink. The Azure Functions host runs the product itself and sends its mail here
/// (<c>./wgeo start --functions</c> and the Functions-host tests).
/// </summary>
public enum HostMode
{
    App,
    MailSink,
}

public static class HostModes
{
    public const string Key = "Mode";

    public static HostMode FromConfiguration(IConfiguration configuration) => configuration[Key]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "app" => HostMode.App,
        "mail-sink" => HostMode.MailSink,
        var other => throw new InvalidOperationException($"Unknown --mode '{other}': use app (the default) or mail-sink."),
    };
}
