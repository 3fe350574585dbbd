using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;

namespace WgeoFlows.Local.Runtime;

/// <summary>
/// Makes sure the configured storage answers before anything else starts: when its loopback endpoints are
/// silent, starts Azurite on them and stops it again on shutdown. An Azurite someone already runs is reused
/// and left alone.
/// </summary>
public sealed class AzuriteLauncher(
    IOptions<StorageOptions> storage,
    IOptions<AzuriteOptions> options,
    ILogger<AzuriteLauncher> logger) : IHostedService, IAsyncDisposable
{
    private Process? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoints = StorageEndpoints.FromConnectionString(storage.Value.ConnectionString ?? "");
        if (endpoints is null || !endpoints.AreLoopback || !options.Value.AutoStart) return;

        var answering = await endpoints.CountAnsweringAsync(cancellationToken);
        if (answering == 3)
        {
            logger.LogInformation("Storage already answers on {Blob}; using it", endpoints.Blob);
            return;
        }
        if (answering > 0)
        {
            throw new InvalidOperationException(
                $"Only {answering} of the storage endpoints {string.Join(", ", endpoints.All)} answer. Stop whatever holds those ports, or configure Storage:ConnectionString.");
        }

        _azurite = Start(endpoints);
        await WaitUntilAnsweringAsync(endpoints, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_azurite is null) return;
        await GracefulStop.StopAsync(_azurite, TimeSpan.FromSeconds(10));
        _azurite.Dispose();
        _azurite = null;
    }

    /// <summary>Also stops Azurite when the host fails to start, in which case StopAsync is never called.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private Process Start(StorageEndpoints endpoints)
    {
        var root = RepositoryRoot.TryFind();
        var executable = options.Value.Executable
            ?? (root is null ? null : Path.Combine(root, "node_modules", ".bin", "azurite"));
        if (executable is null || !File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({executable ?? "no repository root found"}): run `npm ci` in the repository root, or start `./wgeo start`.");
        }
        var location = options.Value.Location
            ?? Path.Combine(root ?? Directory.GetCurrentDirectory(), ".azurite");
        Directory.CreateDirectory(location);

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", endpoints.Blob.Host, "--blobPort", Port(endpoints.Blob),
            "--queueHost", endpoints.Queue.Host, "--queuePort", Port(endpoints.Queue),
            "--tableHost", endpoints.Table.Host, "--tablePort", Port(endpoints.Table),
            "--location", location,
            "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        // Azurite's own lines are noise on the console; keep only its errors.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) logger.LogWarning("azurite: {Line}", e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        logger.LogInformation("Started Azurite (pid {Pid}) with data in {Location}", process.Id, location);
        return process;
    }

    private async Task WaitUntilAnsweringAsync(StorageEndpoints endpoints, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (await endpoints.CountAnsweringAsync(cancellationToken) < 3)
        {
            if (_azurite!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_azurite.ExitCode} before it answered on {endpoints.Blob}.");
            }
            if (deadline.Elapsed > options.Value.StartTimeout)
            {
                throw new TimeoutException($"Azurite did not answer on {string.Join(", ", endpoints.All)} within {options.Value.StartTimeout}.");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    private static string Port(Uri endpoint) => endpoint.Port.ToString(CultureInfo.InvariantCulture);
}
