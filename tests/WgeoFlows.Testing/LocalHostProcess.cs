using System.Diagnostics;
using System.Globalization;

namespace WgeoFlows.Testing;

/// <summary>
/// The built WgeoFlows.Local running as a child process on a free port, as a developer runs it with
/// <c>./wgeo start</c>: for end-to-end and crash tests. Configuration is passed as environment variables
/// (<c>Section:Key</c> or <c>Section__Key</c>). It never starts an Azurite of its own (<c>Azurite:AutoStart=false</c>
/// unless given): pass the connection string of an <see cref="AzuriteInstance"/>.
/// </summary>
public sealed class LocalHostProcess : ChildHostProcess
{
    /// <summary>The line the host prints once storage, the sidecar, the worker, the client and the sample data are up.</summary>
    public const string ReadyLinePrefix = "WgeoFlows is ready at ";

    /// <summary>The line the host prints in <c>--mode mail-sink</c> once storage and the sample data are there.</summary>
    public const string MailSinkReadyLinePrefix = "WgeoFlows mail sink is ready at ";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Settings of the developer's shell that would move the host elsewhere than where the test expects it; a
    /// test that means one passes it in its configuration.</summary>
    private static readonly string[] InheritedListenSettings = ["WGEO_PORT", "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "urls"];

    private readonly IReadOnlyList<string> _listenArguments;
    private readonly IReadOnlyDictionary<string, string?> _configuration;
    private readonly string _mode;
    private readonly string _readyLinePrefix;

    private LocalHostProcess(Uri baseUrl, IReadOnlyList<string> listenArguments, IReadOnlyDictionary<string, string?> configuration,
        bool mailSinkOnly)
        : base(baseUrl)
    {
        _listenArguments = listenArguments;
        _configuration = configuration;
        _mode = mailSinkOnly ? "mail-sink" : "app";
        _readyLinePrefix = mailSinkOnly ? MailSinkReadyLinePrefix : ReadyLinePrefix;
    }

    protected override string Description => "The local host";

    protected override TimeSpan ReadyTimeout => StartTimeout;

    /// <summary>Starts the host on storage <paramref name="storage"/> with extra <paramref name="configuration"/>, and waits until it is ready.</summary>
    public static Task<LocalHostProcess> StartAsync(
        AzuriteInstance storage, IReadOnlyDictionary<string, string?>? configuration = null, CancellationToken cancellationToken = default) =>
        StartAsync(WithStorage(storage, configuration), mailSinkOnly: false, cancellationToken);

    /// <summary>Starts the host with <paramref name="configuration"/> (which should name <c>Storage:ConnectionString</c>), and waits until it is ready.</summary>
    public static Task<LocalHostProcess> StartAsync(
        IReadOnlyDictionary<string, string?> configuration, CancellationToken cancellationToken = default) =>
        StartAsync(configuration, mailSinkOnly: false, cancellationToken);

    /// <summary>Starts the local host in <c>--mode mail-sink</c> on storage <paramref name="storage"/>: the
    /// SendGrid-compatible sink (<c>/v3/mail/send</c>, <c>/dev/mail</c>) and the sample data, for another host.</summary>
    public static Task<LocalHostProcess> StartMailSinkAsync(
        AzuriteInstance storage, IReadOnlyDictionary<string, string?>? configuration = null, CancellationToken cancellationToken = default) =>
        StartAsync(WithStorage(storage, configuration), mailSinkOnly: true, cancellationToken);

    /// <summary>
    /// Starts the host on storage <paramref name="storage"/> told where to listen by <paramref name="listenArguments"/>
    /// (e.g. <c>--urls</c>; nothing, to leave it to the environment in <paramref name="configuration"/>), and waits until
    /// it is ready; <paramref name="baseUrl"/> is where the test expects it, and what <see cref="ChildHostProcess.Http"/> calls.
    /// </summary>
    public static Task<LocalHostProcess> StartListeningAsync(AzuriteInstance storage, Uri baseUrl, IReadOnlyList<string> listenArguments,
        IReadOnlyDictionary<string, string?>? configuration = null, CancellationToken cancellationToken = default) =>
        StartedAsync(new LocalHostProcess(baseUrl, listenArguments, WithStorage(storage, configuration), mailSinkOnly: false), cancellationToken);

    private static Task<LocalHostProcess> StartAsync(
        IReadOnlyDictionary<string, string?> configuration, bool mailSinkOnly, CancellationToken cancellationToken)
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        return StartedAsync(new LocalHostProcess(new Uri($"http://127.0.0.1:{port}"), ["--port", port], configuration, mailSinkOnly),
            cancellationToken);
    }

    private static Dictionary<string, string?> WithStorage(AzuriteInstance storage, IReadOnlyDictionary<string, string?>? configuration)
    {
        var all = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        all.TryAdd("Storage:ConnectionString", storage.ConnectionString);
        return all;
    }

    protected override ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add(RepositoryPaths.LocalHostAssembly);
        foreach (var argument in _listenArguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--mode");
        start.ArgumentList.Add(_mode);
        foreach (var inherited in InheritedListenSettings) start.Environment.Remove(inherited);
        start.Environment["Azurite__AutoStart"] = "false";
        AddSettings(start, _configuration);
        return start;
    }

    protected override bool IsReadyLine(string line) => line.StartsWith(_readyLinePrefix, StringComparison.Ordinal);
}
