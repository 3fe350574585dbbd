using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace WgeoFlows.Testing;

/// <summary>
/// The published Functions app (<see cref="FunctionsApp"/>) running under the Azure Functions host
/// (<see cref="FunctionsHostRuntime"/>) on a free port, as in Azure: the host reads <c>functions.metadata</c>, starts the
/// isolated worker, proxies HTTP to it and runs the Durable extension and the timers. App settings are environment
/// variables (<c>Section__Key</c>). Ready once the host printed <c>Job host started</c> and <c>/api/health</c> answers 200.
/// </summary>
public sealed class FunctionsHostProcess : IAsyncDisposable
{
    public const string JobHostStartedLine = "Job host started";

    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(240);

    private readonly string _appFolder;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly ChildProcessOutput _output = new();
    private Process? _process;
    private int _outputMarkOfLastStart;

    private FunctionsHostProcess(int port, string appFolder, IReadOnlyDictionary<string, string?> settings)
    {
        Port = port;
        _appFolder = appFolder;
        _settings = settings;
        BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        Runtime = FunctionsHostRuntime.Find(port);
    }

    public int Port { get; }
    public Uri BaseUrl { get; }
    public FunctionsHostRuntime Runtime { get; }

    /// <summary>A client with <see cref="BaseUrl"/> as its base address; it stays valid across restarts.</summary>
    public HttpClient Http { get; }

    /// <summary>Everything the host and its worker printed (all runs), for assertions and failure messages.</summary>
    public string Output => _output.Text;

    public TimeSpan LastStartDuration { get; private set; }

    /// <summary>The functions the host listed as found in its last start ("Found the following functions:").</summary>
    public IReadOnlyList<string> LoadedFunctions => FunctionsListed(_output.LinesSince(_outputMarkOfLastStart));

    /// <summary>Starts the host on the published app with <paramref name="settings"/> (which should name
    /// <c>AzureWebJobsStorage</c>), and waits until it is ready.</summary>
    public static async Task<FunctionsHostProcess> StartAsync(
        IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken = default)
    {
        var app = await FunctionsApp.EnsurePublishedAsync(cancellationToken);
        var host = new FunctionsHostProcess(FreePort.Next(), app, settings);
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

    /// <summary>Kills the host and its worker at once, as <c>kill -9</c> would: no shutdown code runs.</summary>
    public async Task KillHardAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Stops the host as Ctrl+C would (SIGTERM); the worker exits with it.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        await ChildProcessOutput.StopGracefullyAsync(_process, TimeSpan.FromSeconds(30));
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the host again on the same port, settings and storage (after a stop or a kill).</summary>
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
        var start = new ProcessStartInfo(Runtime.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Runtime.RunsInAppFolder ? _appFolder : RepositoryPaths.Root,
        };
        foreach (var argument in Runtime.Arguments) start.ArgumentList.Add(argument);
        var url = BaseUrl.ToString().TrimEnd('/');
        start.Environment["AzureWebJobsScriptRoot"] = _appFolder;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["WEBSITE_HOSTNAME"] = BaseUrl.Authority;
        // As main.bicep does: emailed links point at the app itself unless a setting says otherwise.
        start.Environment["PublicBaseUrl"] = url;
        // Outside Development the host writes no console log; the tests read it (readiness, the functions it loaded).
        start.Environment["AzureFunctionsJobHost__logging__console__isEnabled"] = "true";
        // The storage SDK logs every request at Information: keep the output to what explains a failure.
        start.Environment["AzureFunctionsJobHost__logging__logLevel__Azure.Core"] = "Warning";
        start.Environment["AzureFunctionsJobHost__logging__logLevel__Azure.Storage"] = "Warning";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _outputMarkOfLastStart = _output.LineCount;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string line)
        {
            if (line.Contains(JobHostStartedLine, StringComparison.Ordinal)) started.TrySetResult();
        }
        _output.LineReceived += OnLine;
        var clock = Stopwatch.StartNew();
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Runtime.Description}.");
            _output.Attach(_process);
            var exited = _process.WaitForExitAsync(cancellationToken);
            var first = await Task.WhenAny(started.Task, exited).WaitAsync(ReadyTimeout, cancellationToken);
            if (first != started.Task)
            {
                throw new InvalidOperationException(
                    $"The Functions host ({Runtime.Description}) exited with code {_process.ExitCode} before it started:{Environment.NewLine}{Output}");
            }
            await WaitUntilHealthyAsync(clock, cancellationToken);
            LastStartDuration = clock.Elapsed;
        }
        catch (TimeoutException)
        {
            await KillHardAsync();
            throw new TimeoutException($"The Functions host ({Runtime.Description}) was not ready within {ReadyTimeout}:{Environment.NewLine}{Output}");
        }
        finally
        {
            _output.LineReceived -= OnLine;
        }
    }

    /// <summary>The worker starts after the job host: the app is ready when its own health route answers 200.</summary>
    private async Task WaitUntilHealthyAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var health = await Http.GetAsync("/api/health", cancellationToken);
                if (health.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"The Functions host exited before /api/health answered:{Environment.NewLine}{Output}");
            }
            if (clock.Elapsed > ReadyTimeout) throw new TimeoutException();
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>The names after the host's "Found the following functions:" line (<c>Host.Functions.{Name}</c>).</summary>
    private static List<string> FunctionsListed(IReadOnlyList<string> lines)
    {
        const string Prefix = "Host.Functions.";
        var names = new List<string>();
        var inList = false;
        foreach (var line in lines)
        {
            var text = line.Trim();
            if (text.Contains("Found the following functions:", StringComparison.Ordinal))
            {
                inList = true;
                names.Clear();
                continue;
            }
            if (!inList) continue;
            if (text.StartsWith(Prefix, StringComparison.Ordinal)) names.Add(text[Prefix.Length..]);
            else if (names.Count > 0) inList = false;
        }
        return names;
    }
}
