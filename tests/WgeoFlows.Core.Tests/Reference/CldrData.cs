using System.Text.Json;

namespace WgeoFlows.Tests.Reference;

/// <summary>CLDR's JSON as npm installs it at the repository root (cldr-core, cldr-localenames-modern, pinned in package.json
/// and installed by ./wgeo test with npm ci): the source the generated reference data and the plural rules are checked
/// against.</summary>
internal static class CldrData
{
    public static string NodeModules { get; } = Path.Combine(RepositoryRoot(), "node_modules");

    /// <summary>A file of an npm package; a missing package fails the test and says how to install it.</summary>
    public static JsonElement Read(string package, params string[] path)
    {
        var packageDir = Path.Combine(NodeModules, package);
        if (!Directory.Exists(packageDir))
        {
            throw new InvalidOperationException(
                $"CLDR's npm package {package} is not installed at {packageDir}: run `npm ci` at the repository root (./wgeo test does).");
        }
        using var stream = File.OpenRead(Path.Combine([packageDir, .. path]));
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    /// <summary>A locale's display names of one kind ("territories", "languages").</summary>
    public static Dictionary<string, string> DisplayNames(string locale, string kind) =>
        Read("cldr-localenames-modern", "main", locale, kind + ".json").GetProperty("main").GetProperty(locale)
            .GetProperty("localeDisplayNames").GetProperty(kind).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    public static string Version(string package) => Read(package, "package.json").GetProperty("version").GetString()!;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WgeoFlows.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No WgeoFlows.sln above {AppContext.BaseDirectory}.");
    }
}
