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
    public static void AddComputedDefaults(ConfigurationManager configuration, LocalUrls urls)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                [PublicUrlOptions.Key] = urls.BaseUrl,
                [$"{SendGridOptions.Section}:{nameof(SendGridOptions.Host)}"] = urls.BaseUrl,
            },
        });
    }
}
