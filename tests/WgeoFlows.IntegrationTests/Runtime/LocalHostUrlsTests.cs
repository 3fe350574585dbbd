using System.Globalization;
using System.Net;
using System.Net.Sockets;
using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Runtime;

/// <summary>
/// The local host listens where it is told, as every ASP.NET Core app does (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), besides
/// its own <c>--port</c> and <c>WGEO_PORT</c>; its printed URL follows, and host filtering answers the names it listens on.
/// </summary>
public sealed class LocalHostUrlsTests(LocalHostUrlsTests.StorageFixture storage) : IClassFixture<LocalHostUrlsTests.StorageFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class StorageFixture : IAsyncLifetime
    {
        public AzuriteInstance Storage { get; private set; } = null!;
        public async ValueTask InitializeAsync() => Storage = await AzuriteInstance.StartAsync();
        public async ValueTask DisposeAsync()
        {
            if (Storage is not null) await Storage.DisposeAsync();
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<HttpStatusCode> HealthAsync(LocalHostProcess host, string? hostHeader = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        if (hostHeader is not null) message.Headers.Host = hostHeader;
        using var response = await host.Http.SendAsync(message, Ct);
        return response.StatusCode;
    }

    private static bool Listens(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [Fact]
    public async Task With_urls_on_the_command_line_it_listens_there_and_prints_that_url()
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{Text(port)}";

        await using var host = await LocalHostProcess.StartListeningAsync(storage.Storage, new Uri(url), ["--urls", url], cancellationToken: Ct);

        (await HealthAsync(host)).ShouldBe(HttpStatusCode.OK);
        host.Output.ShouldContain(LocalHostProcess.ReadyLinePrefix + url);
        host.Output.ShouldNotContain("127.0.0.1:7071");
    }

    [Fact]
    public async Task With_ASPNETCORE_URLS_it_listens_there_and_answers_the_name_it_was_given()
    {
        var port = FreePort.Next();
        var url = $"http://localhost:{Text(port)}";

        await using var host = await LocalHostProcess.StartListeningAsync(storage.Storage, new Uri($"http://127.0.0.1:{Text(port)}"), [],
            new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = url }, Ct);

        host.Output.ShouldContain(LocalHostProcess.ReadyLinePrefix + url);
        (await HealthAsync(host)).ShouldBe(HttpStatusCode.OK);
        (await HealthAsync(host, $"localhost:{Text(port)}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WGEO_PORT_addressed_to_this_app_wins_over_ASPNETCORE_URLS_addressed_to_every_app()
    {
        var wgeoPort = FreePort.Next();
        var platformPort = FreePort.Next();

        await using var host = await LocalHostProcess.StartListeningAsync(storage.Storage, new Uri($"http://127.0.0.1:{Text(wgeoPort)}"), [],
            new Dictionary<string, string?>
            {
                ["WGEO_PORT"] = Text(wgeoPort),
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Text(platformPort)}",
            }, Ct);

        (await HealthAsync(host)).ShouldBe(HttpStatusCode.OK);
        Listens(platformPort).ShouldBeFalse();
    }

    [Fact]
    public async Task Urls_win_over_port_on_the_command_line_and_the_host_says_so()
    {
        var urlsPort = FreePort.Next();
        var portPort = FreePort.Next();
        var url = $"http://127.0.0.1:{Text(urlsPort)}";

        await using var host = await LocalHostProcess.StartListeningAsync(storage.Storage, new Uri(url),
            ["--port", Text(portPort), "--urls", url], cancellationToken: Ct);

        (await HealthAsync(host)).ShouldBe(HttpStatusCode.OK);
        Listens(portPort).ShouldBeFalse();
        host.Output.ShouldContain($"--port {Text(portPort)} is not used");
    }

    [Fact]
    public async Task A_host_name_it_listens_on_is_answered_and_another_name_still_gets_400()
    {
        var port = FreePort.Next();
        // Kestrel listens on every address for a name that is not an IP address nor localhost; 127.0.0.1 reaches it.
        var url = $"http://wgeo-local.test:{Text(port)}";

        await using var host = await LocalHostProcess.StartListeningAsync(storage.Storage, new Uri($"http://127.0.0.1:{Text(port)}"),
            ["--urls", url], cancellationToken: Ct);

        host.Output.ShouldContain(LocalHostProcess.ReadyLinePrefix + url);
        (await HealthAsync(host, $"wgeo-local.test:{Text(port)}")).ShouldBe(HttpStatusCode.OK);
        (await HealthAsync(host, $"evil.example:{Text(port)}")).ShouldBe(HttpStatusCode.BadRequest);
    }
}
