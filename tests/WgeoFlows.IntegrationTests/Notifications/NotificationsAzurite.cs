using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace WgeoFlows.Tests.Notifications;

/// <summary>
/// The repository's Azurite (node_modules/.bin/azurite, installed by `npm install`) on free loopback ports with a
/// fresh data folder, shared by the tests of one class. A stand-in until WgeoFlows.Testing.AzuriteInstance is on main.
/// </summary>
public sealed class NotificationsAzurite : IAsyncLifetime
{
    private const string Account = "devstoreaccount1";
    // Azurite's well-known development key, published in every emulator doc: not a secret.
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly int _blobPort = FreePort();
    private readonly int _queuePort = FreePort();
    private readonly int _tablePort = FreePort();
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("wgeo-notify-azurite-").FullName;
    private Process? _process;

    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
        $"BlobEndpoint=http://127.0.0.1:{_blobPort}/{Account};QueueEndpoint=http://127.0.0.1:{_queuePort}/{Account};" +
        $"TableEndpoint=http://127.0.0.1:{_tablePort}/{Account};");

    public async ValueTask InitializeAsync()
    {
        var executable = Path.Combine(RepositoryRoot(), "node_modules", ".bin", "azurite");
        if (!File.Exists(executable)) throw new InvalidOperationException($"Azurite is not installed at {executable}: run `npm install` at the repository root.");
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--silent", "--skipApiVersionCheck", "--location", _dataFolder,
                "--blobHost", "127.0.0.1", "--blobPort", _blobPort.ToString(CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", _queuePort.ToString(CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", _tablePort.ToString(CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var port in new[] { _blobPort, _tablePort })
        {
            while (!await AnswersAsync(port))
            {
                if (_process.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException($"Azurite did not open port {port}.");
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WgeoFlows.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("WgeoFlows.sln not found above " + AppContext.BaseDirectory);
    }
}
