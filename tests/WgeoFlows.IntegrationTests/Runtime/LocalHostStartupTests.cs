using System.Net;
using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Runtime;

public sealed class LocalHostStartupTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public void Host_started_on_a_test_azurite_prints_its_urls_keys_and_one_ready_line()
    {
        var output = fixture.Host.Output;
        var baseUrl = fixture.Host.BaseUrl.ToString().TrimEnd('/');

        output.Split('\n').Count(l => l.StartsWith(LocalHostProcess.ReadyLinePrefix, StringComparison.Ordinal)).ShouldBe(1);
        output.ShouldContain(LocalHostProcess.ReadyLinePrefix + baseUrl);
        foreach (var path in new[] { "/api/form", "/api/admin", "/dev/outbox", "/dev/mail", "/api/health" })
        {
            output.ShouldContain(baseUrl + path);
        }
        output.ShouldContain("dev-webhook-secret");
        output.ShouldContain("dev-admin-key");
        TestContext.Current.SendDiagnosticMessage($"local host start until ready: {fixture.Host.LastStartDuration.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Host_uses_the_given_storage_and_starts_no_azurite_of_its_own()
    {
        fixture.Host.Output.ShouldNotContain("Started Azurite");

        var response = await fixture.Host.Http.GetAsync("/dev/mail", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
