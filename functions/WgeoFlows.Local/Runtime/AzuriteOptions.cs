namespace WgeoFlows.Local.Runtime;

/// <summary>Configuration section <c>Azurite</c>: how the local host starts Azurite when storage does not answer.</summary>
public sealed class AzuriteOptions
{
    public const string Section = "Azurite";

    /// <summary>Start Azurite when nothing answers on the configured loopback endpoints.</summary>
    public bool AutoStart { get; set; } = true;

    /// <summary>Azurite's data folder; default <c>&lt;repo&gt;/.azurite</c>, so that data survives restarts.</summary>
    public string? Location { get; set; }

    /// <summary>The Azurite launcher; default <c>&lt;repo&gt;/node_modules/.bin/azurite</c> (installed by <c>npm ci</c>).</summary>
    public string? Executable { get; set; }

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
