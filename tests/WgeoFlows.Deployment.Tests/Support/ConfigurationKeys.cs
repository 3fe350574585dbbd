using System.Collections;
using System.Reflection;
using System.Text.Json;
using WgeoFlows.Hosting;
using WgeoFlows.Scheduling;
using WgeoFlows.Storage;
using WgeoFlows.Telemetry;

namespace WgeoFlows.Deployment.Tests.Support;

/// <summary>
/// The configuration keys the app reads, found in the code rather than listed by hand: every options class of Core
/// (a type with a <c>Section</c> constant: its settable properties, nested classes as sub-sections), every single-key
/// setting (an *Options type with a <c>Key</c> constant), the secrets the app refuses to start without, and the keys
/// named by constants where the app reads configuration directly.
/// </summary>
public static class ConfigurationKeys
{
    public static IReadOnlySet<string> ReadByTheApp()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in typeof(CoreServices).Assembly.GetTypes())
        {
            if (Constant(type, "Section") is { } section) keys.UnionWith(PropertyKeys(type, section));
            if (type.Name.EndsWith("Options", StringComparison.Ordinal) && Constant(type, "Key") is { } key) keys.Add(key);
        }
        keys.UnionWith(RequiredSettings.Secrets);
        keys.Add(TelemetryOptions.ApplicationInsightsConnectionStringKey);
        keys.Add(TelemetryOptions.ApplicationInsightsAuthenticationStringKey);
        keys.Add(StorageClients.FunctionsConnectionName);
        foreach (var job in ScheduledJobs.All)
        {
            keys.Add(job.ScheduleKey);
            if (job.FallbackIntervalKey is { } fallback) keys.Add(fallback);
        }
        return keys;
    }

    /// <summary>Keys of infra/optional-settings.json: read by the app but left to their defaults in Azure.</summary>
    public static IReadOnlyDictionary<string, string> Optional()
    {
        using var document = JsonDocument.Parse(Repository.Read("infra", "optional-settings.json"));
        return document.RootElement.GetProperty("keys").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="key"/> (Section:Key) is covered by an optional entry (exact, or "Section:*").</summary>
    public static bool IsOptional(string key, IEnumerable<string> optional) => optional.Any(o =>
        o.EndsWith(":*", StringComparison.Ordinal)
            ? key.StartsWith(o[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(o, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether an app setting sets <paramref name="key"/>: the same name with __ for ':', or a child of it
    /// (a list's AzureWebJobsStorage__accountName or Admin__NotifyEmails__0).</summary>
    public static bool IsSetBy(string key, IEnumerable<string> appSettings)
    {
        var name = key.Replace(":", "__", StringComparison.Ordinal);
        return appSettings.Any(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase)
            || s.StartsWith(name + "__", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Constant(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? field.GetRawConstantValue() as string : null;

    private static IEnumerable<string> PropertyKeys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsValue(propertyType) || typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                yield return key;
            }
            else
            {
                foreach (var nested in PropertyKeys(propertyType, key)) yield return nested;
            }
        }
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(Uri);
}
