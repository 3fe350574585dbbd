using System.Diagnostics;

namespace WgeoFlows.Testing;

/// <summary>
/// What the local host and the Functions host have in common as child processes of a test: one process at a time, started
/// until a line says it is ready, stopped as Ctrl+C would or killed as <c>kill -9</c> would, restarted on the same port and
/// settings, with everything it printed kept for failure messages. Each host says how it is started and when it is ready.
/// </summary>
public abstract class ChildHostProcess : IAsyncDisposable
{
    private readonly ChildProcessOutput _output = new();
    private Process? _process;

    protected ChildHostProcess(Uri baseUrl)
    {
        BaseUrl = baseUrl;
        // No cookie jar: the tests of a class share this client, and a cookie one test's page set (the page language chosen
        // with ?lang=) would change what the next test's pages say. A test that needs a cookie sends it by hand.
        Http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port => BaseUrl.Port;
    public Uri BaseUrl { get; }

    /// <summary>A client with <see cref="BaseUrl"/> as its base address; it stays valid across restarts.</summary>
    public HttpClient Http { get; }

    /// <summary>Everything the process printed (stdout and stderr, all runs), for assertions and failure messages.</summary>
    public string Output => _output.Text;

    /// <summary>How long the last start took until the host was ready.</summary>
    public TimeSpan LastStartDuration { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The process's id while it runs (to read its memory from /proc).</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>The host's name in failure messages.</summary>
    protected abstract string Description { get; }

    protected abstract TimeSpan ReadyTimeout { get; }

    /// <summary>How to start one run of the host.</summary>
    protected abstract ProcessStartInfo StartInfo();

    /// <summary>Whether <paramref name="line"/> is the one the host prints once it is ready (or, for a host that needs a further
    /// check, once it may be checked: see <see cref="AfterReadyLineAsync"/>).</summary>
    protected abstract bool IsReadyLine(string line);

    /// <summary>Anything to wait for after the ready line; <see cref="ProcessHasExited"/> tells whether the host died meanwhile.</summary>
    protected virtual Task AfterReadyLineAsync(Stopwatch clock, CancellationToken cancellationToken) => Task.CompletedTask;

    protected bool ProcessHasExited => _process is null || _process.HasExited;

    /// <summary>How many lines the process has printed so far, to read what a later run printed.</summary>
    protected int OutputLineCount => _output.LineCount;

    protected IReadOnlyList<string> OutputLinesSince(int mark) => _output.LinesSince(mark);

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

    /// <summary>Starts the host again on the same port, settings and storage (stopping it first if it still runs).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await StartProcessAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts <paramref name="host"/>'s first run; a host that does not get ready is stopped before the error goes up.</summary>
    protected static async Task<T> StartedAsync<T>(T host, CancellationToken cancellationToken) where T : ChildHostProcess
    {
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

    /// <summary>Settings are environment variables; <c>Section:Key</c> becomes <c>Section__Key</c>, which works on every platform.</summary>
    protected static void AddSettings(ProcessStartInfo start, IReadOnlyDictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var start = StartInfo();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string line)
        {
            if (IsReadyLine(line)) ready.TrySetResult();
        }
        _output.LineReceived += OnLine;
        var clock = Stopwatch.StartNew();
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Description}.");
            _output.Attach(_process);
            var exited = _process.WaitForExitAsync(cancellationToken);
            var first = await Task.WhenAny(ready.Task, exited).WaitAsync(ReadyTimeout, cancellationToken);
            if (first != ready.Task)
            {
                throw new InvalidOperationException(
                    $"{Description} exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{Output}");
            }
            await AfterReadyLineAsync(clock, cancellationToken);
            LastStartDuration = clock.Elapsed;
        }
        catch (TimeoutException)
        {
            await KillHardAsync();
            throw new TimeoutException($"{Description} was not ready within {ReadyTimeout}:{Environment.NewLine}{Output}");
        }
        finally
        {
            _output.LineReceived -= OnLine;
        }
    }
}
