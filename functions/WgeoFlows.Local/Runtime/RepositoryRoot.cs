namespace WgeoFlows.Local.Runtime;

/// <summary>The folder holding WgeoFlows.sln: where node_modules (Azurite) and the local data folder live.</summary>
public static class RepositoryRoot
{
    public const string MarkerFile = "WgeoFlows.sln";

    /// <summary>Walks up from <paramref name="start"/> (default: the running assembly's folder) to the folder with WgeoFlows.sln.</summary>
    public static string? TryFind(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, MarkerFile))) return dir.FullName;
        }
        return null;
    }
}
