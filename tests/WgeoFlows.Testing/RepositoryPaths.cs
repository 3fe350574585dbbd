namespace WgeoFlows.Testing;

/// <summary>Paths in the repository the tests run from, found by walking up to WgeoFlows.sln.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string AzuriteExecutable => Path.Combine(Root, "node_modules", ".bin", "azurite");

    /// <summary>The WgeoFlows.Local build in the same configuration (Debug or Release) and framework as the running test assembly.</summary>
    public static string LocalHostAssembly
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent?.Name ?? "Debug";
            var path = Path.Combine(Root, "functions", "WgeoFlows.Local", "bin", configuration, framework.Name, "WgeoFlows.Local.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException(
                    $"The local host is not built at {path}: build functions/WgeoFlows.Local with -c {configuration} " +
                        $"(test projects referencing WgeoFlows.Testing build it).", path);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WgeoFlows.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No WgeoFlows.sln above {AppContext.BaseDirectory}.");
    }
}
