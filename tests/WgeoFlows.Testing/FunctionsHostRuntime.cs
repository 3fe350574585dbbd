namespace WgeoFlows.Testing;

/// <summary>
/// Which Azure Functions host runs the published app: <see cref="FolderVariable"/> (a folder holding a host build with
/// a <c>start</c> script, like <c>../shared/functions-host</c>), else <c>func</c> from Azure Functions Core Tools on the
/// PATH, else <c>../shared/functions-host</c> beside the repository. With none of them the tests fail and say what to
/// install; they never skip.
/// </summary>
public sealed record FunctionsHostRuntime(string Description, string FileName, IReadOnlyList<string> Arguments, bool RunsInAppFolder)
{
    public const string FolderVariable = "WGEO_FUNCTIONS_HOST";

    public static FunctionsHostRuntime Find(int port)
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder)
        {
            return FromFolder(folder) ?? throw new DirectoryNotFoundException(
                $"{FolderVariable}={folder} is not a Functions host build: it has no executable 'start' script.");
        }
        if (FindOnPath("func") is { } func)
        {
            // Core Tools: run from the published app's folder, settings from the environment.
            return new FunctionsHostRuntime($"Core Tools ({func})", func,
                ["host", "start", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], RunsInAppFolder: true);
        }
        var shared = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "functions-host"));
        return FromFolder(shared) ?? throw new InvalidOperationException(
            "No Azure Functions host to run the Functions app on. Install Azure Functions Core Tools " +
            "(`npm i -g azure-functions-core-tools@4` on a machine with internet), or set " +
            $"{FolderVariable} to a folder holding a host build with a 'start' script (as ../shared/functions-host).");
    }

    private static FunctionsHostRuntime? FromFolder(string folder)
    {
        var start = Path.Combine(folder, "start");
        return File.Exists(start) ? new FunctionsHostRuntime($"host build ({folder})", "bash", [start], RunsInAppFolder: false) : null;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
