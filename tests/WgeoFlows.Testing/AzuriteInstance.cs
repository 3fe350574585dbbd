using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace WgeoFlows.Testing;

/// <summary>
/// An Azurite of a test's own: the repository's pinned Azurite on free loopback ports with a fresh data folder,
/// so that tests never share storage with each other or with a developer's Azurite on 10000–10002.
/// It can be stopped and started again on the same ports and data (storage outages); disposal removes it all.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key (public; it is in every Azure Storage emulator doc).</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly ChildProcessOutput _output = new();
    private Process? _process;

    private AzuriteInstance(string dataFolder)
    {
        DataFolder = dataFolder;
        BlobPort = FreePort.Next();
        QueuePort = FreePort.Next();
        TablePort = FreePort.Next();
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public string DataFolder { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything Azurite printed, for failure messages.</summary>
    public string Output => _output.Text;

    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};");

    public static async Task<AzuriteInstance> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = RepositoryPaths.AzuriteExecutable;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}: run `npm ci` in {RepositoryPaths.Root}.");
        }
        var instance = new AzuriteInstance(Directory.CreateTempSubdirectory("wgeo-azurite-").FullName);
        try
        {
            await instance.StartAgainAsync(cancellationToken);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops Azurite the way Ctrl+C would (it flushes its data); the ports and the data folder are kept.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        await ChildProcessOutput.StopGracefullyAsync(_process, TimeSpan.FromSeconds(10));
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts Azurite (again) on the same ports and data folder, and waits until all three services answer.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning) return;
        var start = new ProcessStartInfo(RepositoryPaths.AzuriteExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", Text(BlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Text(QueuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Text(TablePort),
            "--location", DataFolder,
            "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        _output.Attach(_process);
        await WaitUntilAnsweringAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            // Nothing is kept after disposal, so there is nothing to flush: kill at once.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            _process = null;
        }
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before answering:{Environment.NewLine}{Output}");
            }
            if (await AnswersAsync(BlobPort) && await AnswersAsync(QueuePort) && await AnswersAsync(TablePort)) return;
            if (clock.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"Azurite did not answer within {StartTimeout}:{Environment.NewLine}{Output}");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
