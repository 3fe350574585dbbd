using System.Net;
using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Runtime;

/// <summary>
/// Issue "Open to the internet", point 7: the local host answers only its own host names (a DNS-rebinding page sends
/// <c>Host: evil.example</c> and gets 400, never the mail list), and maps <c>/dev/*</c> and the mail sink only in
/// Development; <c>--mode mail-sink</c> (always Development) keeps working.
/// </summary>
public sealed class LocalHostExposureTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Secrets that are neither missing, development values nor too short: what Production requires.</summary>
    private static Dictionary<string, string?> Production() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Intake:WebhookSecret"] = "webhook-" + new string('w', 40),
        ["Links:SigningKey"] = "links-" + new string('l', 40),
        ["Admin:ApiKey"] = "admin-" + new string('a', 40),
        ["Intake:Typeform:Secret"] = "typeform-" + new string('t', 40),
        ["SendGrid:ApiKey"] = "SG.production-like-key",
    };

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(LocalHostProcess host, string path, string? hostHeader = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, path);
        if (hostHeader is not null) message.Headers.Host = hostHeader;
        using var response = await host.Http.SendAsync(message, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    [InlineData("localhost.evil.example")]
    public async Task A_request_for_another_host_name_gets_400_and_no_mail_list(string hostHeader)
    {
        var host = hostHeader.Replace("{port}", fixture.Host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        foreach (var path in new[] { "/dev/mail", "/dev/outbox", "/api/health", "/api/admin" })
        {
            var (status, body) = await GetAsync(fixture.Host, path, host);
            status.ShouldBe(HttpStatusCode.BadRequest, $"{path} for Host: {host}");
            body.ShouldNotStartWith("[");
            body.ShouldNotContain("subject", Case.Insensitive);
        }
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("[::1]:{port}")]
    [InlineData("LOCALHOST:{port}")]
    public async Task Its_own_names_are_answered(string hostHeader)
    {
        var host = hostHeader.Replace("{port}", fixture.Host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var (status, body) = await GetAsync(fixture.Host, "/dev/mail", host);

        status.ShouldBe(HttpStatusCode.OK, host);
        body.ShouldStartWith("[");
    }

    [Fact]
    public async Task Outside_Development_dev_routes_and_the_mail_sink_are_404_the_api_answers_and_no_key_is_printed()
    {
        await using var production = await LocalHostProcess.StartAsync(fixture.Storage, Production(), Ct);

        foreach (var path in new[] { "/dev/mail", "/dev/outbox", "/dev/mail/faults" })
        {
            (await GetAsync(production, path)).Status.ShouldBe(HttpStatusCode.NotFound, path);
        }
        using (var send = await production.Http.PostAsync("/v3/mail/send", new StringContent("{}"), Ct))
        {
            send.StatusCode.ShouldBe(HttpStatusCode.NotFound, "no mail sink outside Development");
        }
        (await GetAsync(production, "/api/health")).Status.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(production, "/api/health", "evil.example")).Status.ShouldBe(HttpStatusCode.BadRequest);
        production.Output.ShouldNotContain(Production()["Admin:ApiKey"]!);
        production.Output.ShouldNotContain(Production()["Intake:WebhookSecret"]!);
        production.Output.ShouldNotContain("/dev/mail");
    }

    [Fact]
    public async Task Outside_Development_it_refuses_to_start_on_the_development_secrets()
    {
        var settings = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" };

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => LocalHostProcess.StartAsync(fixture.Storage, settings, Ct));

        refused.Message.ShouldContain("Admin:ApiKey is a development value");
    }

    [Fact]
    public async Task The_mail_sink_mode_runs_in_Development_behind_the_same_host_filter_and_refuses_to_start_elsewhere()
    {
        await using (var sink = await LocalHostProcess.StartMailSinkAsync(fixture.Storage, cancellationToken: Ct))
        {
            (await GetAsync(sink, "/dev/mail")).Status.ShouldBe(HttpStatusCode.OK);
            (await GetAsync(sink, "/dev/mail", "evil.example")).Status.ShouldBe(HttpStatusCode.BadRequest);
        }

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => LocalHostProcess.StartMailSinkAsync(fixture.Storage,
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, Ct));
        refused.Message.ShouldContain("development tool");
    }
}
