using Microsoft.Extensions.Configuration.Memory;
using WgeoFlows.Configuration;

namespace WgeoFlows.Local.Runtime;

/// <summary>
/// Defaults that depend on the port: links and the SendGrid client point back at this host. They are added as
/// the lowest-precedence source, so anything configured (appsettings, environment, command line) wins. The static
/// development defaults are in appsettings.json.
/// </summary>
public static class LocalConfiguration
{
    /// <param name="development">Only in Development does mail go to this host's own sink (which exists only there);
    /// elsewhere SendGrid:Host stays unset, so mail goes to SendGrid unless configured otherwise.</param>
    public static void AddComputedDefaults(ConfigurationManager configuration, LocalUrls urls, bool development = true)
    {
        var defaults = new Dictionary<string, string?> { [PublicUrlOptions.Key] = urls.BaseUrl };
        if (development) defaults[$"{SendGridOptions.Section}:{nameof(SendGridOptions.Host)}"] = urls.BaseUrl;
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
    }
}
