namespace WgeoFlows.Deployment.Tests.Support;

/// <summary>Files of the repository the tests run from (found by walking up to WgeoFlows.sln).</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WgeoFlows.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("WgeoFlows.sln not found above the test folder.");
    });

    public static string Root => RootPath.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));
}
