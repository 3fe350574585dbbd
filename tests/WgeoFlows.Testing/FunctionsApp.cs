using System.Diagnostics;

namespace WgeoFlows.Testing;

/// <summary>
/// The Functions app published in Release, as <c>azd deploy</c> ships it: <c>functions.metadata</c>, <c>host.json</c>,
/// <c>.azurefunctions/</c> and the worker. <c>./wgeo test</c> publishes it once per run into <see cref="DefaultFolder"/>
/// and names it in <see cref="FolderVariable"/>; a test process started another way publishes it itself, once, under a
/// lock file that keeps test assemblies running side by side from publishing into the same folder at once.
/// </summary>
public static class FunctionsApp
{
    /// <summary>A folder holding an already published app (set by <c>./wgeo test</c>).</summary>
    public const string FolderVariable = "WGEO_FUNCTIONS_APP";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _published;

    /// <summary><c>artifacts/functions-app</c> in the repository (git-ignored).</summary>
    public static string DefaultFolder => Path.Combine(RepositoryPaths.Root, "artifacts", "functions-app");

    public static async Task<string> EnsurePublishedAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } given)
        {
            return HasMetadata(given)
                ? given
                : throw new DirectoryNotFoundException($"{FolderVariable}={given} holds no published Functions app (no functions.metadata).");
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_published is not null) return _published;
            await using (await CrossProcessLock.AcquireAsync(DefaultFolder + ".lock", TimeSpan.FromMinutes(10), cancellationToken))
            {
                await PublishAsync(DefaultFolder, cancellationToken);
            }
            return _published = DefaultFolder;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static bool HasMetadata(string folder) => File.Exists(Path.Combine(folder, "functions.metadata"));

    private static async Task PublishAsync(string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[]
        {
            "publish", Path.Combine("functions", "WgeoFlows.Functions", "WgeoFlows.Functions.csproj"),
            "-c", "Release", "-o", folder, "--nologo", "-v", "quiet", "-clp:ErrorsOnly",
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var output = new ChildProcessOutput();
        output.Attach(process);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || !HasMetadata(folder))
        {
            throw new InvalidOperationException(
                $"dotnet publish of WgeoFlows.Functions failed (exit {process.ExitCode}):{Environment.NewLine}{output.Text}");
        }
    }
}
