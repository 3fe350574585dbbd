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
public sealed class FunctionsHostProcess : ChildHostProcess
{
    public const string JobHostStartedLine = "Job host started";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);

    private readonly string _appFolder;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private int _outputMarkOfLastStart;

    private FunctionsHostProcess(int port, string appFolder, IReadOnlyDictionary<string, string?> settings)
        : base(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"))
    {
        _appFolder = appFolder;
        _settings = settings;
        Runtime = FunctionsHostRuntime.Find(port);
    }

    public FunctionsHostRuntime Runtime { get; }

    /// <summary>The functions the host listed as found in its last start ("Found the following functions:").</summary>
    public IReadOnlyList<string> LoadedFunctions => FunctionsListed(OutputLinesSince(_outputMarkOfLastStart));

    protected override string Description => $"The Functions host ({Runtime.Description})";

    protected override TimeSpan ReadyTimeout => StartTimeout;

    /// <summary>Starts the host on the published app with <paramref name="settings"/> (which should name
    /// <c>AzureWebJobsStorage</c>), and waits until it is ready.</summary>
    public static async Task<FunctionsHostProcess> StartAsync(
        IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken = default)
    {
        var app = await FunctionsApp.EnsurePublishedAsync(cancellationToken);
        return await StartedAsync(new FunctionsHostProcess(FreePort.Next(), app, settings), cancellationToken);
    }

    protected override ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(Runtime.FileName) { WorkingDirectory = Runtime.RunsInAppFolder ? _appFolder : RepositoryPaths.Root };
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
        AddSettings(start, _settings);
        _outputMarkOfLastStart = OutputLineCount;
        return start;
    }

    protected override bool IsReadyLine(string line) => line.Contains(JobHostStartedLine, StringComparison.Ordinal);

    /// <summary>The worker starts after the job host: the app is ready when its own health route answers 200.</summary>
    protected override async Task AfterReadyLineAsync(Stopwatch clock, CancellationToken cancellationToken)
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
            if (ProcessHasExited)
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
