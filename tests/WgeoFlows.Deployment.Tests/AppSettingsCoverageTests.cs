using System.Text.RegularExpressions;
using WgeoFlows.Deployment.Tests.Support;
using WgeoFlows.Hosting;

namespace WgeoFlows.Deployment.Tests;

/// <summary>Every configuration key the app reads is set by infra/main.bicep, or listed in infra/optional-settings.json
/// with the reason its default is right in Azure; nothing in either list is stale.</summary>
public sealed partial class AppSettingsCoverageTests
{
    /// <summary>Settings read by the platform rather than by the app's code.</summary>
    private static readonly Dictionary<string, string> PlatformSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage__credential"] = "the Functions host: identity-based storage connection",
        ["AzureWebJobsStorage__clientId"] = "the Functions host: which user-assigned identity",
        ["AZURE_CLIENT_ID"] = "Azure.Identity's DefaultAzureCredential: which user-assigned identity",
    };

    private static IReadOnlyCollection<string> AppSettings => ArmTemplate.AppSettings(BicepCli.CompiledMain).Keys.ToList();

    [Fact]
    public void Every_configuration_key_the_app_reads_is_set_by_the_template_or_listed_as_optional()
    {
        var optional = ConfigurationKeys.Optional().Keys;

        var missing = ConfigurationKeys.ReadByTheApp()
            .Where(key => !ConfigurationKeys.IsSetBy(key, AppSettings) && !ConfigurationKeys.IsOptional(key, optional))
            .Order()
            .ToList();

        missing.ShouldBeEmpty("set these in infra/main.bicep (appSettings) or list them, with a reason, in infra/optional-settings.json");
    }

    [Fact]
    public void Every_optional_key_is_one_the_app_reads_and_the_template_does_not_set()
    {
        var read = ConfigurationKeys.ReadByTheApp();

        var stale = ConfigurationKeys.Optional().Keys
            .Where(o => !read.Any(key => ConfigurationKeys.IsOptional(key, [o])) || read.Any(key => ConfigurationKeys.IsOptional(key, [o])
                && ConfigurationKeys.IsSetBy(key, AppSettings)))
            .ToList();

        stale.ShouldBeEmpty("infra/optional-settings.json lists keys the app no longer reads, or that the template sets anyway");
    }

    [Fact]
    public void Every_app_setting_in_the_template_is_read_by_the_app_the_functions_host_or_the_platform()
    {
        var read = ConfigurationKeys.ReadByTheApp();
        var hostJsonSettings = HostJsonSettingNames().ToHashSet(StringComparer.OrdinalIgnoreCase);

        var unread = AppSettings
            .Where(setting => !PlatformSettings.ContainsKey(setting) && !hostJsonSettings.Contains(setting)
                && !read.Any(key => ConfigurationKeys.IsSetBy(key, [setting])))
            .ToList();

        unread.ShouldBeEmpty("app settings nothing reads: a typo in a key, or a setting left behind");
    }

    [Fact]
    public void The_settings_named_in_host_json_are_set_by_the_template()
    {
        var names = HostJsonSettingNames().ToList();

        names.ShouldContain("TASKHUB_NAME");
        names.Where(n => !AppSettings.Contains(n, StringComparer.OrdinalIgnoreCase)).ShouldBeEmpty();
    }

    [Fact]
    public void No_source_file_of_the_app_reads_a_configuration_key_by_a_literal_the_checks_above_cannot_see()
    {
        var read = ConfigurationKeys.ReadByTheApp();
        var optional = ConfigurationKeys.Optional().Keys;
        var sources = new[] { "WgeoFlows.Core", "WgeoFlows.Functions" }
            .SelectMany(project => Directory.EnumerateFiles(Repository.PathOf("functions", project), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var unknown = sources
            .SelectMany(path => LiteralConfigurationRead().Matches(File.ReadAllText(path))
                .Select(m => (File: Path.GetFileName(path), Key: m.Groups["key"].Value)))
            .Where(r => !read.Contains(r.Key) && !ConfigurationKeys.IsOptional(r.Key, optional)
                && !read.Any(key => key.StartsWith(r.Key + ":", StringComparison.OrdinalIgnoreCase)))
            .Select(r => $"{r.File}: {r.Key}")
            .ToList();

        unknown.ShouldBeEmpty("name the key with a constant of an options class (or add it to the keys the deployment tests know)");
    }

    [Fact]
    public void Every_secret_the_app_requires_in_production_comes_from_a_key_vault_reference()
    {
        var settings = ArmTemplate.AppSettings(BicepCli.CompiledMain);

        foreach (var secret in RequiredSettings.Secrets)
        {
            var name = secret.Replace(":", "__", StringComparison.Ordinal);
            settings.ShouldContainKey(name);
            settings[name].ShouldStartWith("[format('@Microsoft.KeyVault(SecretUri={0})'", customMessage: name);
        }
    }

    private static IEnumerable<string> HostJsonSettingNames() =>
        HostJsonSetting().Matches(Repository.Read("host.json")).Select(m => m.Groups["name"].Value);

    [GeneratedRegex("%(?<name>[A-Za-z0-9_]+)%")]
    private static partial Regex HostJsonSetting();

    [GeneratedRegex(@"(?:configuration|Configuration)\s*(?:\[\s*|\.GetValue<[^>]+>\(\s*|\.GetSection\(\s*)""(?<key>[^""]+)""")]
    private static partial Regex LiteralConfigurationRead();
}
