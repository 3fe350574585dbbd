using System.Diagnostics;
using System.Globalization;

namespace WgeoFlows.Testing;

/// <summary>
/// The built WgeoFlows.Local running as a child process on a free port, as a developer runs it with
/// <c>./wgeo start</c>: for end-to-end and crash tests. Configuration is passed as environment variables
/// (<c>Section:Key</c> or <c>Section__Key</c>). It never starts an Azurite of its own (<c>Azurite:AutoStart=false</c>
/// unless given): pass the connection string of an <see cref="AzuriteInstance"/>.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    /// <summary>The line the host prints once storage, the sidecar, the worker, the client and the sample data are up.</summary>
    public const string ReadyLinePrefix = "WgeoFlows is ready at ";

    /// <summary>The line the host prints in <c>--mode mail-sink</c> once storage and the sample data are there.</summary>
    public const string MailSinkReadyLinePrefix = "WgeoFlows mail sink is ready at ";

    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private readonly IReadOnlyDictionary<string, string?> _configuration;
    private readonly ChildProcessOutput _output = new();
    private readonly string _mode;
    private readonly string _readyLinePrefix;
    private Process? _process;

    private LocalHostProcess(Uri baseUrl, IReadOnlyList<string> listenArguments, IReadOnlyDictionary<string, string?> configuration,
        bool mailSinkOnly)
    {
        _listenArguments = listenArguments;
        _configuration = configuration;
        _mode = mailSinkOnly ? "mail-sink" : "app";
        _readyLinePrefix = mailSinkOnly ? MailSinkReadyLinePrefix : ReadyLinePrefix;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    private readonly IReadOnlyList<string> _listenArguments;

    /// <summary>Settings of the developer's shell that would move the host elsewhere than where the test expects it; a
    /// test that means one passes it in its configuration.</summary>
    private static readonly string[] InheritedListenSettings = ["WGEO_PORT", "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "urls"];

    public int Port => BaseUrl.Port;
    public Uri BaseUrl { get; }

    /// <summary>A client with <see cref="BaseUrl"/> as its base address; it stays valid across restarts.</summary>
    public HttpClient Http { get; }

    /// <summary>Everything the host printed (stdout and stderr, all runs), for assertions and failure messages.</summary>
    public string Output => _output.Text;

    /// <summary>How long the last start took until the ready line.</summary>
    public TimeSpan LastStartDuration { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The host process's id while it runs (to read its memory from /proc).</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Starts the host on storage <paramref name="storage"/> with extra <paramref name="configuration"/>, and waits until it is ready.</summary>
    public static Task<LocalHostProcess> StartAsync(
        AzuriteInstance storage, IReadOnlyDictionary<string, string?>? configuration = null, CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        all.TryAdd("Storage:ConnectionString", storage.ConnectionString);
        return StartAsync(all, cancellationToken);
    }

    /// <summary>Starts the host with <paramref name="configuration"/> (which should name <c>Storage:ConnectionString</c>), and waits until it is ready.</summary>
    public static Task<LocalHostProcess> StartAsync(
        IReadOnlyDictionary<string, string?> configuration, CancellationToken cancellationToken = default) =>
        StartAsync(configuration, mailSinkOnly: false, cancellationToken);

    /// <summary>Starts the local host in <c>--mode mail-sink</c> on storage <paramref name="storage"/>: the
    /// SendGrid-compatible sink (<c>/v3/mail/send</c>, <c>/dev/mail</c>) and the sample data, for another host.</summary>
    public static Task<LocalHostProcess> StartMailSinkAsync(
        AzuriteInstance storage, IReadOnlyDictionary<string, string?>? configuration = null, CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        all.TryAdd("Storage:ConnectionString", storage.ConnectionString);
        return StartAsync(all, mailSinkOnly: true, cancellationToken);
    }

    /// <summary>
    /// Starts the host on storage <paramref name="storage"/> told where to listen by <paramref name="listenArguments"/>
    /// (e.g. <c>--urls</c>; nothing, to leave it to the environment in <paramref name="configuration"/>), and waits until
    /// it is ready; <paramref name="baseUrl"/> is where the test expects it, and what <see cref="Http"/> calls.
    /// </summary>
    public static async Task<LocalHostProcess> StartListeningAsync(AzuriteInstance storage, Uri baseUrl, IReadOnlyList<string> listenArguments,
        IReadOnlyDictionary<string, string?>? configuration = null, CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        all.TryAdd("Storage:ConnectionString", storage.ConnectionString);
        var host = new LocalHostProcess(baseUrl, listenArguments, all, mailSinkOnly: false);
        try
        {
            await host.StartProcessAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static async Task<LocalHostProcess> StartAsync(
        IReadOnlyDictionary<string, string?> configuration, bool mailSinkOnly, CancellationToken cancellationToken)
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var host = new LocalHostProcess(new Uri($"http://127.0.0.1:{port}"), ["--port", port], configuration, mailSinkOnly);
        try
        {
            await host.StartProcessAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the host and its whole process tree at once, as <c>kill -9</c> would: no shutdown code runs.</summary>
    public async Task KillHardAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Stops the host as Ctrl+C would (SIGTERM), letting it shut down cleanly.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        await ChildProcessOutput.StopGracefullyAsync(_process, TimeSpan.FromSeconds(30));
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the host again on the same port with the same configuration (stopping it first if it still runs).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await StartProcessAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(RepositoryPaths.LocalHostAssembly);
        foreach (var argument in _listenArguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--mode");
        start.ArgumentList.Add(_mode);
        foreach (var inherited in InheritedListenSettings) start.Environment.Remove(inherited);
        start.Environment["Azurite__AutoStart"] = "false";
        foreach (var (key, value) in _configuration)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string line)
        {
            if (line.StartsWith(_readyLinePrefix, StringComparison.Ordinal)) ready.TrySetResult();
        }
        _output.LineReceived += OnLine;
        var clock = Stopwatch.StartNew();
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
            _output.Attach(_process);
            var exited = _process.WaitForExitAsync(cancellationToken);
            var first = await Task.WhenAny(ready.Task, exited).WaitAsync(ReadyTimeout, cancellationToken);
            if (first != ready.Task)
            {
                throw new InvalidOperationException(
                    $"The local host exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{Output}");
            }
            LastStartDuration = clock.Elapsed;
        }
        catch (TimeoutException)
        {
            await KillHardAsync();
            throw new TimeoutException($"The local host was not ready within {ReadyTimeout}:{Environment.NewLine}{Output}");
        }
        finally
        {
            _output.LineReceived -= OnLine;
        }
    }
}
